package org.lectern.platform;

/**
 * Published inside a transaction that changed what waits for a course's staff (a request asked or answered, an autograder run ended FAILED), for
 * live pages that count it; features that already publish their own events (scores, submissions) need not.
 */
public record StaffWorkChanged(long courseId) {
}
