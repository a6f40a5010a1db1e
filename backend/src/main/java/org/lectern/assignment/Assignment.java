package org.lectern.assignment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * A graded piece of coursework with its submission and sandbox limits. A team item may take its own team sizes
 * ({@code teamMinSize}, {@code teamMaxSize}); null means the course's.
 */
public record Assignment(long id, long courseId, String shortName, String title, Kind kind, Instant releaseAt,
                         Instant dueAt, BigDecimal points, boolean team, Set<String> allowedExtensions,
                         long maxUploadBytes, Limits limits, Set<String> packages, Instant gradesReleasedAt,
                         Integer teamMinSize, Integer teamMaxSize) {

    public enum Kind { NOTEBOOK, MODEL }

    /** What the sandbox allows one grading run. */
    public record Limits(int cpuSeconds, int wallSeconds, int memoryMb, int outputKb) {
    }

    public boolean releasedAt(Instant now) {
        return !releaseAt.isAfter(now);
    }

    public boolean gradesReleased() {
        return gradesReleasedAt != null;
    }
}
