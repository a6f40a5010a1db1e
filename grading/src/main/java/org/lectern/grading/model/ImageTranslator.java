package org.lectern.grading.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * DJL translator from stored images to per-class scores, building each batch's input tensor itself.
 *
 * <p>DJL's usual path stacks per-image NDArrays with {@link Batchifier#STACK}, which needs an engine that can
 * stack; ONNX Runtime alone cannot, and a translator whose {@code getBatchifier()} returns null makes
 * {@code batchPredict} run one image at a time. So {@link #batchProcessInput} normalises the whole batch straight
 * into one direct float buffer (no per-image arrays, no copy into ONNX Runtime: the tensor wraps the buffer) and
 * {@link #batchProcessOutput} splits the [n, classes] output; {@link #getBatchifier()} returns STACK only so that
 * DJL takes the batch path, and is never asked to stack. A single image goes through the same code as a batch of one.
 *
 * <p>Not thread-safe: the buffer is reused from batch to batch, as is DJL's {@code Predictor}.
 */
final class ImageTranslator implements Translator<ImageTranslator.ImageRef, float[]> {

    /** One image: its stored values at {@code pixels[offset, offset + C·H·W)}. */
    record ImageRef(float[] pixels, int offset) {
    }

    private static final String BATCH = "lectern.batch";

    private final InputEncoder encoder;
    private final long[] imageDims;
    private final int classes;
    private float[] scratch = new float[0];
    private FloatBuffer buffer = FloatBuffer.allocate(0);

    ImageTranslator(ModelSpec spec) {
        this.encoder = new InputEncoder(spec);
        this.imageDims = spec.inputDims().stream().mapToLong(Long::longValue).toArray();
        this.classes = spec.classes();
    }

    @Override
    public NDList processInput(TranslatorContext ctx, ImageRef input) {
        return batchProcessInput(ctx, List.of(input));
    }

    @Override
    public NDList batchProcessInput(TranslatorContext ctx, List<ImageRef> inputs) {
        int n = inputs.size();
        int size = encoder.imageSize();
        int values = n * size;
        if (scratch.length < values) {
            scratch = new float[values];
            buffer = ByteBuffer.allocateDirect(values * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
        for (int i = 0; i < n; i++) {
            ImageRef image = inputs.get(i);
            encoder.encode(image.pixels(), image.offset(), scratch, i * size);
        }
        buffer.clear();
        buffer.put(scratch, 0, values).flip();
        long[] shape = new long[imageDims.length + 1];
        shape[0] = n;
        System.arraycopy(imageDims, 0, shape, 1, imageDims.length);
        ctx.setAttachment(BATCH, n);
        return new NDList(ctx.getNDManager().create(buffer, new Shape(shape)));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) throws ModelOutputException {
        return batchProcessOutput(ctx, list).getFirst();
    }

    @Override
    public List<float[]> batchProcessOutput(TranslatorContext ctx, NDList list) throws ModelOutputException {
        int n = (Integer) ctx.getAttachment(BATCH);
        if (list.size() != 1) {
            throw new ModelOutputException("the model returned " + list.size() + " outputs; this assignment needs"
                    + " exactly one, [N," + classes + "] float32 scores");
        }
        NDArray output = list.getFirst();
        if (output.getDataType() != DataType.FLOAT32) {
            throw new ModelOutputException("the model's output has type " + output.getDataType()
                    + "; this assignment needs float32");
        }
        Shape shape = output.getShape();
        if (shape.dimension() != 2 || shape.get(0) != n || shape.get(1) != classes) {
            throw new ModelOutputException("for a batch of " + n + (n == 1 ? " image" : " images")
                    + " the model's output has shape "
                    + shapeText(shape) + "; this assignment needs [" + n + "," + classes + "]");
        }
        FloatBuffer scores = output.toByteBuffer().asFloatBuffer();
        List<float[]> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] row = new float[classes];
            scores.get(row);
            result.add(row);
        }
        return result;
    }

    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }

    private static String shapeText(Shape shape) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < shape.dimension(); i++) {
            text.append(i > 0 ? "," : "").append(shape.get(i));
        }
        return text.append(']').toString();
    }

    /** The model ran but its output does not fit the assignment. */
    static final class ModelOutputException extends Exception {
        ModelOutputException(String message) {
            super(message);
        }
    }
}
