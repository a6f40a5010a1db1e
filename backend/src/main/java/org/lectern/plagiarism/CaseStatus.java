package org.lectern.plagiarism;

/** A TA's judgement of a pair. A confirmed case goes to the instructor for a decision. */
public enum CaseStatus {
    DISMISSED, SUSPICIOUS, CONFIRMED
}
