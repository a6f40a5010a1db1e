package org.lectern.grading.model;

import java.util.List;

/**
 * How stored pixel values become model inputs: {@code input = (pixel / divisor - mean[c]) / std[c]} for channel
 * c, each step in float32 as PyTorch computes {@code x / 255} then torchvision's {@code Normalize(mean, std)},
 * so that inputs match a student's training pipeline bit for bit. A single mean and std apply to every channel.
 *
 * @param divisor divides the stored value first (255 for 8-bit images, 16 for scikit-learn's digits)
 * @param mean    subtracted per channel after dividing
 * @param std     divides per channel after subtracting
 */
public record Normalisation(double divisor, List<Double> mean, List<Double> std) {

    /** Inputs are the stored values unchanged. */
    public static final Normalisation NONE = dividedBy(1.0);

    public Normalisation {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        if (!Double.isFinite(divisor) || divisor == 0) {
            throw new IllegalArgumentException("divisor must be finite and non-zero");
        }
        if (mean.isEmpty() || mean.size() != std.size()) {
            throw new IllegalArgumentException("mean and std need the same number of values, at least one");
        }
        for (double s : std) {
            if (!Double.isFinite(s) || s == 0) {
                throw new IllegalArgumentException("std values must be finite and non-zero");
            }
        }
    }

    /** {@code input = pixel / divisor}. */
    public static Normalisation dividedBy(double divisor) {
        return new Normalisation(divisor, List.of(0.0), List.of(1.0));
    }

    /** Whether mean and std change nothing, so that the input is just {@code pixel / divisor}. */
    boolean onlyDivides() {
        return mean.stream().allMatch(m -> m == 0.0) && std.stream().allMatch(s -> s == 1.0);
    }

    /** Checks that there is one mean and std for all channels or one per channel. */
    void checkChannels(int channels) {
        if (mean.size() != 1 && mean.size() != channels) {
            throw new IllegalArgumentException("normalisation has " + mean.size() + " means and stds for " + channels
                    + " channels");
        }
    }

    float mean(int c) {
        return (float) (mean.size() == 1 ? mean.getFirst() : mean.get(c)).doubleValue();
    }

    float std(int c) {
        return (float) (std.size() == 1 ? std.getFirst() : std.get(c)).doubleValue();
    }
}
