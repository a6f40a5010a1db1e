package org.lectern.lti;

/** A launch or login Lectern refuses; the message is shown to the person in the LMS frame. */
public class LaunchRefused extends RuntimeException {
    public LaunchRefused(String message) {
        super(message);
    }
}
