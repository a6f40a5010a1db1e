package org.lectern.poll;

/**
 * The seeds' rhythm for a lecture question (UW CSE 416): think alone and vote, discuss in groups and
 * vote again, then reveal. Staff move a poll forward only; the group round may be skipped.
 */
public enum PollPhase {
    DRAFT, THINK, GROUP, REVEAL, CLOSED;

    /** The voting round this phase collects (1 or 2), or 0 when no votes are taken. */
    public int round() {
        return switch (this) {
            case THINK -> 1;
            case GROUP -> 2;
            default -> 0;
        };
    }

    public boolean canMoveTo(PollPhase next) {
        return next.ordinal() > ordinal() && !(this == DRAFT && next == GROUP);
    }

    public String label() {
        return switch (this) {
            case DRAFT -> "Not started";
            case THINK -> "Think: vote on your own";
            case GROUP -> "Group: discuss, then vote again";
            case REVEAL -> "Answer revealed";
            case CLOSED -> "Closed";
        };
    }
}
