package org.lectern.grading.model;

/**
 * Turns stored pixel values (one image, [C, H, W] row-major) into the model's input for that image: normalised
 * as the {@link Normalisation} says, in float32 steps as PyTorch takes them, and transposed to [H, W, C] for
 * NHWC models.
 */
final class InputEncoder {

    private final int channels;
    private final int plane;
    private final boolean channelsLast;
    private final boolean onlyDivides;
    private final float divisor;
    private final float[] mean;
    private final float[] std;

    InputEncoder(ModelSpec spec) {
        this.channels = spec.channels();
        this.plane = spec.height() * spec.width();
        this.channelsLast = spec.layout() == Layout.NHWC;
        Normalisation normalisation = spec.normalisation();
        this.onlyDivides = normalisation.onlyDivides();
        this.divisor = (float) normalisation.divisor();
        this.mean = new float[channels];
        this.std = new float[channels];
        for (int c = 0; c < channels; c++) {
            mean[c] = normalisation.mean(c);
            std[c] = normalisation.std(c);
        }
    }

    int imageSize() {
        return channels * plane;
    }

    /** Writes the input for the image at {@code source[from, from + imageSize)} to {@code target[to, ...)}. */
    void encode(float[] source, int from, float[] target, int to) {
        if (!channelsLast && onlyDivides) {
            for (int i = 0, n = imageSize(); i < n; i++) {
                target[to + i] = source[from + i] / divisor;
            }
            return;
        }
        for (int c = 0; c < channels; c++) {
            float m = mean[c];
            float s = std[c];
            int sourcePlane = from + c * plane;
            for (int p = 0; p < plane; p++) {
                float value = (source[sourcePlane + p] / divisor - m) / s;
                target[channelsLast ? to + p * channels + c : to + c * plane + p] = value;
            }
        }
    }
}
