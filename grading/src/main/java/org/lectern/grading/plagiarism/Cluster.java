package org.lectern.grading.plagiarism;

import java.util.List;

/**
 * Students linked, directly or through each other, by pairs whose maximum similarity reaches
 * {@link CheckOptions#clusterThreshold()}; earlier terms and references are not members.
 *
 * @param members student candidate ids, sorted
 * @param links how many linking pairs there are among the members
 * @param strongestSimilarity the highest maximum similarity of a linking pair
 * @param meanSimilarity the mean maximum similarity of the linking pairs
 */
public record Cluster(List<String> members, int links, double strongestSimilarity, double meanSimilarity) {

    public Cluster {
        members = List.copyOf(members);
    }
}
