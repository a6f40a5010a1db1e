package org.lectern.assignment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An assignment as created through the UI or {@code POST /api/v1/courses/{id}/assignments}. Only
 * shortName, title, releaseAt, dueAt and points are required; the rest have course-friendly defaults.
 */
public record AssignmentDraft(String shortName, String title, String type, Instant releaseAt, Instant dueAt,
                              BigDecimal points, Boolean team, String allowedExtensions, Long maxUploadBytes,
                              Integer cpuSeconds, Integer wallSeconds, Integer memoryMb, Integer outputKb,
                              String packages) {

    public static AssignmentDraft of(String shortName, String title, Instant releaseAt, Instant dueAt, BigDecimal points) {
        return new AssignmentDraft(shortName, title, null, releaseAt, dueAt, points, null, null, null, null, null, null, null, null);
    }
}
