package org.lectern.grading.live;

/** A live answer that could not be given: the worker is starting, busy, late, or broke. The message says which. */
public final class LiveInferenceException extends Exception {

    public LiveInferenceException(String message) {
        super(message);
    }
}
