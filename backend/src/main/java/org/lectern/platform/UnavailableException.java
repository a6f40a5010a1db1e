package org.lectern.platform;

/** A worker the request needs cannot answer now: starting, busy or restarting (answered as 503; try again). */
public class UnavailableException extends RuntimeException {
    public UnavailableException(String message) {
        super(message);
    }
}
