package org.lectern.grading.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelOutputsTest {

    private static final int ROWS = 3;
    private static final int CLASSES = 2;

    private static ModelOutputs.Header header(int rows, int classes) {
        return new ModelOutputs.Header(rows, classes, "cpu", "CPUExecutionProvider", 12.5, 0.4, 0.02, 0.03, 5, null,
                null, List.of());
    }

    private static float[] scores(int values) {
        float[] scores = new float[values];
        for (int i = 0; i < values; i++) {
            scores[i] = i * 0.5f - 1;
        }
        return scores;
    }

    @Test
    void wellFormedScoresComeBackAsSent() throws Exception {
        float[] sent = scores(ROWS * CLASSES);

        ModelOutputs.Checked checked = ModelOutputs.check(ModelOutputs.encode(header(ROWS, CLASSES), sent), ROWS, CLASSES);

        assertThat(checked.failed()).isFalse();
        assertThat(checked.scores()).containsExactly(sent);
        assertThat(checked.header().device()).isEqualTo("cpu");
    }

    @Test
    void aReportedFailureComesBackWithItsMessage() throws Exception {
        byte[] bytes = ModelOutputs.encode(ModelOutputs.Header.failed(Failure.LOAD_FAILED, "the model could not be"
                + " loaded: no", List.of()), new float[0]);

        ModelOutputs.Checked checked = ModelOutputs.check(bytes, ROWS, CLASSES);

        assertThat(checked.failed()).isTrue();
        assertThat(checked.header().message()).isEqualTo("the model could not be loaded: no");
    }

    static List<Arguments> malformed() {
        float[] nan = scores(ROWS * CLASSES);
        nan[3] = Float.NaN;
        float[] infinite = scores(ROWS * CLASSES);
        infinite[0] = Float.NEGATIVE_INFINITY;
        ModelOutputs.Header gpuClaim = new ModelOutputs.Header(ROWS, CLASSES, "tpu", "CPUExecutionProvider", 1, 1, 0,
                0, 0, null, null, List.of());
        ModelOutputs.Header negativeTime = new ModelOutputs.Header(ROWS, CLASSES, "cpu", "CPUExecutionProvider", -1, 1,
                0, 0, 0, null, null, List.of());
        byte[] failureWithScores = ModelOutputs.encode(ModelOutputs.Header.failed(Failure.RUNTIME_ERROR, "x",
                List.of()), scores(1));
        return List.of(
                Arguments.of("NaN", (Supplier<byte[]>) () -> ModelOutputs.encode(header(ROWS, CLASSES), nan),
                        "the model's score for image 1, class 1 is NaN; scores must be finite numbers"),
                Arguments.of("infinity", (Supplier<byte[]>) () -> ModelOutputs.encode(header(ROWS, CLASSES), infinite),
                        "the model's score for image 0, class 0 is -Infinity; scores must be finite numbers"),
                Arguments.of("a row short", (Supplier<byte[]>) () -> ModelOutputs.encode(header(ROWS - 1, CLASSES),
                        scores((ROWS - 1) * CLASSES)), "the model returned scores for 2 images; 3 were given"),
                Arguments.of("other classes", (Supplier<byte[]>) () -> ModelOutputs.encode(header(ROWS, 3), scores(9)),
                        "the model returned 3 scores per image; this assignment needs 2"),
                Arguments.of("too few values", (Supplier<byte[]>) () -> ModelOutputs.encode(header(ROWS, CLASSES),
                        scores(5)), "the model's outputs hold 20 bytes of scores; [3,2] float32 scores take 24"),
                Arguments.of("too many bytes", (Supplier<byte[]>) () -> new byte[(int) ModelOutputs.maxBytes(ROWS,
                        CLASSES)], "the model's outputs reached the 65,586-byte limit; 3 rows of 2 float32 scores need 24"),
                Arguments.of("no magic", (Supplier<byte[]>) () -> "{\"rows\":3}\n".getBytes(StandardCharsets.UTF_8),
                        "the evaluation returned no outputs in the expected format"),
                Arguments.of("empty", (Supplier<byte[]>) () -> new byte[0],
                        "the evaluation returned no outputs in the expected format"),
                Arguments.of("no header end", (Supplier<byte[]>) () -> (ModelOutputs.MAGIC + "\n{\"rows\":3")
                        .getBytes(StandardCharsets.UTF_8), "the evaluation's outputs have no readable header"),
                Arguments.of("header not JSON", (Supplier<byte[]>) () -> (ModelOutputs.MAGIC + "\nfull marks\n")
                        .getBytes(StandardCharsets.UTF_8), "the evaluation's outputs have no readable header"),
                Arguments.of("unknown device", (Supplier<byte[]>) () -> ModelOutputs.encode(gpuClaim,
                        scores(ROWS * CLASSES)), "the evaluation's outputs have an invalid header"),
                Arguments.of("negative time", (Supplier<byte[]>) () -> ModelOutputs.encode(negativeTime,
                        scores(ROWS * CLASSES)), "the evaluation's outputs have an invalid header"),
                Arguments.of("failure with scores", (Supplier<byte[]>) () -> failureWithScores,
                        "the evaluation reported a failure in an unexpected format"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedOutputsAreRefused(String what, Supplier<byte[]> bytes, String message) {
        assertThatThrownBy(() -> ModelOutputs.check(bytes.get(), ROWS, CLASSES))
                .isInstanceOf(ModelOutputs.MalformedOutputs.class).hasMessage(message);
    }
}
