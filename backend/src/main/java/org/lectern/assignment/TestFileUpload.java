package org.lectern.assignment;

import java.math.BigDecimal;

/** One pytest file of an autograder upload, with its visibility and the points its tests share. */
public record TestFileUpload(String fileName, byte[] content, Visibility visibility, BigDecimal points) {
}
