package org.lectern.grading.model;

import java.util.List;

/** An evaluation that could not produce a result, with the reason in words a student can act on. */
public final class ModelEvaluationException extends Exception {

    private final Failure failure;
    private final List<String> problems;

    public ModelEvaluationException(Failure failure, String message) {
        this(failure, message, List.of(), null);
    }

    public ModelEvaluationException(Failure failure, String message, List<String> problems, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.problems = List.copyOf(problems);
    }

    public Failure failure() {
        return failure;
    }

    /** For {@link Failure#INVALID_MODEL}: each problem found; otherwise empty. */
    public List<String> problems() {
        return problems;
    }
}
