package org.lectern.quiz;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lectern.platform.NumberLimits;

/**
 * Marks answers, one {@link Grader} per {@link QuestionKind}. Pure: no Spring, no database.
 * <ul>
 * <li>Single choice: all or nothing.</li>
 * <li>Multiple choice: right minus wrong, floored at 0: points × max(0, (right options chosen −
 * wrong options chosen) / number of right options), rounded half up to 2 decimals. Choosing every
 * option therefore earns nothing unless every option is right.</li>
 * <li>Numeric: full points when |given − answer| ≤ tolerance (absolute), else 0.</li>
 * <li>Short text: full points when it matches an accepted answer, ignoring case and runs of spaces
 * at either end or inside; otherwise PENDING for a TA (an empty answer is 0 at once).</li>
 * </ul>
 * An empty answer earns 0 for every kind.
 */
public final class QuizGrading {

    private QuizGrading() {
    }

    /** How a mark came about: computed, waiting for a TA, or given by a TA. */
    public enum Status { AUTO, PENDING, GRADED }

    /** Points earned on one question (0 while pending) and how they came about. */
    public record Mark(BigDecimal points, Status status) {
        public static Mark auto(BigDecimal points) {
            return new Mark(points, Status.AUTO);
        }

        public static Mark pending() {
            return new Mark(BigDecimal.ZERO, Status.PENDING);
        }
    }

    /** What a question kind needs: checking a question as written, checking an answer, marking it. */
    public interface Grader {
        /** Problems with a question as an instructor wrote it, each prefixed with {@code where}. */
        void check(Question q, String where, List<String> problems);

        /** Why this answer cannot be saved for the question, or null when it can. */
        String problem(Question q, Answer a);

        /** The mark of a non-empty answer. */
        Mark grade(Question q, Answer a);
    }

    public static Grader graderFor(QuestionKind kind) {
        return switch (kind) {
            case SINGLE_CHOICE -> CHOICE_ONE;
            case MULTIPLE_CHOICE -> CHOICE_MANY;
            case NUMERIC -> NUMERIC;
            case SHORT_TEXT -> SHORT_TEXT;
            case EXERCISE -> EXERCISE;
        };
    }

    public static Mark grade(Question q, Answer a) {
        if (a == null || a.isEmpty()) {
            return Mark.auto(BigDecimal.ZERO);
        }
        return graderFor(q.kind()).grade(q, a);
    }

    /** Null when the answer may be saved (an empty one always may: it clears the response). */
    public static String problem(Question q, Answer a) {
        if (a == null || a.isEmpty()) {
            return null;
        }
        return graderFor(q.kind()).problem(q, a);
    }

    public static void check(Question q, String where, List<String> problems) {
        if ((q.prompt() == null || q.prompt().isBlank()) && q.kind() != QuestionKind.EXERCISE) {
            problems.add(where + ": prompt is required.");
        }
        if (q.points() == null || q.points().signum() < 0) {
            problems.add(where + ": points must be zero or more.");
        } else {
            NumberLimits.problem(q.points()).ifPresent(p -> problems.add(where + ": points " + p + "."));
        }
        graderFor(q.kind()).check(q, where, problems);
    }

    /** Whether a score reaches a threshold given in percent of the points possible. */
    public static boolean passed(BigDecimal score, BigDecimal possible, BigDecimal thresholdPercent) {
        if (score == null || thresholdPercent == null) {
            return false;
        }
        if (possible == null || possible.signum() == 0) {
            return true;
        }
        return score.multiply(BigDecimal.valueOf(100)).compareTo(thresholdPercent.multiply(possible)) >= 0;
    }

