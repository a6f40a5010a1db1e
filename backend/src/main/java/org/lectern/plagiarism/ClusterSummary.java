package org.lectern.plagiarism;

import java.util.List;

/** Students who match each other, directly or through one another. */
public record ClusterSummary(List<String> members, int links, double strongestSimilarity, double meanSimilarity) {

    public ClusterSummary {
        members = List.copyOf(members);
    }
}
