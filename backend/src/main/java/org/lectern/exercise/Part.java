package org.lectern.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One question of an exercise instance, answered and marked on its own.
 *
 * @param id          stable within the instance ("output", "loss"); answers are keyed by it
 * @param question    Markdown with KaTeX
 * @param shape       what the answer looks like
 * @param expected    the right answer; it fits {@code shape}
 * @param tolerance   how close a number must be (per cell)
 * @param hints       shown one at a time after wrong attempts, from general to specific
 * @param explanation the worked answer, shown when the student is done ("" when there is none)
 * @param weight      the part's share of the exercise's score, relative to the other parts
 * @param mistakes    known wrong answers with targeted feedback; none is accepted as right
 */
public record Part(String id, String question, AnswerShape shape, Answer expected, Tolerance tolerance,
                   List<String> hints, String explanation, double weight, List<CommonMistake> mistakes) {

    public Part {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("a part id is a lower-case slug: " + id);
        }
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("part " + id + " needs a question");
        }
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(tolerance, "tolerance");
        if (expected == null || !shape.fits(expected)) {
            throw new IllegalArgumentException("part " + id + ": expected answer " + expected + " is not " + shape.describe());
        }
        hints = List.copyOf(hints);
        explanation = explanation == null ? "" : explanation;
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("part " + id + ": weight must be positive: " + weight);
        }
        mistakes = List.copyOf(mistakes);
        for (CommonMistake mistake : mistakes) {
            if (!shape.fits(mistake.answer())) {
                throw new IllegalArgumentException("part " + id + ": mistake " + mistake.answer() + " is not " + shape.describe());
            }
            if (AnswerChecker.matches(expected, mistake.answer(), tolerance)) {
                throw new IllegalArgumentException("part " + id + ": mistake " + mistake.answer() + " would be accepted as right");
            }
        }
    }

    public static Builder builder(String id, String question, AnswerShape shape) {
        return new Builder(id, question, shape);
    }

    /** The hint at a 0-based index, if the part has that many. */
    public Optional<String> hint(int index) {
        return index >= 0 && index < hints.size() ? Optional.of(hints.get(index)) : Optional.empty();
    }

    public boolean hasExplanation() {
        return !explanation.isBlank();
    }

    public static final class Builder {
        private final String id;
        private final String question;
        private final AnswerShape shape;
        private Answer expected;
        private Tolerance tolerance = Tolerance.DEFAULT;
        private final List<String> hints = new ArrayList<>();
        private String explanation = "";
        private double weight = 1;
        private final List<CommonMistake> mistakes = new ArrayList<>();

        private Builder(String id, String question, AnswerShape shape) {
            this.id = id;
            this.question = question;
            this.shape = shape;
        }

        public Builder expected(Answer expected) {
            this.expected = expected;
            return this;
        }

        public Builder tolerance(Tolerance tolerance) {
            this.tolerance = tolerance;
            return this;
        }

        public Builder hint(String hint) {
            hints.add(hint);
            return this;
        }

        public Builder explanation(String explanation) {
            this.explanation = explanation;
            return this;
        }

        public Builder weight(double weight) {
            this.weight = weight;
            return this;
        }

        /**
         * Adds a known slip unless, for these numbers, it gives the right answer anyway (no padding
         * when the padding is 0): generators list slips without checking each case.
         */
        public Builder mistake(Answer answer, String feedback) {
            Objects.requireNonNull(expected, "set the expected answer before the mistakes");
            if (!AnswerChecker.matches(expected, answer, tolerance)
                    && mistakes.stream().noneMatch(m -> AnswerChecker.matches(m.answer(), answer, tolerance))) {
                mistakes.add(new CommonMistake(answer, feedback));
            }
            return this;
        }

        public Part build() {
            return new Part(id, question, shape, expected, tolerance, hints, explanation, weight, mistakes);
        }
    }
}
