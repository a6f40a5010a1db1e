package org.lectern.poll;

/** What a poll asks for: one of its choices, a number, or the answer to a shared exercise instance. */
public enum PollKind {
    CHOICE, NUMBER, EXERCISE
}
