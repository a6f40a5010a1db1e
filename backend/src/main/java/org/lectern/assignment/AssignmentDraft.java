package org.lectern.assignment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An assignment as created through the UI or {@code POST /api/v1/courses/{id}/assignments}. Only
 * shortName, title, releaseAt, dueAt and points are required; the rest have course-friendly defaults. A team item's
 * {@code teamMinSize}/{@code teamMaxSize} (1..20) override the course's team sizes for that item; null keeps the course's.
 */
public record AssignmentDraft(String shortName, String title, String type, Instant releaseAt, Instant dueAt,
                              BigDecimal points, Boolean team, String allowedExtensions, Long maxUploadBytes,
                              Integer cpuSeconds, Integer wallSeconds, Integer memoryMb, Integer outputKb,
                              String packages, String category, LateDays lateDays, Integer teamMinSize,
                              Integer teamMaxSize) {

    /** Per-item late-day rules for the gradebook; null fields mean the course's rules. */
    public record LateDays(Boolean takesLateDays, String acceptsLate, Integer maxPerItem, BigDecimal penaltyPercentPerDay,
                           Integer maxDaysLate) {
    }

    public AssignmentDraft(String shortName, String title, String type, Instant releaseAt, Instant dueAt, BigDecimal points,
                           Boolean team, String allowedExtensions, Long maxUploadBytes, Integer cpuSeconds, Integer wallSeconds,
                           Integer memoryMb, Integer outputKb, String packages, String category, LateDays lateDays) {
        this(shortName, title, type, releaseAt, dueAt, points, team, allowedExtensions, maxUploadBytes, cpuSeconds, wallSeconds,
                memoryMb, outputKb, packages, category, lateDays, null, null);
    }

    public AssignmentDraft(String shortName, String title, String type, Instant releaseAt, Instant dueAt, BigDecimal points,
                           Boolean team, String allowedExtensions, Long maxUploadBytes, Integer cpuSeconds, Integer wallSeconds,
                           Integer memoryMb, Integer outputKb, String packages) {
        this(shortName, title, type, releaseAt, dueAt, points, team, allowedExtensions, maxUploadBytes, cpuSeconds, wallSeconds,
                memoryMb, outputKb, packages, null, null);
    }

    public static AssignmentDraft of(String shortName, String title, Instant releaseAt, Instant dueAt, BigDecimal points) {
        return new AssignmentDraft(shortName, title, null, releaseAt, dueAt, points, null, null, null, null, null, null, null, null);
    }
}
