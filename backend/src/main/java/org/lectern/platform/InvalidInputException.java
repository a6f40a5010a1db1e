package org.lectern.platform;

/** Input that breaks a rule; the message says which, in words a person can act on (answered as 400). */
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String message) {
        this(null, message);
    }

    /** A rule about one input: {@code field} names it (as a form or an API body does), so a form can mark it. */
    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input the rule is about, or null when the rule is about several or none. */
    public String field() {
        return field;
    }
}
