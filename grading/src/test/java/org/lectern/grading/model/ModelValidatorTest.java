package org.lectern.grading.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.grading.model.OnnxWriter.FLOAT;
import static org.lectern.grading.model.OnnxWriter.INT64;
import static org.lectern.grading.model.OnnxWriter.dims;
import static org.lectern.grading.model.OnnxWriter.floatTensor;
import static org.lectern.grading.model.OnnxWriter.graph;
import static org.lectern.grading.model.OnnxWriter.linearGraph;
import static org.lectern.grading.model.OnnxWriter.model;
import static org.lectern.grading.model.OnnxWriter.node;
import static org.lectern.grading.model.OnnxWriter.valueInfo;
import static org.lectern.grading.model.OnnxWriter.externalConstant;
import static org.lectern.grading.model.OnnxWriter.function;
import static org.lectern.grading.model.OnnxWriter.withFunctions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelValidatorTest {

    private static final ModelSpec DIGITS = Fixtures.DIGITS;

    @TempDir
    Path tmp;

    private List<String> problems(OnnxWriter.Message model) throws IOException {
        return ModelValidator.validate(OnnxWriter.write(tmp, "model.onnx", model), DIGITS).problems();
    }

    @Test
    void theCourseModelsPass() throws IOException {
        assertThat(ModelValidator.validate(Fixtures.model("digits-cnn.onnx"), DIGITS).problems()).isEmpty();
        assertThat(ModelValidator.validate(Fixtures.model("digits-mlp.onnx"), DIGITS).problems()).isEmpty();
        assertThat(ModelValidator.validate(Fixtures.model("digits-mlp.onnx"), DIGITS).model().parameterCount())
                .isEqualTo(1_210);
    }

    @Test
    void randomBytesAreNotAnOnnxModel() throws IOException {
        ValidationReport report = ModelValidator.validate(Fixtures.fixture("random-bytes.onnx"), DIGITS);

        assertThat(report.model()).isNull();
        assertThat(report.problems()).singleElement().asString()
                .startsWith("the file is not an ONNX model: ModelProto: ");
    }

    @Test
    void aPyTorchCheckpointIsRecognised() throws IOException {
        Path checkpoint = java.nio.file.Files.write(tmp.resolve("model.pt"),
                new byte[] {'P', 'K', 3, 4, 0, 0, 8, 0, 0, 0, 'a', 'r', 'c', 'h', 'i', 'v', 'e'});

        assertThat(ModelValidator.validate(checkpoint, DIGITS).problems()).containsExactly(
                "the file is not an ONNX model: it is a zip archive, such as a PyTorch checkpoint (.pt, .pth);"
                        + " export the model with torch.onnx.export");
    }

    @Test
    void aColourModelForCifarGetsTheShapeWrong() throws IOException {
        assertThat(ModelValidator.validate(Fixtures.fixture("wrong-input-shape.onnx"), DIGITS).problems())
                .containsExactly("input 'x' has shape [N,3,32,32]; this assignment needs [N,1,8,8]");
    }

    @Test
    void twoOutputsAreOneTooMany() throws IOException {
        assertThat(ModelValidator.validate(Fixtures.fixture("two-outputs.onnx"), DIGITS).problems())
                .containsExactly("the model has 2 outputs ('logits', 'probabilities'); this assignment needs exactly"
                        + " one, [N,10] float32 scores");
    }

    @Test
    void opsetSevenIsTooOld() throws IOException {
        assertThat(ModelValidator.validate(Fixtures.fixture("opset-7.onnx"), DIGITS).problems())
                .containsExactly("opset 7 is below the minimum 11");
    }

    @Test
    void opsetAboveTheRangeIsNamed() throws IOException {
        assertThat(problems(model(8, Map.of("", 23L), linearGraph("input", dims("N", 1L, 8L, 8L), 10))))
                .containsExactly("opset 23 is above the maximum 22");
        assertThat(problems(model(8, Map.of("ai.onnx.ml", 3L), linearGraph("input", dims("N", 1L, 8L, 8L), 10))))
                .containsExactly("the model imports no standard ONNX opset");
    }

    @Test
    void tooLargeOnDiskAndInParameters() throws IOException {
        // 64 × 20,000 + 20,000 × 10 = 1,480,000 weights, about 5.6 MiB of float32: made here, not committed.
        OnnxWriter.Message graph = graph("wide",
                List.of(node("Flatten", List.of("input"), List.of("flat")),
                        node("MatMul", List.of("flat", "w1"), List.of("hidden")),
                        node("MatMul", List.of("hidden", "w2"), List.of("logits"))),
                List.of(floatTensor("w1", new long[] {64, 20_000}), floatTensor("w2", new long[] {20_000, 10})),
                List.of(valueInfo("input", FLOAT, "N", 1L, 8L, 8L)), List.of(valueInfo("logits", FLOAT, "N", 10L)));

        assertThat(problems(model(graph))).containsExactly(
                "the file is 5.6 MiB; the limit is 1 MiB",
                "1,480,000 parameters exceed the limit of 1,000,000");
    }

    @Test
    void integerInputsAreTheWrongType() throws IOException {
        OnnxWriter.Message graph = graph("int_input", List.of(node("Cast", List.of("pixels"), List.of("input"), OnnxWriter.intAttribute("to", FLOAT))),
                List.of(), List.of(valueInfo("pixels", INT64, "N", 1L, 8L, 8L)), List.of(valueInfo("input", FLOAT, "N", 1L, 8L, 8L)));

        assertThat(problems(model(graph))).containsExactly(
                "input 'pixels' has type int64; this assignment needs float32",
                "output 'input' has shape [N,1,8,8]; this assignment needs [N,10], one score per class");
    }

    @Test
    void aFixedBatchSizeIsExplained() throws IOException {
        assertThat(problems(model(linearGraph("input", dims(1L, 1L, 8L, 8L), 10, 1L, 10L)))).containsExactly(
                "input 'input' has a fixed batch size of 1 ([1,1,8,8]); export it with a dynamic first dimension,"
                        + " e.g. torch.onnx.export(..., dynamic_axes={'input': {0: 'N'}})");
    }

    @Test
    void channelsLastIsRecognised() throws IOException {
        ModelSpec rgb = ModelSpec.of(3, 32, 32, Layout.NCHW, Normalisation.dividedBy(255), 10, 1L << 20, 1_000_000);
        Path file = OnnxWriter.write(tmp, "nhwc.onnx", model(graph("nhwc",
                List.of(node("GlobalAveragePool", List.of("image"), List.of("logits"))), List.of(),
                List.of(valueInfo("image", FLOAT, "batch", 32L, 32L, 3L)), List.of(valueInfo("logits", FLOAT, "batch", 10L)))));

        assertThat(ModelValidator.validate(file, rgb).problems()).containsExactly(
                "input 'image' has shape [batch,32,32,3]; this assignment needs [N,3,32,32] (channels last; this"
                        + " assignment feeds channels first, NCHW)");
        assertThat(ModelValidator.validate(file, rgb.withLayout(Layout.NHWC)).problems()).isEmpty();
    }

    @Test
    void theWrongNumberOfClasses() throws IOException {
        assertThat(problems(model(linearGraph("input", dims("N", 1L, 8L, 8L), 5)))).containsExactly(
                "output 'logits' has shape [N,5]; this assignment needs [N,10], one score per class");
    }

    @Test
    void symbolicDimensionsArePermitted() throws IOException {
        // Exporters may leave any dimension open; only fixed ones can contradict the spec.
        assertThat(problems(model(linearGraph("input", dims("batch", "c", "h", "w"), 10, "batch", "classes"))))
                .isEmpty();
    }

    @Test
    void externalDataAndForeignOperatorsAreRefused() throws IOException {
        OnnxWriter.Message external = new OnnxWriter.Message().packed(1, 64, 10).varint(2, FLOAT).string(8, "w")
                .message(13, new OnnxWriter.Message().string(1, "location").string(2, "weights.bin")).varint(14, 1);
        OnnxWriter.Message graph = graph("g",
                List.of(node("Flatten", List.of("input"), List.of("flat")),
                        node("Frobnicate", List.of("flat", "w"), List.of("logits")).string(7, "com.example")),
                List.of(external), List.of(valueInfo("input", FLOAT, "N", 1L, 8L, 8L)),
                List.of(valueInfo("logits", FLOAT, "N", 10L)));

        assertThat(problems(model(8, Map.of("", 13L, "com.example", 1L), graph))).containsExactly(
                "the model keeps tensors in external data files; upload one self-contained .onnx file"
                        + " (torch.onnx.export writes one for models under 2 GiB)",
                "the model uses operators of domain 'com.example' (Frobnicate), which ONNX Runtime does not provide");
    }

    @Test
    void inputsAndOutputsAreCounted() throws IOException {
        OnnxWriter.Message graph = graph("two_in", List.of(node("Add", List.of("a", "b"), List.of("logits"))), List.of(),
                List.of(valueInfo("a", FLOAT, "N", 1L, 8L, 8L), valueInfo("b", FLOAT, "N", 1L, 8L, 8L)),
                List.of());

        assertThat(problems(model(graph))).containsExactly(
                "the model has 2 inputs ('a', 'b'); this assignment feeds exactly one, [N,1,8,8] float32",
                "the model has no outputs; this assignment needs one, [N,10] float32 scores");
    }

    private static final String FOREIGN_HIDDEN_IN_FUNCTION =
            "the model uses operators of domain 'evil.ops' (Frobnicate), which ONNX Runtime does not provide";

    /** input → Flatten → a call of the local function {@code domain:Block}(flat, w, b) → logits, plus functions. */
    private static OnnxWriter.Message callingBlock(String domain, OnnxWriter.Message... functions) {
        OnnxWriter.Message graph = graph("calls_block",
                List.of(node("Flatten", List.of("input"), List.of("flat")),
                        node("Block", List.of("flat", "w", "b"), List.of("logits")).string(7, domain)),
                List.of(floatTensor("w", new long[] {64, 10}), floatTensor("b", new long[] {10})),
                List.of(valueInfo("input", FLOAT, "N", 1L, 8L, 8L)), List.of(valueInfo("logits", FLOAT, "N", 10L)));
        Map<String, Long> opsets = domain.isEmpty() ? Map.of("", 13L) : Map.of("", 13L, domain, 1L);
        return withFunctions(model(8, opsets, graph), functions);
    }

    private static OnnxWriter.Message gemmBlock(String domain) {
        return function(domain, "Block", List.of("x", "w", "b"), List.of("y"),
                List.of(node("Gemm", List.of("x", "w", "b"), List.of("y"))));
    }

    /** A Block whose body runs an operator of a domain ONNX Runtime does not have (a custom-op library's). */
    private static OnnxWriter.Message hidingBlock(String domain) {
        return function(domain, "Block", List.of("x", "w", "b"), List.of("y"),
                List.of(node("Gemm", List.of("x", "w", "b"), List.of("g")),
                        node("Frobnicate", List.of("g"), List.of("y")).string(7, "evil.ops")));
    }

    /** Bug: function bodies were never read, so a function in an accepted domain smuggled any operator through. */
    @ParameterizedTest
    @ValueSource(strings = {"", "com.microsoft", "lectern.local"})
    void aFunctionCannotHideAForeignOperator(String domain) throws IOException {
        assertThat(problems(callingBlock(domain, hidingBlock(domain)))).containsExactly(FOREIGN_HIDDEN_IN_FUNCTION);
    }

    @Test
    void aFunctionCannotHideExternalData() throws IOException {
        OnnxWriter.Message leaky = function("com.microsoft", "Block", List.of("x", "w", "b"), List.of("y"),
                List.of(node("Gemm", List.of("x", "w", "b"), List.of("g")), externalConstant("k", "/etc/shadow"),
                        node("Add", List.of("g", "k"), List.of("y"))));

        assertThat(problems(callingBlock("com.microsoft", leaky))).containsExactly(
                "the model keeps tensors in external data files; upload one self-contained .onnx file"
                        + " (torch.onnx.export writes one for models under 2 GiB)");
    }

    @Test
    void functionsAreCheckedThroughEveryLevelAndEvenWhenNothingCallsThem() throws IOException {
        OnnxWriter.Message outer = function("lectern.local", "Block", List.of("x", "w", "b"), List.of("y"),
                List.of(node("Inner", List.of("x", "w", "b"), List.of("y")).string(7, "lectern.local")));
        OnnxWriter.Message inner = function("lectern.local", "Inner", List.of("x", "w", "b"), List.of("y"),
                List.of(node("Frobnicate", List.of("x"), List.of("y")).string(7, "evil.ops")));
        assertThat(problems(callingBlock("lectern.local", outer, inner))).containsExactly(FOREIGN_HIDDEN_IN_FUNCTION);

        OnnxWriter.Message unused = function("lectern.local", "Unused", List.of("x"), List.of("y"),
                List.of(node("Frobnicate", List.of("x"), List.of("y")).string(7, "evil.ops")));
        assertThat(problems(callingBlock("lectern.local", gemmBlock("lectern.local"), unused)))
                .containsExactly(FOREIGN_HIDDEN_IN_FUNCTION);
    }

    @Test
    void aCleanLocalFunctionIsAccepted() throws IOException {
        Path file = OnnxWriter.write(tmp, "model.onnx", callingBlock("lectern.local", gemmBlock("lectern.local")));

        ValidationReport report = ModelValidator.validate(file, DIGITS);

        assertThat(report.problems()).isEmpty();
        assertThat(report.model().functions()).containsExactly(Map.entry("lectern.local:Block", 1));
        assertThat(report.model().operators()).containsOnlyKeys("Flatten", "Gemm");
    }

    @Test
    void functionsThatCallThemselvesAreRefused() throws IOException {
        OnnxWriter.Message a = function("lectern.local", "Block", List.of("x", "w", "b"), List.of("y"),
                List.of(node("Again", List.of("x", "w", "b"), List.of("y")).string(7, "lectern.local")));
        OnnxWriter.Message b = function("lectern.local", "Again", List.of("x", "w", "b"), List.of("y"),
                List.of(node("Block", List.of("x", "w", "b"), List.of("y")).string(7, "lectern.local")));

        assertThat(problems(callingBlock("lectern.local", a, b))).containsExactly("the file is not an ONNX model:"
                + " ModelProto: function 'lectern.local:Again' calls itself through 'lectern.local:Block'");
        assertThat(problems(callingBlock("lectern.local", gemmBlock("lectern.local"), gemmBlock("lectern.local"))))
                .containsExactly("the file is not an ONNX model: ModelProto.functions[1]: function 'lectern.local:Block' is"
                        + " declared twice");
    }
}
