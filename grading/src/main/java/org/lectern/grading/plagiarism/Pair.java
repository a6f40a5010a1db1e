package org.lectern.grading.plagiarism;

import java.util.List;

/**
 * Two candidates compared, at least one of them a student. When one is not a student it is always {@link #second()}.
 *
 * @param averageSimilarity matched tokens over the mean size of both sides (JPlag's "average similarity")
 * @param maximumSimilarity matched tokens over the smaller side: the share of the more-copied side that is found in
 *     the other (JPlag's "maximum similarity")
 * @param similarityOfFirst share of the first candidate's code found in the second
 * @param similarityOfSecond share of the second candidate's code found in the first
 * @param matchedTokens tokens in all fragments
 * @param flagged whether maximumSimilarity reached {@link CheckOptions#flagThreshold()}
 * @param fragments the matched pieces, in the order of the first candidate's files and lines
 */
public record Pair(Party first, Party second, double averageSimilarity, double maximumSimilarity, double similarityOfFirst,
        double similarityOfSecond, int matchedTokens, boolean flagged, List<Fragment> fragments) {

    public Pair {
        fragments = List.copyOf(fragments);
    }

    /** A candidate as a pair names it. */
    public record Party(String id, String label, Candidate.Kind kind, String origin) {

        static Party of(Candidate candidate) {
            return new Party(candidate.id(), candidate.label(), candidate.kind(), candidate.origin());
        }
    }

    /** Whether this pair is between the two given candidates, in either order. */
    public boolean between(String idA, String idB) {
        return first.id().equals(idA) && second.id().equals(idB) || first.id().equals(idB) && second.id().equals(idA);
    }
}
