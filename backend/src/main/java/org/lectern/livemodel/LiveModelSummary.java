package org.lectern.livemodel;

/**
 * Staff's view of an exercise's use: answers, students, answer time, which pool nodes answered, and how this node's
 * worker is doing.
 */
public record LiveModelSummary(long answers, long students, Double medianMillis, Double p95Millis, String servedBy, String workerState,
                               String workerDevice, String workerError) {
}
