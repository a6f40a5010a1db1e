package org.lectern.poll;

/** Published inside the vote's transaction; the live views refresh after it commits. */
public record PollVoted(long pollId) {
}
