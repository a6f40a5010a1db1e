package org.lectern.assignment;

import java.math.BigDecimal;

/**
 * One file of an autograder upload: a pytest file with its visibility and the points its tests share, or a support
 * file for the tests' side or the student's side (see {@link FileRole}), whose name may be a relative path.
 */
public record TestFileUpload(String fileName, byte[] content, Visibility visibility, BigDecimal points, FileRole role) {

    /** A pytest file. */
    public TestFileUpload(String fileName, byte[] content, Visibility visibility, BigDecimal points) {
        this(fileName, content, visibility, points, FileRole.TEST);
    }
}
