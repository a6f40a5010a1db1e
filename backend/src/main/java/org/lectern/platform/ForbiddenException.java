package org.lectern.platform;

/** The caller is known to the course but their role does not allow this (answered as 403). */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
