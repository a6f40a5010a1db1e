package org.lectern.grading.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** In this JVM, on the CPU: the isolation is {@link IsolatedModelEvaluatorTest}'s subject. */
class ModelEvaluatorTest {

    private static final EvaluatorOptions OPTIONS = new EvaluatorOptions(64, 2, DevicePreference.CPU, 5, null);

    static EvaluationData data;
    static JsonNode reference;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws Exception {
        data = EvaluationData.load(Fixtures.evalData());
        reference = JsonMapper.builder().build().readTree(Files.readString(Fixtures.model("digits-models.json")));
    }

    @Test
    void predictionsOnTheTestSplitAreExactlyPyTorchs() throws Exception {
        List<String> rows = Files.readAllLines(Fixtures.evalData().resolve("torch-predictions.csv"));
        assertThat(rows).hasSize(451);
        ModelEvaluator evaluator = new ModelEvaluator(OPTIONS);

        try (LoadedModel model = evaluator.load(Fixtures.model("digits-cnn.onnx"), Fixtures.DIGITS)) {
            EvaluationResult result = model.evaluate(data, Metric.accuracy());

            double largestLogitDifference = 0;
            for (int id = 0; id < 450; id++) {
                String[] cells = rows.get(id + 1).split(",");
                assertThat(Integer.parseInt(cells[0])).isEqualTo(id);
                assertThat(result.predictions().get(id).predicted()).as("image %d", id)
                        .isEqualTo(Integer.parseInt(cells[1]));
                float[] logits = model.scores(data.image(id));
                for (int c = 0; c < 10; c++) {
                    largestLogitDifference = Math.max(largestLogitDifference,
                            Math.abs(logits[c] - Float.parseFloat(cells[2 + c])));
                }
            }
            // Same float32 input bits; ONNX Runtime's kernels may sum in another order than PyTorch's.
            assertThat(largestLogitDifference).isLessThan(1e-4);
        }
    }

    @Test
    void accuracyIsWhatTheTrainingScriptReported() throws Exception {
        EvaluationResult result = new ModelEvaluator(OPTIONS)
                .evaluate(Fixtures.model("digits-cnn.onnx"), data, Fixtures.DIGITS, Metric.accuracy());

        JsonNode cnn = reference.path("models").path("digits-cnn");
        assertThat(result.score(Split.PUBLIC)).isEqualTo(cnn.path("public_accuracy").asDouble());
        assertThat(result.score(Split.PRIVATE)).isEqualTo(cnn.path("private_accuracy").asDouble());
        assertThat(result.predictions().stream().filter(Prediction::correct).count())
                .isEqualTo(cnn.path("test_correct").asLong());
        assertThat(result.scores()).extracting(SplitScore::split).containsExactly(Split.PUBLIC, Split.PRIVATE);
        assertThat(result.scores()).extracting(SplitScore::images).containsExactly(225, 225);
        assertThat(result.parameterCount()).isEqualTo(cnn.path("parameters").asLong());
        assertThat(result.device()).isEqualTo("cpu");
        assertThat(result.executionProvider()).isEqualTo("CPUExecutionProvider");
        assertThat(result.latencySamples()).isEqualTo(5);
        assertThat(result.latencyMeanMillis()).isPositive();
        assertThat(result.latencyP95Millis()).isGreaterThanOrEqualTo(result.latencyMeanMillis() * 0.5);
        assertThat(result.imagesPerSecond()).isPositive();
    }

    @Test
    void topThreeAndMacroF1AreScikitLearns() throws Exception {
        ModelEvaluator evaluator = new ModelEvaluator(OPTIONS.withBatchSize(450));
        JsonNode mlp = reference.path("models").path("digits-mlp");

        try (LoadedModel model = evaluator.load(Fixtures.model("digits-mlp.onnx"), Fixtures.DIGITS)) {
            EvaluationResult top3 = model.evaluate(data, Metric.topK(3));
            EvaluationResult f1 = model.evaluate(data, Metric.macroF1());
            EvaluationResult accuracy = model.evaluate(data, Metric.accuracy());

            assertThat(top3.score(Split.PUBLIC)).isEqualTo(mlp.path("public_top3_accuracy").asDouble());
            assertThat(top3.score(Split.PRIVATE)).isEqualTo(mlp.path("private_top3_accuracy").asDouble());
            assertThat(f1.score(Split.PUBLIC)).isCloseTo(mlp.path("public_macro_f1").asDouble(), within(1e-12));
            assertThat(f1.score(Split.PRIVATE)).isCloseTo(mlp.path("private_macro_f1").asDouble(), within(1e-12));
            assertThat(accuracy.score(Split.PUBLIC)).isEqualTo(mlp.path("public_accuracy").asDouble());
            assertThat(accuracy.score(Split.PRIVATE)).isEqualTo(mlp.path("private_accuracy").asDouble());
        }
    }

