package org.lectern.grading.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One training run's choices: the network and its hyperparameters. Built through {@link #of}, which checks every
 * field and names each problem in words a student can act on.
 *
 * @param architecture the network
 * @param optimizer    SGD, SGD with momentum, or Adam
 * @param learningRate fixed for the whole run, in (0, {@value #MAX_LEARNING_RATE}]
 * @param batchSize    images per step, 1 to {@value #MAX_BATCH_SIZE}
 * @param weightDecay  L2 coefficient, 0 to {@value #MAX_WEIGHT_DECAY}
 * @param epochs       passes over the training split, 1 to {@value #MAX_EPOCHS}
 * @param seed         initial weights and the order of the batches; the same seed and choices give the same curves
 */
public record TrainingConfig(Architecture architecture, OptimizerKind optimizer, double learningRate, int batchSize,
                             double weightDecay, int epochs, long seed) {

    public static final int MAX_EPOCHS = 50;
    public static final int MAX_BATCH_SIZE = 512;
    public static final double MAX_LEARNING_RATE = 10;
    public static final double MAX_WEIGHT_DECAY = 1;
    public static final long MAX_SEED = Integer.MAX_VALUE;
    public static final long DEFAULT_SEED = 42;

    /** A refused configuration: every problem, one sentence each. */
    public static final class InvalidException extends IllegalArgumentException {
        private final List<String> problems;

        public InvalidException(List<String> problems) {
            super(String.join(" ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public TrainingConfig {
        List<String> problems = problems(architecture, optimizer, learningRate, batchSize, weightDecay, epochs, seed);
        if (!problems.isEmpty()) {
            throw new InvalidException(problems);
        }
    }

    /**
     * Reads a request as people type it: keys for the architecture ({@code mlp1-64}) and the optimizer
     * ({@code adam}), numbers that may be missing. A missing seed is {@value #DEFAULT_SEED}.
     *
     * @throws InvalidException naming every problem at once
     */
    public static TrainingConfig of(String architecture, String optimizer, Double learningRate, Integer batchSize,
                                    Double weightDecay, Integer epochs, Long seed) {
        List<String> problems = new ArrayList<>();
        Architecture a = Architecture.parse(architecture).orElse(null);
        if (a == null) {
            problems.add(architecture == null || architecture.isBlank() ? "Choose an architecture."
                    : "There is no architecture '" + architecture.strip() + "'; choose one of "
                    + String.join(", ", Architecture.all().stream().map(Architecture::key).toList()) + ".");
        }
        OptimizerKind o = OptimizerKind.parse(optimizer).orElse(null);
        if (o == null) {
            problems.add(optimizer == null || optimizer.isBlank() ? "Choose an optimizer."
                    : "There is no optimizer '" + optimizer.strip() + "'; choose sgd, sgd-momentum or adam.");
        }
        if (learningRate == null) {
            problems.add("Give a learning rate, e.g. 0.001 for Adam or 0.1 for SGD.");
        }
        if (batchSize == null) {
            problems.add("Give a batch size, e.g. 64.");
        }
        if (epochs == null) {
            problems.add("Give the number of epochs, 1 to " + MAX_EPOCHS + ".");
        }
        double lr = learningRate == null ? 0.1 : learningRate;
        int batch = batchSize == null ? 1 : batchSize;
        double wd = weightDecay == null ? 0 : weightDecay;
        int e = epochs == null ? 1 : epochs;
        long s = seed == null ? DEFAULT_SEED : seed;
        problems.addAll(problems(a == null ? Architecture.linear() : a, o == null ? OptimizerKind.SGD : o, lr, batch, wd, e, s));
        if (!problems.isEmpty()) {
            throw new InvalidException(problems);
        }
        return new TrainingConfig(a, o, lr, batch, wd, e, s);
    }

    /** What is wrong with these values; empty when they make a run. */
    public static List<String> problems(Architecture architecture, OptimizerKind optimizer, double learningRate,
                                        int batchSize, double weightDecay, int epochs, long seed) {
        List<String> problems = new ArrayList<>();
        if (architecture == null || !architecture.valid()) {
            problems.add(architecture == null || architecture.kind() == null ? "Choose an architecture."
                    : architecture.kind().label() + " comes with " + architecture.kind().widthName() + " "
                    + architecture.kind().widths().stream().sorted().map(String::valueOf).toList() + ", not "
                    + architecture.width() + ".");
        }
        if (optimizer == null) {
            problems.add("Choose an optimizer.");
        }
        if (!Double.isFinite(learningRate) || learningRate <= 0 || learningRate > MAX_LEARNING_RATE) {
            problems.add("The learning rate must be greater than 0 and at most " + number(MAX_LEARNING_RATE) + " (you gave "
                    + number(learningRate) + ").");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            problems.add("The batch size must be from 1 to " + MAX_BATCH_SIZE + " (you gave " + batchSize + ").");
        }
        if (!Double.isFinite(weightDecay) || weightDecay < 0 || weightDecay > MAX_WEIGHT_DECAY) {
            problems.add("The weight decay must be from 0 to " + number(MAX_WEIGHT_DECAY) + " (you gave " + number(weightDecay)
                    + "); 1e-4 or 1e-5 are usual, 0 turns it off.");
        }
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            problems.add("Epochs must be from 1 to " + MAX_EPOCHS + " (you gave " + epochs + ").");
        }
        if (seed < 0 || seed > MAX_SEED) {
            problems.add("The seed must be from 0 to " + MAX_SEED + " (you gave " + seed + ").");
        }
        return problems;
    }

    /** "Adam, lr 0.001, batch 64, weight decay 0.0001, 15 epochs". */
    public String describe() {
        return optimizer.label().replaceFirst(" \\(.*", "") + ", lr " + number(learningRate) + ", batch " + batchSize
                + ", weight decay " + number(weightDecay) + ", " + epochs + (epochs == 1 ? " epoch" : " epochs");
    }

    /** A number as people write it: 0.001, 1e-05, 10. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return Long.toString((long) value);
        }
        String plain = new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return plain.length() <= 8 ? plain : String.format(Locale.ROOT, "%.3g", value).replaceFirst("\\.?0+e", "e");
    }
}
