package org.lectern.grading.model;

import java.util.List;

/**
 * What a model assignment asks of an uploaded ONNX file: one float32 input of shape [N, C, H, W] (or
 * [N, H, W, C]) with a dynamic batch dimension N, one float32 output of shape [N, classes] holding a score per
 * class (logits or probabilities: the highest wins), and limits.
 *
 * @param channels       C
 * @param height         H
 * @param width          W
 * @param layout         the order the model expects; the evaluation data is stored channels first and is
 *                       transposed when this is NHWC
 * @param normalisation  how stored pixel values become inputs
 * @param classes        the number of classes, the output's second dimension
 * @param maxFileBytes   the largest accepted file
 * @param maxParameters  the most stored parameters accepted (see {@link OnnxModelInfo#parameterCount()})
 * @param minOpset       the lowest standard opset accepted
 * @param maxOpset       the highest standard opset accepted; ONNX Runtime must support it
 */
public record ModelSpec(int channels, int height, int width, Layout layout, Normalisation normalisation,
                        int classes, long maxFileBytes, long maxParameters, int minOpset, int maxOpset) {

    /** ONNX Runtime 1.21 runs opsets up to 22; 11 is the oldest PyTorch 1.x exports by default that we accept. */
    public static final int DEFAULT_MIN_OPSET = 11;
    public static final int DEFAULT_MAX_OPSET = 22;

    public ModelSpec {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("channels, height and width must be positive");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes");
        }
        if (maxFileBytes < 1 || maxParameters < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (minOpset < 1 || maxOpset < minOpset) {
            throw new IllegalArgumentException("opset range " + minOpset + ".." + maxOpset + " is empty");
        }
        if (layout == null || normalisation == null) {
            throw new IllegalArgumentException("layout and normalisation are required");
        }
        normalisation.checkChannels(channels);
    }

    /** A spec with the default opset range 11..22. */
    public static ModelSpec of(int channels, int height, int width, Layout layout, Normalisation normalisation,
                               int classes, long maxFileBytes, long maxParameters) {
        return new ModelSpec(channels, height, width, layout, normalisation, classes, maxFileBytes, maxParameters,
                DEFAULT_MIN_OPSET, DEFAULT_MAX_OPSET);
    }

    /** The input's dimensions after the batch dimension, in the model's layout. */
    public List<Long> inputDims() {
        return layout == Layout.NCHW
                ? List.of((long) channels, (long) height, (long) width)
                : List.of((long) height, (long) width, (long) channels);
    }

    /** "[N,1,8,8]" */
    public String inputShapeText() {
        StringBuilder text = new StringBuilder("[N");
        for (long dim : inputDims()) {
            text.append(',').append(dim);
        }
        return text.append(']').toString();
    }

    /** "[N,10]" */
    public String outputShapeText() {
        return "[N," + classes + "]";
    }

    public int imageSize() {
        return channels * height * width;
    }

    public ModelSpec withLayout(Layout newLayout) {
        return new ModelSpec(channels, height, width, newLayout, normalisation, classes, maxFileBytes, maxParameters,
                minOpset, maxOpset);
    }

    public ModelSpec withClasses(int newClasses) {
        return new ModelSpec(channels, height, width, layout, normalisation, newClasses, maxFileBytes, maxParameters,
                minOpset, maxOpset);
    }

    public ModelSpec withLimits(long newMaxFileBytes, long newMaxParameters) {
        return new ModelSpec(channels, height, width, layout, normalisation, classes, newMaxFileBytes,
                newMaxParameters, minOpset, maxOpset);
    }

    public ModelSpec withOpsets(int newMinOpset, int newMaxOpset) {
        return new ModelSpec(channels, height, width, layout, normalisation, classes, maxFileBytes, maxParameters,
                newMinOpset, newMaxOpset);
    }
}
