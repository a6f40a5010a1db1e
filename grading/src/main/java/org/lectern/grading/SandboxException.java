package org.lectern.grading;

import java.io.IOException;

/** The sandbox itself could not be set up; the student's code never ran, so this is never the student's fault. */
public class SandboxException extends IOException {
    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
