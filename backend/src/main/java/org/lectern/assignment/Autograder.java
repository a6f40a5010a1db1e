package org.lectern.assignment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One uploaded version of an assignment's tests. */
public record Autograder(long id, long assignmentId, int version, Instant createdAt, List<TestFile> tests) {

    public record TestFile(String fileName, String sha256, Visibility visibility, BigDecimal points) {
    }

    public BigDecimal possible(Visibility v) {
        return tests.stream().filter(t -> t.visibility() == v).map(TestFile::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