    /** Case, surrounding and repeated spaces do not matter when comparing short answers. */
    public static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static BigDecimal round(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static final int MAX_TEXT = 5000;

    private abstract static class Choice implements Grader {
        private final boolean many;

        Choice(boolean many) {
            this.many = many;
        }

        @Override
        public void check(Question q, String where, List<String> problems) {
            if (q.options().size() < 2) {
                problems.add(where + ": a choice question needs at least two options.");
            }
            if (q.options().stream().anyMatch(o -> o == null || o.isBlank())) {
                problems.add(where + ": options may not be blank.");
            }
            if (q.correct().isEmpty()) {
                problems.add(where + ": say which option is correct (correct: [index], counting from 0).");
            } else if (!many && q.correct().size() > 1) {
                problems.add(where + ": a single-choice question has exactly one correct option (use multiple_choice for more).");
            }
            if (q.correct().stream().anyMatch(i -> i == null || i < 0 || i >= q.options().size())) {
                problems.add(where + ": correct names an option that does not exist (options count from 0).");
            }
        }

        @Override
        public String problem(Question q, Answer a) {
            if (a.choices().isEmpty()) {
                return "Choose one of the options.";
            }
            if (!many && a.choices().size() > 1) {
                return "Choose only one option.";
            }
            if (a.choices().stream().anyMatch(i -> i < 0 || i >= q.options().size())) {
                return "That option does not exist.";
            }
            return null;
        }
    }

    private static final Grader CHOICE_ONE = new Choice(false) {
        @Override
        public Mark grade(Question q, Answer a) {
            boolean right = a.choices().size() == 1 && q.correct().contains(a.choices().getFirst());
            return Mark.auto(right ? round(q.points()) : round(BigDecimal.ZERO));
        }
    };

    private static final Grader CHOICE_MANY = new Choice(true) {
        @Override
        public Mark grade(Question q, Answer a) {
            Set<Integer> correct = new HashSet<>(q.correct());
            long right = a.choices().stream().filter(correct::contains).count();
            long wrong = a.choices().size() - right;
            long net = Math.max(0, right - wrong);
            return Mark.auto(round(q.points().multiply(BigDecimal.valueOf(net))
                    .divide(BigDecimal.valueOf(correct.size()), 10, RoundingMode.HALF_UP)));
        }
    };

    private static final Grader NUMERIC = new Grader() {
        @Override
        public void check(Question q, String where, List<String> problems) {
            if (q.answer() == null) {
                problems.add(where + ": a numeric question needs its answer.");
            }
            if (q.tolerance().signum() < 0) {
                problems.add(where + ": tolerance must be zero or more.");
            }
            NumberLimits.problem(q.answer()).ifPresent(p -> problems.add(where + ": the answer " + p + "."));
            NumberLimits.problem(q.tolerance()).ifPresent(p -> problems.add(where + ": tolerance " + p + "."));
        }

        @Override
        public String problem(Question q, Answer a) {
            if (a.number() == null) {
                return "Enter a number.";
            }
            return NumberLimits.problem(a.number()).map(p -> "Your answer " + p + ".").orElse(null);
        }

        @Override
        public Mark grade(Question q, Answer a) {
            boolean right = a.number().subtract(q.answer()).abs().compareTo(q.tolerance()) <= 0;
            return Mark.auto(right ? round(q.points()) : round(BigDecimal.ZERO));
        }
    };

    /**
     * Checks the generator when the quiz is written; answers are marked on the student's own instance
     * after {@link ExerciseQuestions#forAttempt} has made it a number or choice question.
     */
    private static final Grader EXERCISE = new Grader() {
        @Override
        public void check(Question q, String where, List<String> problems) {
            String issue = ExerciseQuestions.problem(q.generator());
            if (issue != null) {
                problems.add(where + ": " + issue);
            }
        }

        @Override
        public String problem(Question q, Answer a) {
            throw new IllegalStateException("an exercise question is answered on its student's instance");
        }

        @Override
        public Mark grade(Question q, Answer a) {
            throw new IllegalStateException("an exercise question is marked on its student's instance");
        }
    };

    private static final Grader SHORT_TEXT = new Grader() {
        @Override
        public void check(Question q, String where, List<String> problems) {
            if (q.accepted().stream().anyMatch(s -> s == null || s.isBlank())) {
                problems.add(where + ": accepted answers may not be blank.");
            }
        }

        @Override
        public String problem(Question q, Answer a) {
            if (a.text() == null) {
                return "Enter a text answer.";
            }
            return a.text().length() > MAX_TEXT ? "Answers are at most " + MAX_TEXT + " characters." : null;
        }

        @Override
        public Mark grade(Question q, Answer a) {
            String given = normalise(a.text());
            if (given.isEmpty()) {
                return Mark.auto(round(BigDecimal.ZERO));
            }
            boolean accepted = q.accepted().stream().anyMatch(s -> normalise(s).equals(given));
            return accepted ? Mark.auto(round(q.points())) : Mark.pending();
        }
    };
}
