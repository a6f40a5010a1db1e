package org.lectern.notebooks;

/** A notebook that cannot be read; the message is written for the student who uploaded it. */
public class NotebookFormatException extends RuntimeException {

    public NotebookFormatException(String message) {
        super(message);
    }

    public NotebookFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
