package org.lectern.grading.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes small ONNX files for tests, in the protobuf wire format, field numbers from onnx/onnx.proto: models
 * too large or too odd to commit (a 6 MB initializer, a 4 GiB ConstantOfShape, an unknown operator).
 */
final class OnnxWriter {

    static final int FLOAT = 1;
    static final int BOOL = 9;
    static final int INT64 = 7;

    private OnnxWriter() {
    }

    /** A message under construction. */
    static final class Message {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Message varint(int field, long value) {
            tag(field, 0);
            writeVarint(value);
            return this;
        }

        Message bytes(int field, byte[] value) {
            tag(field, 2);
            writeVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        Message string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Message message(int field, Message value) {
            return bytes(field, value.toByteArray());
        }

        /** A repeated int64 field, packed. */
        Message packed(int field, long... values) {
            Message packed = new Message();
            for (long v : values) {
                packed.writeVarint(v);
            }
            return bytes(field, packed.toByteArray());
        }

        /** Raw bytes, for hand-made corruption. */
        Message raw(byte... bytes) {
            out.writeBytes(bytes);
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }

        private void tag(int field, int wireType) {
            writeVarint(((long) field << 3) | wireType);
        }

        private void writeVarint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }
    }

    static Message model(long irVersion, Map<String, Long> opsets, Message graph) {
        Message model = new Message().varint(1, irVersion).string(2, "lectern-tests");
        opsets.forEach((domain, version) -> model.message(8, new Message().string(1, domain).varint(2, version)));
        return model.message(7, graph);
    }

    static Message model(Message graph) {
        return model(8, Map.of("", 13L), graph);
    }

    static Message graph(String name, List<Message> nodes, List<Message> initializers, List<Message> inputs,
                         List<Message> outputs) {
        Message graph = new Message();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, name);
        initializers.forEach(t -> graph.message(5, t));
        inputs.forEach(i -> graph.message(11, i));
        outputs.forEach(o -> graph.message(12, o));
        return graph;
    }

    static Message node(String opType, List<String> inputs, List<String> outputs, Message... attributes) {
        Message node = new Message();
        inputs.forEach(i -> node.string(1, i));
        outputs.forEach(o -> node.string(2, o));
        node.string(4, opType);
        for (Message attribute : attributes) {
            node.message(5, attribute);
        }
        return node;
    }

    static Message intAttribute(String name, long value) {
        return new Message().string(1, name).varint(3, value).varint(20, 2);
    }

    static Message graphAttribute(String name, Message graph) {
        return new Message().string(1, name).message(6, graph).varint(20, 5);
    }

    /** A float tensor of the given dims, all zeros or the given values, as raw_data. */
    static Message floatTensor(String name, long[] dims, float... values) {
        long count = 1;
        for (long d : dims) {
            count *= d;
        }
        ByteBuffer raw = ByteBuffer.allocate(Math.toIntExact(count * 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; i++) {
            raw.putFloat(i * 4, values[i]);
        }
        return new Message().packed(1, dims).varint(2, FLOAT).string(8, name).bytes(9, raw.array());
    }

    static Message int64Tensor(String name, long[] dims, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        return new Message().packed(1, dims).varint(2, INT64).string(8, name).bytes(9, raw.array());
    }

    /** A tensor value_info; each dim a Long (fixed) or a String (symbolic). */
    static Message valueInfo(String name, int elementType, Object... dims) {
        Message shape = new Message();
        for (Object dim : dims) {
            shape.message(1, dim instanceof String param ? new Message().string(2, param)
                    : new Message().varint(1, ((Number) dim).longValue()));
        }
        Message tensorType = new Message().varint(1, elementType).message(2, shape);
        return new Message().string(1, name).message(2, new Message().message(1, tensorType));
    }

    /** A linear classifier: input [N,1,8,8] → Flatten → Gemm(w [64,classes], b) → output [N,classes]. */
    static Message linearGraph(String inputName, Object[] inputDims, int classes, Object... outputDims) {
        return graph("linear",
                List.of(node("Flatten", List.of(inputName), List.of("flat")),
                        node("Gemm", List.of("flat", "w", "b"), List.of("logits"))),
                List.of(floatTensor("w", new long[] {64, classes}), floatTensor("b", new long[] {classes})),
                List.of(valueInfo(inputName, FLOAT, inputDims)),
                List.of(valueInfo("logits", FLOAT, outputDims.length > 0 ? outputDims : new Object[] {"N", (long) classes})));
    }

    /** A model-local function (FunctionProto) importing the standard opset 13. */
    static Message function(String domain, String name, List<String> inputs, List<String> outputs,
                            List<Message> nodes) {
        Message function = new Message().string(1, name);
        inputs.forEach(i -> function.string(4, i));
        outputs.forEach(o -> function.string(5, o));
        nodes.forEach(n -> function.message(7, n));
        function.message(9, new Message().string(1, "").varint(2, 13));
        return function.string(10, domain);
    }

    /** The model with these functions appended (ModelProto.functions, field 25). */
    static Message withFunctions(Message model, Message... functions) {
        for (Message function : functions) {
            model.message(25, function);
        }
        return model;
    }

    /** A Constant node whose value tensor lives in an external file. */
    static Message externalConstant(String output, String location) {
        Message tensor = new Message().packed(1, 10).varint(2, FLOAT).string(8, output)
                .message(13, new Message().string(1, "location").string(2, location)).varint(14, 1);
        return node("Constant", List.of(), List.of(output), new Message().string(1, "value").message(5, tensor)
                .varint(20, 4));
    }

    static Object[] dims(Object... dims) {
        return dims;
    }

    static Path write(Path folder, String name, Message model) throws IOException {
        return Files.write(folder.resolve(name), model.toByteArray());
    }
}
