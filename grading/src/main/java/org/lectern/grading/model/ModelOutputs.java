package org.lectern.grading.model;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the sandboxed model process sends back, and the trusted side's check of it: the model's scores for every
 * input row, or the reason there are none. The process runs untrusted code (the student's model inside ONNX
 * Runtime), so nothing here is believed until it is checked: the row count, the shape, every value finite, the
 * size; a grade is then computed from the scores by the trusted side alone ({@link ModelScoring}).
 *
 * <p>Format: the line {@value #MAGIC}, then one line of JSON ({@link Header}, at most {@value #MAX_HEADER_BYTES}
 * bytes), then, when the header reports scores, rows × classes float32 values, little-endian, row-major, and
 * nothing after them.
 */
public final class ModelOutputs {

    static final String MAGIC = "lectern-model-outputs-v1";
    static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_MESSAGE_CHARS = 1000;
    private static final int MAX_PROBLEMS = 20;
    private static final Set<String> DEVICES = Set.of("cpu", "gpu");
    private static final Set<String> PROVIDERS = Set.of("CPUExecutionProvider", "CUDAExecutionProvider");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ModelOutputs() {
    }

    /**
     * The JSON line: scores' shape and what running the model cost, or a failure.
     *
     * @param rows              rows of scores that follow (0 with a failure)
     * @param classes           scores per row
     * @param device            "cpu" or "gpu"
     * @param executionProvider ONNX Runtime's execution provider
     * @param loadMillis        loading the model
     * @param evaluationMillis  running all batches
     * @param latencyMeanMillis mean single-image latency; NaN without samples
     * @param latencyP95Millis  its 95th percentile
     * @param latencySamples    timed single images
     * @param failure           null when scores follow
     * @param message           the failure in words for the student
     * @param problems          the failure's problems, for {@link Failure#INVALID_MODEL}
     */
    record Header(int rows, int classes, String device, String executionProvider, double loadMillis,
                  double evaluationMillis, double latencyMeanMillis, double latencyP95Millis, int latencySamples,
                  Failure failure, String message, List<String> problems) {

        /** A failure, its message and problems clipped so that the header stays within its limit. */
        static Header failed(Failure failure, String message, List<String> problems) {
            return new Header(0, 0, null, null, 0, 0, 0, 0, 0, failure, clip(message),
                    problems.stream().filter(java.util.Objects::nonNull).limit(MAX_PROBLEMS).map(ModelOutputs::clip)
                            .toList());
        }
    }

    /** The checked outputs: either scores with their header, or the process's own failure. */
    record Checked(Header header, float[] scores) {

        boolean failed() {
            return header.failure() != null;
        }
    }

    /** The outputs broke the format or the shape: the model gets no score; the message says why. */
    static final class MalformedOutputs extends Exception {
        MalformedOutputs(String message) {
            super(message);
        }
    }

    /** The bytes the process writes. */
    static byte[] encode(Header header, float[] scores) {
        byte[] json = JSON.writeValueAsBytes(header);
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length() + 1 + json.length + 1 + scores.length * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put((MAGIC + "\n").getBytes(StandardCharsets.US_ASCII)).put(json).put((byte) '\n');
        out.asFloatBuffer().put(scores);
        return out.array();
    }

    /**
     * The size at which outputs for {@code rows} rows of {@code classes} scores are refused: the sandbox's file size
     * limit, so a process that writes on stops there (with EFBIG or SIGXFSZ) and what it wrote is this long.
     */
    static long maxBytes(int rows, int classes) {
        return MAGIC.length() + 1L + MAX_HEADER_BYTES + 1L + (long) rows * classes * Float.BYTES;
    }

