package org.lectern.livemodel;

/** Staff's view of an exercise's use: answers, students, answer time, and how the worker is doing. */
public record LiveModelSummary(long answers, long students, Double medianMillis, Double p95Millis, String workerState,
                               String workerDevice, String workerError) {
}
