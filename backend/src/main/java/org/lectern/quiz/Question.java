package org.lectern.quiz;

import java.math.BigDecimal;
import java.util.List;

/**
 * One question with its answer key. Which fields matter depends on the kind: options and correct
 * (option indices, 0-based) for choices; answer and tolerance for numbers; accepted for short text.
 * Never handed to students before review: they get {@link AttemptView.AttemptQuestion}.
 */
public record Question(long id, long poolId, QuestionKind kind, String prompt, BigDecimal points, List<String> options,
                       List<Integer> correct, BigDecimal answer, BigDecimal tolerance, List<String> accepted, String explanation,
                       String generator) {

    /** A question that is not drawn from an exercise generator. */
    public Question(long id, long poolId, QuestionKind kind, String prompt, BigDecimal points, List<String> options,
                    List<Integer> correct, BigDecimal answer, BigDecimal tolerance, List<String> accepted, String explanation) {
        this(id, poolId, kind, prompt, points, options, correct, answer, tolerance, accepted, explanation, null);
    }

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
        correct = correct == null ? List.of() : List.copyOf(correct);
        accepted = accepted == null ? List.of() : List.copyOf(accepted);
        tolerance = tolerance == null ? BigDecimal.ZERO : tolerance;
    }

    /** The same question's content, without ids: two drafts ask the same when these are equal. */
    public Question withoutIds() {
        return new Question(0, 0, kind, prompt, points, options, correct, answer, tolerance, accepted, explanation, generator);
    }
}
