package org.lectern.grading.model;

import java.time.Duration;

/**
 * Limits on one isolated evaluation.
 *
 * @param wallTime    from the worker process's start (JVM start, loading and all) until it is killed
 * @param memoryBytes the worker process's data segment (RLIMIT_DATA through {@code prlimit}): Java heap, ONNX
 *                    Runtime's native allocations and the JVM's own, together (the digits CNN's evaluation ran
 *                    in 160 MiB with a 32 MiB heap); what a model needs beyond that depends on its activations
 * @param heapBytes   the Java heap (-Xmx), part of memoryBytes; it holds the evaluation data and the scores
 */
public record EvaluationLimits(Duration wallTime, long memoryBytes, long heapBytes) {

    public static final EvaluationLimits DEFAULT = of(Duration.ofSeconds(60), 1L << 30);

    public EvaluationLimits {
        if (wallTime == null || wallTime.toMillis() < 1000) {
            throw new IllegalArgumentException("the wall time limit must be at least 1 s");
        }
        if (heapBytes < (32L << 20) || memoryBytes < heapBytes + (128L << 20)) {
            throw new IllegalArgumentException("heap must be at least 32 MiB and memory at least heap + 128 MiB");
        }
    }

    /** A quarter of the memory for the heap, at least 64 MiB. */
    public static EvaluationLimits of(Duration wallTime, long memoryBytes) {
        return new EvaluationLimits(wallTime, memoryBytes, Math.max(64L << 20, memoryBytes / 4));
    }

    /** "30 s", "1.5 s" */
    String wallTimeText() {
        long millis = wallTime.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
