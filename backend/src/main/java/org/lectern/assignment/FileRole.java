package org.lectern.assignment;

import java.util.Locale;

/**
 * What an autograder file is for. TEST: a pytest file with points and a visibility. SUPPORT: read by the tests
 * on their side only (conftest.py, helper modules and packages, data such as expected outputs or a small image
 * set); the student's code never sees it. STUDENT: copied next to the student's code (fixtures, data files the
 * student's code opens); the student's code can read it, so it holds nothing secret.
 */
public enum FileRole {
    TEST, SUPPORT, STUDENT;

    /** "test", "support", "student" as the manifest writes them. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
