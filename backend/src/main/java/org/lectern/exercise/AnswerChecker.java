package org.lectern.exercise;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Marks answers against a part: each cell within the part's tolerance counts, and the part scores
 * the fraction of cells right (partial credit per cell). The message says how many cells are right
 * and, when the whole answer matches a known slip, names it; a transposed matrix or flipped signs
 * are recognised for every part. The right values are never revealed here: that is the
 * explanation's job, once attempts are over.
 * <p>Hints: the caller says how many hints the student has seen for the part; after an answer that
 * is not fully right the next one is offered, so hints come one per wrong attempt, in order.
 */
public final class AnswerChecker {

    private AnswerChecker() {
    }

    public static PartFeedback check(Part part, Answer answer) {
        return check(part, answer, 0);
    }

    public static PartFeedback check(Part part, Answer answer, int hintsShown) {
        if (hintsShown < 0) {
            throw new IllegalArgumentException("hintsShown is not negative: " + hintsShown);
        }
        if (answer == null) {
            return unanswered(part);
        }
        int cells = part.shape().cellCount();
        if (!part.shape().fits(answer)) {
            String message = part.shape() instanceof AnswerShape.Choice && answer instanceof Answer.Choice
                    ? "That is not one of the options." : "Expected " + part.shape().describe() + ".";
            return wrong(part, 0, Collections.nCopies(cells, false), message, Optional.empty(), hintsShown);
        }
        List<Boolean> marks = marks(part.expected(), answer, part.tolerance());
        int right = (int) marks.stream().filter(Boolean::booleanValue).count();
        if (right == cells) {
            String message = switch (part.shape()) {
                case AnswerShape.Vector v when cells > 1 -> "Correct: all " + cells + " entries are right.";
                case AnswerShape.Matrix m when cells > 1 -> "Correct: all " + cells + " cells are right.";
                default -> "Correct.";
            };
            return new PartFeedback(part.id(), true, 1.0, marks, message, Optional.empty(), OptionalInt.empty());
        }
        Optional<CommonMistake> mistake = part.mistakes().stream()
                .filter(m -> matches(m.answer(), answer, part.tolerance()))
                .findFirst();
        String count = switch (part.shape()) {
            case AnswerShape.Vector v when cells > 1 -> right + " of " + cells + " entries are right.";
            case AnswerShape.Matrix m when cells > 1 -> right + " of " + cells + " cells are right.";
            case AnswerShape.Choice c -> "That is not the right option.";
            default -> "Not quite.";
        };
        String advice = mistake.map(CommonMistake::feedback).orElseGet(() -> genericAdvice(part, answer));
        String message = advice.isEmpty() ? count : count + " " + advice;
        return wrong(part, (double) right / cells, marks, message, mistake, hintsShown);
    }

    /** No answer submitted: 0, and no hint, since no attempt was made. */
    public static PartFeedback unanswered(Part part) {
        return new PartFeedback(part.id(), false, 0, Collections.nCopies(part.shape().cellCount(), false),
                "No answer yet.", Optional.empty(), OptionalInt.empty());
    }

    public static Feedback check(ExerciseInstance instance, Map<String, Answer> answers) {
        return check(instance, answers, Map.of());
    }

    /**
     * Marks every part; a part with no entry in {@code answers} scores 0 as unanswered.
     *
     * @param hintsShown per part id, how many hints the student has seen (missing means none)
     */
    public static Feedback check(ExerciseInstance instance, Map<String, Answer> answers, Map<String, Integer> hintsShown) {
        for (String id : answers.keySet()) {
            if (instance.part(id).isEmpty()) {
                throw new IllegalArgumentException("no part " + id + " in " + instance.generatorKey());
            }
        }
        List<PartFeedback> parts = new ArrayList<>();
        double weighted = 0;
        for (Part part : instance.parts()) {
            PartFeedback feedback = check(part, answers.get(part.id()), hintsShown.getOrDefault(part.id(), 0));
            parts.add(feedback);
            weighted += part.weight() * feedback.score();
        }
        // Clamped because a sum of weighted fractions can round a hair above 1.
        return new Feedback(parts, Math.min(1.0, weighted / instance.totalWeight()));
    }

    /** Whether {@code actual} has the shape of {@code expected} and every cell is within tolerance. */
    static boolean matches(Answer expected, Answer actual, Tolerance tolerance) {
        if (expected instanceof Answer.Numeric(NumberGrid e) && actual instanceof Answer.Numeric(NumberGrid a) && !e.sameShape(a)) {
            return false;
        }
        if (expected.getClass() != actual.getClass()) {
            return false;
        }
        return marks(expected, actual, tolerance).stream().allMatch(Boolean::booleanValue);
    }

    private static List<Boolean> marks(Answer expected, Answer actual, Tolerance tolerance) {
        if (expected instanceof Answer.Choice(int e)) {
            return List.of(actual instanceof Answer.Choice(int a) && a == e);
        }
        NumberGrid e = ((Answer.Numeric) expected).values();
        NumberGrid a = ((Answer.Numeric) actual).values();
        List<Boolean> out = new ArrayList<>(e.size());
        for (int i = 0; i < e.size(); i++) {
            out.add(tolerance.accepts(e.get(i), a.get(i)));
        }
        return out;
    }

    /** Slips that any numeric part can show; "" when none fits. */
    private static String genericAdvice(Part part, Answer answer) {
        if (!(part.expected() instanceof Answer.Numeric(NumberGrid e)) || !(answer instanceof Answer.Numeric(NumberGrid a))) {
            return "";
        }
        if (e.form() == NumberGrid.Form.MATRIX && e.rows() == e.cols() && e.rows() > 1) {
            Answer transposed = Answer.matrix(Mat.transpose(e.toMatrix()));
            if (!matches(part.expected(), transposed, part.tolerance()) && matches(transposed, answer, part.tolerance())) {
                return "Your matrix is the transpose of the answer: check which index runs down the rows.";
            }
        }
        boolean anyNonZero = false;
        boolean allNegated = true;
        for (int i = 0; i < e.size(); i++) {
            anyNonZero |= !part.tolerance().accepts(0, e.get(i));
            allNegated &= part.tolerance().accepts(-e.get(i), a.get(i));
        }
        return anyNonZero && allNegated ? "Check the signs: every value has the opposite sign." : "";
    }

    private static PartFeedback wrong(Part part, double score, List<Boolean> marks, String message,
                                      Optional<CommonMistake> mistake, int hintsShown) {
        OptionalInt next = hintsShown < part.hints().size() ? OptionalInt.of(hintsShown) : OptionalInt.empty();
        return new PartFeedback(part.id(), true, score, marks, message, mistake, next);
    }
}
