package org.lectern.grading.training;

/**
 * What a run will cost in worker seconds, before it starts: the worker's start (JVM, libtorch, data, model) plus, per
 * epoch, a fixed part (validation, bookkeeping), a cost per minibatch step that grows with the layers (the engine's
 * calls for forward, loss, backward and the optimizer: on these small networks it dominates), a cost per multiply-add
 * of the training images, and the CNN's extra work per image (convolution and pooling). The constants are a
 * least-squares fit to {@code TrainingBench} on the 2-core development VM with one PyTorch thread per run (see
 * docs/BENCHMARKS.md, "Training runs"); a run is charged what it really used, so the estimate only has to be close.
 */
public final class TrainingCost {

    /** From the worker's start to its exit, less the epochs: JVM, libtorch loaded (already unpacked), data, model. */
    static final double STARTUP_SECONDS = 1.5;
    /** Per epoch, whatever the batches. */
    static final double EPOCH_SECONDS = 0.004;
    /** One minibatch step's fixed part. */
    static final double STEP_SECONDS = 0.00035;
    /** One minibatch step, per weight layer. */
    static final double STEP_SECONDS_PER_LAYER = 0.00012;
    /** One multiply-add of one training image, forward and backward together (validation included). */
    static final double MULTIPLY_ADD_SECONDS = 1.1e-9;
    /** The CNN's convolution and pooling per training image, beyond its multiply-adds. */
    static final double CNN_IMAGE_SECONDS = 4.6e-5;

    private TrainingCost() {
    }

    /** Seconds one epoch takes: training on the training split and validating on the rest. */
    public static double epochSeconds(TrainingDataset dataset, TrainingConfig config) {
        int train = dataset.trainImages();
        long steps = (train + config.batchSize() - 1) / config.batchSize();
        Architecture architecture = config.architecture();
        return EPOCH_SECONDS
                + steps * (STEP_SECONDS + STEP_SECONDS_PER_LAYER * layers(architecture))
                + (double) train * dataset.multiplyAdds(architecture) * MULTIPLY_ADD_SECONDS
                + (architecture.kind() == Architecture.Kind.CNN ? train * CNN_IMAGE_SECONDS : 0);
    }

    /** The whole run in worker seconds, rounded up to a whole second: what the quotas hold for it while it runs. */
    public static long estimateSeconds(TrainingDataset dataset, TrainingConfig config) {
        return (long) Math.ceil(STARTUP_SECONDS + config.epochs() * epochSeconds(dataset, config));
    }

    /** Layers with weights: their count drives the per-step cost. */
    public static int layers(Architecture architecture) {
        return switch (architecture.kind()) {
            case LINEAR -> 1;
            case MLP1, CNN -> 2;
            case MLP2 -> 3;
        };
    }
}
