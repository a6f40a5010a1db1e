package org.lectern.exercise;

import java.util.List;
import java.util.Optional;

/**
 * How a whole attempt was marked: each part in the instance's order, and the total score in
 * [0, 1], the parts' scores averaged by their weights.
 */
public record Feedback(List<PartFeedback> parts, double score) {

    public Feedback {
        parts = List.copyOf(parts);
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score is in [0, 1]: " + score);
        }
    }

    public boolean allCorrect() {
        return parts.stream().allMatch(PartFeedback::correct);
    }

    public Optional<PartFeedback> part(String id) {
        return parts.stream().filter(p -> p.partId().equals(id)).findFirst();
    }
}
