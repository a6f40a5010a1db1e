package org.lectern.grading.model;

/**
 * How a worker runs models.
 *
 * @param batchSize      images per batch
 * @param intraOpThreads ONNX Runtime's threads within an operator (its intra_op_num_threads); inter-op is 1
 * @param device         CPU, GPU, or whichever is there
 * @param latencySamples how many images are also classified one at a time to measure per-image latency (after
 *                       3 untimed ones); 0 skips the measurement
 * @param cacheDir       Deep Java Library's cache (DJL_CACHE_DIR and ENGINE_CACHE_DIR); null for
 *                       {@code java.io.tmpdir/lectern-djl}. DJL runs offline and downloads nothing.
 */
public record EvaluatorOptions(int batchSize, int intraOpThreads, DevicePreference device, int latencySamples,
                               String cacheDir) {

    /**
     * Batches of 64, one intra-op thread, GPU if there is one, 50 latency samples. One thread because a worker runs
     * one evaluation per slot and its slots fill the cores; on the 2-core development VM under load, 2 threads
     * evaluated the digits CNN 3 times slower than 1 (docs/BENCHMARKS.md, "Model evaluation").
     */
    public static final EvaluatorOptions DEFAULT = new EvaluatorOptions(64, 1, DevicePreference.AUTO, 50, null);

    public EvaluatorOptions {
        if (batchSize < 1 || intraOpThreads < 1 || latencySamples < 0) {
            throw new IllegalArgumentException("batch size and threads must be positive, latency samples >= 0");
        }
        if (device == null) {
            throw new IllegalArgumentException("device is required");
        }
    }

    public EvaluatorOptions withBatchSize(int size) {
        return new EvaluatorOptions(size, intraOpThreads, device, latencySamples, cacheDir);
    }

    public EvaluatorOptions withIntraOpThreads(int threads) {
        return new EvaluatorOptions(batchSize, threads, device, latencySamples, cacheDir);
    }

    public EvaluatorOptions withDevice(DevicePreference preference) {
        return new EvaluatorOptions(batchSize, intraOpThreads, preference, latencySamples, cacheDir);
    }

    public EvaluatorOptions withLatencySamples(int samples) {
        return new EvaluatorOptions(batchSize, intraOpThreads, device, samples, cacheDir);
    }
}
