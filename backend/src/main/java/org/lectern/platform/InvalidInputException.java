package org.lectern.platform;

/** Input that breaks a rule; the message says which, in words a person can act on (answered as 400). */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
