package org.lectern.grading.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.grading.model.OnnxWriter.FLOAT;
import static org.lectern.grading.model.OnnxWriter.dims;
import static org.lectern.grading.model.OnnxWriter.graph;
import static org.lectern.grading.model.OnnxWriter.graphAttribute;
import static org.lectern.grading.model.OnnxWriter.linearGraph;
import static org.lectern.grading.model.OnnxWriter.model;
import static org.lectern.grading.model.OnnxWriter.node;
import static org.lectern.grading.model.OnnxWriter.valueInfo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelInspectorTest {

    @TempDir
    Path tmp;

    @Test
    void readsWhatPyTorchExported() throws IOException {
        OnnxModelInfo info = OnnxModelInspector.inspect(Fixtures.model("digits-cnn.onnx"));

        assertThat(info.producer()).startsWith("pytorch 1.13");
        assertThat(info.defaultOpset()).isEqualTo(13);
        assertThat(info.inputs()).singleElement().satisfies(input -> {
            assertThat(input.name()).isEqualTo("input");
            assertThat(input.type()).isEqualTo("float32");
            assertThat(input.shapeText()).isEqualTo("[N,1,8,8]");
        });
        assertThat(info.outputs()).singleElement().satisfies(output -> {
            assertThat(output.name()).isEqualTo("logits");
            assertThat(output.shapeText()).isEqualTo("[N,10]");
        });
        // PyTorch's own count, from models/digits-models.json: the export stores exactly the parameters.
        assertThat(info.parameterCount()).isEqualTo(38_282);
        assertThat(info.operators()).containsEntry("Conv", 2).containsEntry("Gemm", 2).containsKey("MaxPool");
        assertThat(info.usesExternalData()).isFalse();
        assertThat(info.maxSubgraphDepth()).isZero();
    }

    @Test
    void leavesOutInitializersThatOldIrVersionsListAsInputs() throws IOException {
        OnnxModelInfo info = OnnxModelInspector.inspect(Fixtures.fixture("opset-7.onnx"));

        assertThat(info.irVersion()).isEqualTo(3);
        assertThat(info.defaultOpset()).isEqualTo(7);
        assertThat(info.inputs()).extracting(TensorInfo::name).containsExactly("input");
        assertThat(info.parameterCount()).isEqualTo(64 * 10 + 10);
    }

    @Test
    void readsLoopBodiesAndCountsTheirTensors() throws IOException {
        OnnxModelInfo info = OnnxModelInspector.inspect(Fixtures.fixture("endless-loop.onnx"));

        assertThat(info.operators()).containsEntry("Loop", 1).containsEntry("Mul", 1).containsEntry("Identity", 1);
        assertThat(info.maxSubgraphDepth()).isEqualTo(1);
        // w, b, the trip count and the condition in the main graph; the constant one in the body.
        assertThat(info.parameterCount()).isEqualTo(640 + 10 + 1 + 1 + 1);
    }

    @Test
    void randomBytesAreNotAModel() {
        assertThatThrownBy(() -> OnnxModelInspector.inspect(Fixtures.fixture("random-bytes.onnx")))
                .isInstanceOf(OnnxFormatException.class)
                .hasMessageStartingWith("ModelProto");
    }

    @Test
    void aTruncatedModelSaysSo() throws IOException {
        byte[] whole = Files.readAllBytes(Fixtures.model("digits-cnn.onnx"));
        Path half = Files.write(tmp.resolve("half.onnx"), Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> OnnxModelInspector.inspect(half))
                .isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("truncated file?");
    }

    @Test
    void anEmptyFileIsNotAModel() throws IOException {
        Path empty = Files.createFile(tmp.resolve("empty.onnx"));

        assertThatThrownBy(() -> OnnxModelInspector.inspect(empty)).hasMessage("the file is empty");
    }

    @Test
    void protobufOfAnotherShapeIsNotAModel() {
        // Valid protobuf (a string field 2 and an unknown field 100) but neither IR version nor graph.
        byte[] other = new OnnxWriter.Message().string(2, "hello").varint(100, 5).toByteArray();

        assertThatThrownBy(() -> OnnxModelInspector.inspect(ByteBuffer.wrap(other)))
                .hasMessage("ModelProto: it declares no IR version");
    }

    @Test
    void aLengthBeyondTheEndIsCaught() {
        byte[] bad = new OnnxWriter.Message().varint(1, 8).raw((byte) 0x3A, (byte) 0xFF, (byte) 0x7F).toByteArray();

        assertThatThrownBy(() -> OnnxModelInspector.inspect(ByteBuffer.wrap(bad)))
                .hasMessageContaining("claims 16383 bytes but only 0 are left");
    }

    @Test
    void rawDataThatDoesNotMatchItsDimsIsCaught() {
        OnnxWriter.Message tensor = new OnnxWriter.Message().packed(1, 64, 10).varint(2, FLOAT).string(8, "w")
                .bytes(9, new byte[100]);
        OnnxWriter.Message graph = graph("g", List.of(), List.of(tensor), List.of(), List.of());

        assertThatThrownBy(() -> OnnxModelInspector.inspect(ByteBuffer.wrap(model(graph).toByteArray())))
                .hasMessage("GraphProto.initializer: tensor 'w' declares 640 float32 values (2,560 bytes) but holds"
                        + " 100 bytes");
    }

    @Test
    void flagsExternalData() {
        OnnxWriter.Message external = new OnnxWriter.Message().packed(1, 64, 10).varint(2, FLOAT).string(8, "w")
                .message(13, new OnnxWriter.Message().string(1, "location").string(2, "/etc/passwd"))
                .varint(14, 1);
        OnnxWriter.Message graph = graph("g", List.of(), List.of(external), List.of(), List.of());

        OnnxModelInfo info = OnnxModelInspector.inspect(ByteBuffer.wrap(model(graph).toByteArray()));

        assertThat(info.usesExternalData()).isTrue();
        assertThat(info.parameterCount()).isEqualTo(640);
    }

    @Test
    void hugeDeclaredDimensionsSaturateInsteadOfOverflowing() {
        OnnxWriter.Message huge = new OnnxWriter.Message().packed(1, 1L << 40, 1L << 40).varint(2, FLOAT)
                .string(8, "w");
        OnnxWriter.Message graph = graph("g", List.of(), List.of(huge), List.of(), List.of());

        assertThat(OnnxModelInspector.inspect(ByteBuffer.wrap(model(graph).toByteArray())).parameterCount())
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void subgraphsNestedTooDeepAreRefused() {
        OnnxWriter.Message graph = graph("leaf", List.of(), List.of(), List.of(), List.of());
        for (int i = 0; i <= OnnxModelInspector.MAX_SUBGRAPH_DEPTH; i++) {
            graph = graph("level" + i, List.of(node("If", List.of("c"), List.of("y"), graphAttribute("then_branch", graph))),
                    List.of(), List.of(), List.of());
        }
        byte[] bytes = model(graph).toByteArray();

        assertThatThrownBy(() -> OnnxModelInspector.inspect(ByteBuffer.wrap(bytes)))
                .hasMessageContaining("subgraphs nest deeper than 32 levels");
    }

    @Test
    void namesOperatorsOfOtherDomainsWithTheirDomain() {
        OnnxWriter.Message custom = node("Frobnicate", List.of("input"), List.of("logits"))
                .string(7, "com.example");
        OnnxWriter.Message graph = graph("g", List.of(custom), List.of(),
                List.of(valueInfo("input", FLOAT, "N", 1L, 8L, 8L)), List.of(valueInfo("logits", FLOAT, "N", 10L)));

        OnnxModelInfo info = OnnxModelInspector.inspect(ByteBuffer.wrap(
                model(8, Map.of("", 13L, "com.example", 1L), graph).toByteArray()));

        assertThat(info.operators()).containsOnlyKeys("com.example:Frobnicate");
        assertThat(info.opsets()).containsEntry("ai.onnx", 13L).containsEntry("com.example", 1L);
    }

    @Test
    void readsUnpackedDimsToo() {
        // proto2 writers may emit repeated int64 unpacked: one tag per value.
        OnnxWriter.Message tensor = new OnnxWriter.Message().varint(1, 3).varint(1, 4).varint(2, FLOAT)
                .string(8, "w").bytes(9, new byte[48]);
        OnnxWriter.Message graph = linearGraph("input", dims("N", 1L, 8L, 8L), 10);
        graph.message(5, tensor);

        OnnxModelInfo info = OnnxModelInspector.inspect(ByteBuffer.wrap(model(graph).toByteArray()));

        assertThat(info.parameterCount()).isEqualTo(640 + 10 + 12);
    }
}
