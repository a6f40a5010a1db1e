package org.lectern.notebooks;

/** An upload that will not be accepted; the message tells the student what to change. */
public class SubmissionRejectedException extends RuntimeException {

    public SubmissionRejectedException(String message) {
        super(message);
    }

    public SubmissionRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
