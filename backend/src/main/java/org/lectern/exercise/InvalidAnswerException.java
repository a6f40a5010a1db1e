package org.lectern.exercise;

/** A submitted answer could not be read; the message is for the student, as is. */
public final class InvalidAnswerException extends RuntimeException {

    public InvalidAnswerException(String message) {
        super(message);
    }
}