    /**
     * Checks what the process sent for {@code rows} inputs and an assignment of {@code classes} classes.
     *
     * @throws MalformedOutputs anything but a well-formed header with exactly rows × classes finite scores, or a
     *                          well-formed failure
     */
    static Checked check(byte[] bytes, int rows, int classes) throws MalformedOutputs {
        if (bytes.length >= maxBytes(rows, classes)) {
            throw new MalformedOutputs(String.format(Locale.ROOT, "the model's outputs reached the %,d-byte limit;"
                    + " %,d rows of %d float32 scores need %,d", maxBytes(rows, classes), rows, classes,
                    (long) rows * classes * Float.BYTES));
        }
        byte[] magic = (MAGIC + "\n").getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < magic.length || !java.util.Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
            throw new MalformedOutputs("the evaluation returned no outputs in the expected format");
        }
        int end = -1;
        for (int i = magic.length; i < Math.min(bytes.length, magic.length + MAX_HEADER_BYTES + 1); i++) {
            if (bytes[i] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new MalformedOutputs("the evaluation's outputs have no readable header");
        }
        Header header;
        try {
            header = JSON.readValue(new String(bytes, magic.length, end - magic.length, StandardCharsets.UTF_8),
                    Header.class);
        } catch (JacksonException e) {
            throw new MalformedOutputs("the evaluation's outputs have no readable header");
        }
        if (header == null) {
            throw new MalformedOutputs("the evaluation's outputs have no readable header");
        }
        int dataBytes = bytes.length - end - 1;
        if (header.failure() != null) {
            if (dataBytes != 0 || header.message() == null || header.message().isBlank()) {
                throw new MalformedOutputs("the evaluation reported a failure in an unexpected format");
            }
            List<String> problems = header.problems() == null ? List.of() : header.problems();
            return new Checked(Header.failed(header.failure(), header.message(), problems), new float[0]);
        }
        if (header.rows() != rows) {
            throw new MalformedOutputs(String.format(Locale.ROOT, "the model returned scores for %,d images; %,d"
                    + " were given", header.rows(), rows));
        }
        if (header.classes() != classes) {
            throw new MalformedOutputs("the model returned " + header.classes() + " scores per image; this"
                    + " assignment needs " + classes);
        }
        long expected = (long) rows * classes * Float.BYTES;
        if (dataBytes != expected) {
            throw new MalformedOutputs(String.format(Locale.ROOT, "the model's outputs hold %,d bytes of scores;"
                    + " [%d,%d] float32 scores take %,d", dataBytes, rows, classes, expected));
        }
        if (!DEVICES.contains(header.device()) || !PROVIDERS.contains(header.executionProvider())
                || !nonNegative(header.loadMillis()) || !nonNegative(header.evaluationMillis())
                || header.latencySamples() < 0 || (header.latencySamples() > 0
                && (!nonNegative(header.latencyMeanMillis()) || !nonNegative(header.latencyP95Millis())))) {
            throw new MalformedOutputs("the evaluation's outputs have an invalid header");
        }
        float[] scores = new float[rows * classes];
        ByteBuffer.wrap(bytes, end + 1, dataBytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(scores);
        for (int i = 0; i < scores.length; i++) {
            if (!Float.isFinite(scores[i])) {
                throw new MalformedOutputs("the model's score for image " + i / classes + ", class " + i % classes
                        + " is " + scores[i] + "; scores must be finite numbers");
            }
        }
        return new Checked(header, scores);
    }

    private static boolean nonNegative(double value) {
        return Double.isFinite(value) && value >= 0;
    }

    private static String clip(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "…";
    }

    /**
     * File descriptor 3 of this process, the channel {@code Sandbox} opens to a host file outside the job folder.
     * Java has no public way to wrap an inherited descriptor; the worker JVM is started with
     * {@code --add-opens java.base/java.io=ALL-UNNAMED} for this.
     */
    static OutputStream sideChannel() throws IOException {
        try {
            FileDescriptor descriptor = new FileDescriptor();
            Field fd = FileDescriptor.class.getDeclaredField("fd");
            fd.setAccessible(true);
            fd.setInt(descriptor, 3);
            return new FileOutputStream(descriptor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("file descriptor 3 cannot be opened: " + e, e);
        }
    }
}
