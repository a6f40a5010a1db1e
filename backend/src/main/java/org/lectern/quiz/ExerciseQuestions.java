package org.lectern.quiz;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.lectern.exercise.Answer;
import org.lectern.exercise.AnswerShape;
import org.lectern.exercise.ExerciseCatalog;
import org.lectern.exercise.ExerciseGenerator;
import org.lectern.exercise.ExerciseInstance;
import org.lectern.exercise.Part;

/**
 * Quiz questions from exercise generators. Each attempt draws its own instance (seeded by the
 * attempt's seed and the question), and its first number or choice part becomes an ordinary NUMERIC
 * or SINGLE_CHOICE question, so saving, marking and review work as for any other question.
 */
public final class ExerciseQuestions {

    private static final ExerciseCatalog CATALOG = ExerciseCatalog.standard();

    private ExerciseQuestions() {
    }

    /** The generators that can make quiz questions (a number or a choice to answer), key → title, in catalogue order. */
    public static java.util.Map<String, String> generators() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (ExerciseGenerator g : CATALOG.all()) {
            if (problem(g.key()) == null) {
                out.put(g.key(), g.title());
            }
        }
        return out;
    }

    /** Why a generator cannot make quiz questions, or null when it can. */
    static String problem(String generatorKey) {
        Optional<ExerciseGenerator> g = CATALOG.find(generatorKey == null ? "" : generatorKey.strip());
        if (g.isEmpty()) {
            return "generator: no exercise generator '" + generatorKey + "' (see GET /api/v1/exercise-generators).";
        }
        return quizPart(g.get().generate(0)).isPresent() ? null
                : g.get().title() + " asks only for vectors or matrices; a quiz question takes a number or a choice.";
    }

    /** The question as this attempt sees it; questions of other kinds come back unchanged. */
    public static Question forAttempt(Question q, long attemptSeed) {
        if (q.kind() != QuestionKind.EXERCISE) {
            return q;
        }
        ExerciseInstance instance = CATALOG.generate(q.generator(), attemptSeed * 1_000_003L + q.id())
                .orElseThrow(() -> new IllegalStateException("generator " + q.generator() + " is gone"));
        Part part = quizPart(instance).orElseThrow();
        String lead = q.prompt() == null || q.prompt().isBlank() ? "" : q.prompt().strip() + "\n\n";
        String prompt = lead + instance.prompt() + "\n\n" + part.question();
        String explanation = part.hasExplanation() ? part.explanation() : null;
        if (part.shape() instanceof AnswerShape.Choice c) {
            return new Question(q.id(), q.poolId(), QuestionKind.SINGLE_CHOICE, prompt, q.points(), c.options(),
                    List.of(((Answer.Choice) part.expected()).index()), null, null, null, explanation, q.generator());
        }
        double expected = ((Answer.Numeric) part.expected()).values().scalarValue();
        // The quiz marks with an absolute tolerance: the part's, or its relative one at this value, whichever is wider.
        double tolerance = Math.max(part.tolerance().absolute(), part.tolerance().relative() * Math.abs(expected));
        return new Question(q.id(), q.poolId(), QuestionKind.NUMERIC, prompt, q.points(), null, null,
                BigDecimal.valueOf(expected).stripTrailingZeros(), BigDecimal.valueOf(tolerance).stripTrailingZeros(), null, explanation,
                q.generator());
    }

    private static Optional<Part> quizPart(ExerciseInstance instance) {
        return instance.parts().stream()
                .filter(p -> p.shape() instanceof AnswerShape.Scalar || p.shape() instanceof AnswerShape.Choice).findFirst();
    }
}
