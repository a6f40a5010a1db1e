package org.lectern.platform;

/** The request clashes with what is stored, e.g. a duplicate course code (answered as 409). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
