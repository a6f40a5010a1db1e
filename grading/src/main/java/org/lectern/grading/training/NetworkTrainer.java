package org.lectern.grading.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.lectern.grading.model.DevicePreference;
import org.lectern.grading.model.EvaluationData;

/**
 * Trains one network in this process with Deep Java Library on PyTorch, and reports each epoch as it ends. Only the
 * training worker ({@link TrainingProcess}) runs this: the web app never loads PyTorch.
 *
 * <p>Each epoch trains on the training split in minibatches shuffled by the run's seed, then evaluates the whole
 * validation split. The training loss and accuracy are those of the minibatches as they were trained (what a training
 * loop prints); the validation ones come after the epoch, in inference mode. A loss that stops being a finite number
 * ends the run after that epoch: the learning rate was too high.
 */
public final class NetworkTrainer {

    public static final String ENGINE = "PyTorch";

    private NetworkTrainer() {
    }

    /** Trains and reports {@link TrainingEvent.Started}, one {@link TrainingEvent.Epoch} per epoch, then {@link TrainingEvent.Finished}. */
    public static void train(TrainingConfig config, TrainingDataset dataset, EvaluationData data, DevicePreference preference,
                             Consumer<TrainingEvent> events) {
        Engine engine = Engine.getEngine(ENGINE);
        Device device = device(engine, preference);
        engine.setRandomSeed((int) config.seed());
        DataSplit split = DataSplit.of(labels(data), data.classes());
        int size = data.imageSize();
        float[] pixels = normalised(data, dataset.divisor());
        int[] labels = labels(data);

        try (Model model = Model.newInstance("playground", device, ENGINE)) {
            model.setBlock(block(config.architecture(), data.classes()));
            Optimizer optimizer = switch (config.optimizer()) {
                case SGD -> Optimizer.sgd().setLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                        .optWeightDecays((float) config.weightDecay()).build();
                case SGD_MOMENTUM -> Optimizer.sgd().setLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                        .optMomentum(OptimizerKind.MOMENTUM).optWeightDecays((float) config.weightDecay()).build();
                case ADAM -> Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                        .optWeightDecays((float) config.weightDecay()).build();
            };
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(optimizer)
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(new Shape(1, data.channels(), data.height(), data.width()));
                long parameters = 0;
                for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                    parameters += p.getValue().getArray().size();
                }
                double startup = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
                events.accept(new TrainingEvent.Started(describe(device), engine.getEngineName() + " " + engine.getVersion(),
                        parameters, split.train().length, split.validation().length, startup));

                NDManager manager = model.getNDManager();
                Shape image = new Shape(data.channels(), data.height(), data.width());
                SplittableRandom order = new SplittableRandom(config.seed());
                long trainingStart = System.nanoTime();
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    long epochStart = System.nanoTime();
                    int[] shuffled = shuffle(split.train(), order);
                    double lossSum = 0;
                    long right = 0;
                    for (int from = 0; from < shuffled.length; from += config.batchSize()) {
                        int n = Math.min(config.batchSize(), shuffled.length - from);
                        try (NDManager batch = manager.newSubManager()) {
                            NDArray x = batch.create(gather(pixels, size, shuffled, from, n), new Shape(n).addAll(image));
                            NDArray y = batch.create(gatherLabels(labels, shuffled, from, n));
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                                NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                                collector.backward(loss);
                                lossSum += loss.getFloat() * (double) n;
                                right += logits.argMax(1).eq(y).countNonzero().getLong();
                            }
                            trainer.step();
                        }
                    }
                    double trainLoss = lossSum / shuffled.length;
                    double trainAccuracy = (double) right / shuffled.length;
                    double[] validation = validate(trainer, manager, pixels, size, labels, split.validation(), image);
                    double seconds = (System.nanoTime() - epochStart) / 1e9;
                    EpochMetrics metrics = new EpochMetrics(epoch, EpochMetrics.finite(trainLoss), trainAccuracy,
                            EpochMetrics.finite(validation[0]), validation[1], seconds);
                    events.accept(new TrainingEvent.Epoch(metrics));
                    if (metrics.diverged()) {
                        events.accept(new TrainingEvent.Finished(true, (System.nanoTime() - trainingStart) / 1e9,
                                "The loss stopped being a number in epoch " + epoch + " (it diverged), so training stopped: the"
                                        + " learning rate " + TrainingConfig.number(config.learningRate())
                                        + " is probably too high for " + config.optimizer().label().replaceFirst(" \\(.*", "")
                                        + "; try one ten times smaller."));
                        return;
                    }
                }
                events.accept(new TrainingEvent.Finished(false, (System.nanoTime() - trainingStart) / 1e9, null));
            }
        }
    }

    /** The network for an architecture; every one takes [N, C, H, W] images. */
    static Block block(Architecture architecture, int classes) {
        SequentialBlock net = new SequentialBlock();
        switch (architecture.kind()) {
            case LINEAR -> net.add(Blocks.batchFlattenBlock()).add(linear(classes));
            case MLP1 -> net.add(Blocks.batchFlattenBlock()).add(linear(architecture.width())).add(Activation::relu)
                    .add(linear(classes));
            case MLP2 -> net.add(Blocks.batchFlattenBlock()).add(linear(architecture.width())).add(Activation::relu)
                    .add(linear(architecture.width())).add(Activation::relu).add(linear(classes));
            case CNN -> net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                            .setFilters(architecture.width()).build())
                    .add(Activation::relu)
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                    .add(Blocks.batchFlattenBlock())
                    .add(linear(classes));
        }
        return net;
    }

    /** "cpu" or "gpu(0)". */
    static String describe(Device device) {
        return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
    }

    private static Linear linear(int units) {
        return Linear.builder().setUnits(units).build();
    }

    private static Device device(Engine engine, DevicePreference preference) {
        // DJL counts GPUs through the CUDA driver, whatever libtorch was built for: a CPU build on a GPU machine sees
        // GPUs it cannot use, so the build's own features decide too.
        boolean cuda = engine.hasCapability(ai.djl.engine.StandardCapabilities.CUDA);
        return choose(preference, engine.getGpuCount(), cuda);
    }

    /**
     * The device for a preference: the GPU when one is visible and libtorch was built with CUDA (AUTO and GPU), else the
     * CPU (AUTO and CPU); GPU without both fails with the reason.
     */
    static Device choose(DevicePreference preference, int gpus, boolean cudaBuild) {
        boolean usable = gpus > 0 && cudaBuild;
        return switch (preference) {
            case CPU -> Device.cpu();
            case AUTO -> usable ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (!cudaBuild) {
                    throw new IllegalStateException("a GPU was asked for, but this worker's libtorch is the CPU build");
                }
                if (gpus == 0) {
                    throw new IllegalStateException("a GPU was asked for, but this worker sees none");
                }
                yield Device.gpu();
            }
        };
    }

    /** [loss, accuracy] on the validation images, in inference mode, in one pass. */
    private static double[] validate(Trainer trainer, NDManager manager, float[] pixels, int size, int[] labels,
                                     int[] indices, Shape image) {
        try (NDManager batch = manager.newSubManager()) {
            NDArray x = batch.create(gather(pixels, size, indices, 0, indices.length), new Shape(indices.length).addAll(image));
            NDArray y = batch.create(gatherLabels(labels, indices, 0, indices.length));
            NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
            double loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits)).getFloat();
            double accuracy = (double) logits.argMax(1).eq(y).countNonzero().getLong() / indices.length;
            return new double[] {loss, accuracy};
        }
    }

    private static int[] shuffle(int[] indices, SplittableRandom random) {
        int[] out = indices.clone();
        for (int i = out.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    private static float[] gather(float[] pixels, int size, int[] indices, int from, int n) {
        float[] out = new float[n * size];
        for (int i = 0; i < n; i++) {
            System.arraycopy(pixels, indices[from + i] * size, out, i * size, size);
        }
        return out;
    }

    private static long[] gatherLabels(int[] labels, int[] indices, int from, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = labels[indices[from + i]];
        }
        return out;
    }

    /** Every image's values divided by the dataset's divisor, in float32 as PyTorch's {@code x / 16}. */
    private static float[] normalised(EvaluationData data, double divisor) {
        int size = data.imageSize();
        float[] out = new float[data.size() * size];
        float d = (float) divisor;
        for (int i = 0; i < data.size(); i++) {
            float[] image = data.image(i);
            for (int k = 0; k < size; k++) {
                out[i * size + k] = image[k] / d;
            }
        }
        return out;
    }

    private static int[] labels(EvaluationData data) {
        int[] labels = new int[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.label(i);
        }
        return labels;
    }
}