    @Test
    void batchSizeDoesNotChangeTheResult() throws Exception {
        EvaluationResult one = new ModelEvaluator(OPTIONS.withBatchSize(1).withLatencySamples(0))
                .evaluate(Fixtures.model("digits-cnn.onnx"), data, Fixtures.DIGITS, Metric.accuracy());
        EvaluationResult odd = new ModelEvaluator(OPTIONS.withBatchSize(37).withLatencySamples(0))
                .evaluate(Fixtures.model("digits-cnn.onnx"), data, Fixtures.DIGITS, Metric.accuracy());

        assertThat(one.predictions()).isEqualTo(odd.predictions());
        assertThat(one.scores()).isEqualTo(odd.scores());
        assertThat(one.latencySamples()).isZero();
    }

    @Test
    void aLiveExerciseClassifiesOneImage() throws Exception {
        try (LoadedModel model = new ModelEvaluator(OPTIONS).load(Fixtures.model("digits-cnn.onnx"), Fixtures.DIGITS)) {
            assertThat(model.classify(data.image(0))).isEqualTo(data.label(0));
            assertThatThrownBy(() -> model.classify(new float[3])).hasMessage("an image has 64 values, not 3");
        }
    }

    @Test
    void invalidModelsAreRefusedBeforeLoading() {
        assertThatThrownBy(() -> new ModelEvaluator(OPTIONS).load(Fixtures.fixture("two-outputs.onnx"), Fixtures.DIGITS))
                .isInstanceOfSatisfying(ModelEvaluationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.INVALID_MODEL);
                    assertThat(e.problems()).singleElement().asString().startsWith("the model has 2 outputs");
                });
    }

    @Test
    void anUnknownOperatorFailsToLoadInOnnxRuntimesWords() throws IOException {
        Path model = OnnxWriter.write(tmp, "unknown-op.onnx", OnnxWriter.model(OnnxWriter.graph("g",
                List.of(OnnxWriter.node("Flatten", List.of("input"), List.of("flat")),
                        OnnxWriter.node("Frobnicate", List.of("flat"), List.of("logits"))),
                List.of(), List.of(OnnxWriter.valueInfo("input", OnnxWriter.FLOAT, "N", 1L, 8L, 8L)),
                List.of(OnnxWriter.valueInfo("logits", OnnxWriter.FLOAT, "N", 10L)))));

        assertThatThrownBy(() -> new ModelEvaluator(OPTIONS).load(model, Fixtures.DIGITS))
                .isInstanceOfSatisfying(ModelEvaluationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.LOAD_FAILED);
                    assertThat(e.getMessage()).startsWith("the model could not be loaded: ").contains("Frobnicate")
                            .contains("unknown-op.onnx").doesNotContain(tmp.toString());
                });
    }

    @Test
    void onnxRuntimesShapesOverruleTheFilesDeclaration() throws IOException {
        // Declares [N,classes] but Flatten of [N,1,8,8] is [N,64]: the file passes, ONNX Runtime's session does not.
        Path model = OnnxWriter.write(tmp, "liar.onnx", OnnxWriter.model(OnnxWriter.graph("g",
                List.of(OnnxWriter.node("Flatten", List.of("input"), List.of("logits"))), List.of(),
                List.of(OnnxWriter.valueInfo("input", OnnxWriter.FLOAT, "N", 1L, 8L, 8L)),
                List.of(OnnxWriter.valueInfo("logits", OnnxWriter.FLOAT, "N", "classes")))));
        assertThat(ModelValidator.validate(model, Fixtures.DIGITS).problems()).isEmpty();

        assertThatThrownBy(() -> new ModelEvaluator(OPTIONS).load(model, Fixtures.DIGITS))
                .isInstanceOfSatisfying(ModelEvaluationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.INVALID_MODEL);
                    assertThat(e.problems()).containsExactly(
                            "output 'logits' has shape [N,64]; this assignment needs [N,10], one score per class");
                });
    }

    @Test
    void anOutputShapeKnownOnlyAtRunTimeIsCheckedOnTheFirstBatch() throws IOException {
        // TopK with k computed from the pixels (max of the input, 1.0): ONNX Runtime cannot know the output's
        // second dimension before running, so only the first batch shows that it is 1, not 10.
        Path model = OnnxWriter.write(tmp, "data-dependent.onnx", OnnxWriter.model(OnnxWriter.graph("g",
                List.of(OnnxWriter.node("Flatten", List.of("input"), List.of("flat")),
                        OnnxWriter.node("ReduceMax", List.of("input"), List.of("max"), OnnxWriter.intAttribute("keepdims", 0)),
                        OnnxWriter.node("Cast", List.of("max"), List.of("k0"), OnnxWriter.intAttribute("to", OnnxWriter.INT64)),
                        OnnxWriter.node("Reshape", List.of("k0", "one"), List.of("k")),
                        OnnxWriter.node("TopK", List.of("flat", "k"), List.of("logits", "indices"))),
                List.of(OnnxWriter.int64Tensor("one", new long[] {1}, 1)),
                List.of(OnnxWriter.valueInfo("input", OnnxWriter.FLOAT, "N", 1L, 8L, 8L)),
                List.of(OnnxWriter.valueInfo("logits", OnnxWriter.FLOAT, "N", "classes")))));

        assertThatThrownBy(() -> new ModelEvaluator(OPTIONS).evaluate(model, data, Fixtures.DIGITS, Metric.accuracy()))
                .isInstanceOfSatisfying(ModelEvaluationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.INVALID_MODEL);
                    assertThat(e.getMessage()).isEqualTo(
                            "for a batch of 1 image the model's output has shape [1,1]; this assignment needs [1,10]");
                });
    }

    @Test
    void dataThatDoesNotFitTheSpecIsTheInstructorsProblem() throws Exception {
        ModelSpec fiveClasses = Fixtures.DIGITS.withClasses(5);
        Path model = OnnxWriter.write(tmp, "five.onnx",
                OnnxWriter.model(OnnxWriter.linearGraph("input", OnnxWriter.dims("N", 1L, 8L, 8L), 5)));

        assertThatThrownBy(() -> new ModelEvaluator(OPTIONS).evaluate(model, data, fiveClasses, Metric.accuracy()))
                .isInstanceOfSatisfying(ModelEvaluationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.EVALUATION_DATA);
                    assertThat(e.getMessage()).isEqualTo("the evaluation data has 10 classes; the assignment's spec says 5");
                });
    }

    @Test
    void withoutTheCudaProviderAutomaticMeansCpu() throws Exception {
        ModelEvaluator.onnxRuntimeEngine();
        assertThat(ModelEvaluator.cudaProviderAvailable()).isFalse();
        assertThat(ModelEvaluator.chooseDevice(DevicePreference.AUTO).device().isGpu()).isFalse();
        assertThatThrownBy(() -> ModelEvaluator.chooseDevice(DevicePreference.GPU))
                .hasMessageContaining("no CUDA provider");
    }

    /** What validation now accepts, ONNX Runtime runs: a graph that calls a clean model-local function. */
    @Test
    void aModelCallingALocalFunctionRuns() throws Exception {
        OnnxWriter.Message graph = OnnxWriter.graph("calls_block",
                List.of(OnnxWriter.node("Flatten", List.of("input"), List.of("flat")),
                        OnnxWriter.node("Block", List.of("flat", "w", "b"), List.of("logits")).string(7, "lectern.local")),
                List.of(OnnxWriter.floatTensor("w", new long[] {64, 10}),
                        OnnxWriter.floatTensor("b", new long[] {10}, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0)),
                List.of(OnnxWriter.valueInfo("input", OnnxWriter.FLOAT, "N", 1L, 8L, 8L)),
                List.of(OnnxWriter.valueInfo("logits", OnnxWriter.FLOAT, "N", 10L)));
        OnnxWriter.Message block = OnnxWriter.function("lectern.local", "Block", List.of("x", "w", "b"), List.of("y"),
                List.of(OnnxWriter.node("Gemm", List.of("x", "w", "b"), List.of("y"))));
        Path file = OnnxWriter.write(tmp, "local-function.onnx", OnnxWriter.withFunctions(
                OnnxWriter.model(8, java.util.Map.of("", 13L, "lectern.local", 1L), graph), block));

        try (LoadedModel model = new ModelEvaluator(OPTIONS).load(file, Fixtures.DIGITS)) {
            assertThat(model.classify(data.image(0))).isEqualTo(3); // zero weights: the bias decides
        }
    }
}
