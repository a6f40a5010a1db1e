package org.lectern.assignment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One uploaded version of an assignment's tests, their support files, and what students see of failing private
 * tests.
 */
public record Autograder(long id, long assignmentId, int version, Instant createdAt, List<TestFile> tests,
                         PrivateFeedback privateFeedback) {

    /** One file of the upload; {@code fileName} is a relative path for support and student files. */
    public record TestFile(String fileName, String sha256, Visibility visibility, BigDecimal points, FileRole role) {
    }

    public BigDecimal possible(Visibility v) {
        return tests.stream().filter(t -> t.role() == FileRole.TEST && t.visibility() == v).map(TestFile::points)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
