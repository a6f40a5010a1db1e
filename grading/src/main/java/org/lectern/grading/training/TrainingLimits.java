package org.lectern.grading.training;

import java.time.Duration;

/**
 * Limits on one training worker process.
 *
 * @param wallTime    the longest a run may take, JVM start included; a caller may ask for less (a quota)
 * @param memoryBytes the process's data segment (RLIMIT_DATA through {@code prlimit}): Java heap, libtorch's
 *                    allocations and the JVM's own together
 * @param heapBytes   the Java heap (-Xmx), part of memoryBytes: it holds the dataset and little else
 * @param threads     PyTorch's threads within an operator (and between operators); the worker's slots fill the cores
 */
public record TrainingLimits(Duration wallTime, long memoryBytes, long heapBytes, int threads) {

    /** Ten minutes, 2 GiB of which 256 MiB heap, one thread: far more than a digits run needs (see docs/BENCHMARKS.md). */
    public static final TrainingLimits DEFAULT = new TrainingLimits(Duration.ofMinutes(10), 2L << 30, 256L << 20, 1);

    public TrainingLimits {
        if (wallTime == null || wallTime.toMillis() < 1000) {
            throw new IllegalArgumentException("the wall time limit must be at least 1 s");
        }
        if (heapBytes < (64L << 20) || memoryBytes < heapBytes + (256L << 20)) {
            throw new IllegalArgumentException("heap must be at least 64 MiB and memory at least heap + 256 MiB");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    public TrainingLimits withWallTime(Duration wall) {
        return new TrainingLimits(wall, memoryBytes, heapBytes, threads);
    }
}
