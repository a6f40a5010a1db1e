package org.lectern.plagiarism;

import java.util.List;

/**
 * A ranked pair of a check, with the case staff opened on it (if any; a case carries over between checks).
 *
 * @param rank 1 for the most similar pair
 * @param first always a student
 * @param second a student, an earlier term's submission or a reference
 */
public record PairSummary(long id, long checkId, int rank, Party first, Party second, double averageSimilarity,
                          double maximumSimilarity, int matchedTokens, boolean flagged, Long caseId, CaseStatus caseStatus) {

    /** Whether this pair is between the two parties, in either order. */
    public boolean between(String a, String b) {
        return first.id().equals(a) && second.id().equals(b) || first.id().equals(b) && second.id().equals(a);
    }

    /**
     * One side of a pair.
     *
     * @param id the engine's candidate id: {@code u<account>} for a student, {@code p<entry>-<n>} for an earlier term's
     *     submission, {@code r<entry>} for a reference
     * @param kind STUDENT, PREVIOUS_TERM or REFERENCE
     * @param origin the term, or a reference's source and date; null for students
     * @param members the student account ids it stands for (several for a team); empty otherwise
     */
    public record Party(String id, String label, String kind, String origin, List<Long> members) {

        public Party {
            members = List.copyOf(members);
        }

        public boolean isStudent() {
            return "STUDENT".equals(kind);
        }

        /** The label with the origin, e.g. "AI solution (ChatGPT-4o, 2026-10-02)". */
        public String describe() {
            return origin == null || origin.isBlank() ? label : label + " (" + origin + ")";
        }
    }
}
