package org.lectern.grading.model;

/** Evaluation data that does not follow the documented format; the message names the file and line. */
public final class EvaluationDataException extends Exception {

    public EvaluationDataException(String message) {
        super(message);
    }
}
