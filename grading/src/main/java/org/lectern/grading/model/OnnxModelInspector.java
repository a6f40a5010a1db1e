package org.lectern.grading.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads what validation needs from an ONNX file without running it: opset imports, the graph's declared inputs
 * and outputs with their element types and shapes, the number of stored parameters, the operators used (also in
 * Loop, If and Scan bodies and in the bodies of model-local functions), and whether tensors refer to external data
 * files (also inside functions).
 *
 * <p>Model-local functions ({@code ModelProto.functions}, FunctionProto) are read like the main graph: their nodes'
 * operators, tensors and subgraphs count as the graph's own, whether or not anything calls them, so that a
 * function cannot hide an operator or an external-data tensor from validation. A node whose domain and type name a
 * declared function is a call of that function, not an operator of its own (ONNX Runtime inlines the body). A
 * function declared twice, or one that calls itself (directly or through others), is refused.
 *
 * <p>Why a hand-written reader of the protobuf wire format rather than a library: the ONNX schema's generated
 * Java classes are not published as a small, maintained artifact on Maven Central (the candidates are
 * unmaintained forks or come with a whole framework: JavaCPP's onnx preset with native libraries, or Tribuo), and
 * ONNX Runtime's Java API, which Lectern uses to run models, tells a session's input and output shapes but not
 * the file's opset imports, its initializers (so no parameter count) or its operators. Generating the classes
 * ourselves would add protobuf-java and a protoc step for about ten fields. The wire format is small and stable:
 * {@link ProtoReader} reads it over a read-only mapping of the file, checking every length, so a truncated or
 * hostile file fails with a message instead of an exception from native code, and a large file is not copied
 * onto the heap. Field numbers are those of onnx/onnx.proto (IR version 10); unknown fields are skipped, as
 * protobuf readers do.
 *
 * <p>Safe to run in the web app on untrusted uploads: pure Java, bounded by the file's size, subgraph nesting
 * limited to {@value #MAX_SUBGRAPH_DEPTH} levels.
 */
public final class OnnxModelInspector {

    /** The standard operators' domain, whichever way the file spells it ("" or "ai.onnx"). */
    public static final String DEFAULT_DOMAIN = "ai.onnx";
    static final int MAX_SUBGRAPH_DEPTH = 32;

    private OnnxModelInspector() {
    }

    /**
     * Inspects a file.
     *
     * @throws OnnxFormatException the file is empty, larger than protobuf allows, or not an ONNX ModelProto; the
     *                             message says why
     * @throws IOException         the file cannot be read
     */
    public static OnnxModelInfo inspect(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new OnnxFormatException("the file is empty");
        }
        if (size > Integer.MAX_VALUE) {
            throw new OnnxFormatException("the file is " + describe(size)
                    + ", more than the 2 GiB a single ONNX file can hold (larger models keep their weights in"
                    + " external data files, which Lectern does not accept)");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return inspect(channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
        }
    }

    /** Inspects bytes held in memory (an upload not yet stored). */
    public static OnnxModelInfo inspect(ByteBuffer bytes) {
        if (!bytes.hasRemaining()) {
            throw new OnnxFormatException("the file is empty");
        }
        return new Parse().model(new ProtoReader(bytes, "ModelProto"), bytes.remaining());
    }

    static String shapeText(List<Dim> shape) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < shape.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(shape.get(i));
        }
        return text.append(']').toString();
    }

    static String describe(long bytes) {
        return org.lectern.grading.SandboxLimits.describeBytes(bytes);
    }

    /** ONNX TensorProto.DataType names, as numpy and PyTorch users know them. */
    static String elementTypeName(int type) {
        return switch (type) {
            case 1 -> "float32";
            case 2 -> "uint8";
            case 3 -> "int8";
            case 4 -> "uint16";
            case 5 -> "int16";
            case 6 -> "int32";
            case 7 -> "int64";
            case 8 -> "string";
            case 9 -> "bool";
            case 10 -> "float16";
            case 11 -> "float64";
            case 12 -> "uint32";
            case 13 -> "uint64";
            case 14 -> "complex64";
            case 15 -> "complex128";
            case 16 -> "bfloat16";
            case 17 -> "float8e4m3fn";
            case 18 -> "float8e4m3fnuz";
            case 19 -> "float8e5m2";
            case 20 -> "float8e5m2fnuz";
            case 21 -> "uint4";
            case 22 -> "int4";
            case 23 -> "float4e2m1";
            case 0 -> "undefined";
            default -> "element type " + type;
        };
    }

    /** Bytes per element, or 0 where raw_data's length cannot be checked this simply (strings, 4-bit types). */
    private static int elementBytes(int type) {
        return switch (type) {
            case 1, 6, 12 -> 4;
            case 2, 3, 9, 17, 18, 19, 20 -> 1;
            case 4, 5, 10, 16 -> 2;
            case 7, 11, 13, 14 -> 8;
            case 15 -> 16;
            default -> 0;
        };
    }

    /** One pass over a ModelProto, collecting into its fields. */
    private static final class Parse {

        private long parameters;
        private final Map<String, Integer> operators = new TreeMap<>();
        private boolean externalData;
        private int maxDepth;
        /** Every node's operator key, by where it stands: the main graph ("") or a function's key. */
        private final Map<String, List<String>> calls = new LinkedHashMap<>();
        private List<String> current = calls.computeIfAbsent("", k -> new ArrayList<>());

        OnnxModelInfo model(ProtoReader model, long fileBytes) {
            long irVersion = 0;
            String producerName = "";
            String producerVersion = "";
            Map<String, Long> opsets = new LinkedHashMap<>();
            Graph graph = null;
            while (model.hasRemaining()) {
                int tag = model.readTag();
                switch (ProtoReader.fieldNumber(tag)) {
                    case 1 -> {
                        model.expect(tag, ProtoReader.VARINT, "ir_version");
                        irVersion = model.readVarint();
                    }
                    case 2 -> {
                        model.expect(tag, ProtoReader.LENGTH_DELIMITED, "producer_name");
                        producerName = model.readString();
                    }
                    case 3 -> {
                        model.expect(tag, ProtoReader.LENGTH_DELIMITED, "producer_version");
                        producerVersion = model.readString();
                    }
                    case 7 -> {
                        model.expect(tag, ProtoReader.LENGTH_DELIMITED, "graph");
                        if (graph != null) {
                            throw model.malformed("it has more than one graph");
                        }
                        graph = graph(model.readMessage("ModelProto.graph"), 0, true);
                    }
                    case 8 -> {
                        model.expect(tag, ProtoReader.LENGTH_DELIMITED, "opset_import");
                        opset(model.readMessage("ModelProto.opset_import"), opsets);
                    }
                    case 25 -> {
                        model.expect(tag, ProtoReader.LENGTH_DELIMITED, "functions");
                        function(model.readMessage("ModelProto.functions[" + (calls.size() - 1) + "]"));
                    }
                    default -> model.skip(tag);
                }
            }
            Map<String, Integer> functionCalls = resolveCalls(model);
            if (irVersion <= 0) {
                throw new OnnxFormatException("ModelProto: it declares no IR version");
            }
            if (graph == null) {
                throw new OnnxFormatException("ModelProto: it has no graph");
            }
            List<TensorInfo> inputs = new ArrayList<>();
            for (TensorInfo input : graph.inputs) {
                if (!graph.initializers.contains(input.name())) {
                    inputs.add(input);
                }
            }
            String producer = (producerName + " " + producerVersion).strip();
            return new OnnxModelInfo(fileBytes, irVersion, producer, opsets, inputs, graph.outputs, parameters,
                    operators, externalData, maxDepth, functionCalls);
        }

        /** A FunctionProto: its name and domain, and its nodes, read as a graph's nodes are. */
        private void function(ProtoReader function) {
            String name = "";
            String domain = "";
            List<String> body = new ArrayList<>();
            List<String> outer = current;
            current = body;
            int nodeIndex = 0;
            while (function.hasRemaining()) {
                int tag = function.readTag();
                switch (ProtoReader.fieldNumber(tag)) {
                    case 1 -> {
                        function.expect(tag, ProtoReader.LENGTH_DELIMITED, "name");
                        name = function.readString();
                    }
                    case 10 -> {
                        function.expect(tag, ProtoReader.LENGTH_DELIMITED, "domain");
                        domain = function.readString();
                    }
                    case 7 -> {
                        function.expect(tag, ProtoReader.LENGTH_DELIMITED, "node");
                        node(function.readMessage("FunctionProto.node[" + nodeIndex++ + "]"), 0);
                    }
                    default -> function.skip(tag);
                }
            }
            current = outer;
            if (name.isEmpty()) {
                throw function.malformed("a function has no name");
            }
            String key = operatorKey(domain, name);
            if (calls.containsKey(key)) {
                throw function.malformed("function '" + key + "' is declared twice");
            }
            calls.put(key, body);
        }

        /**
         * Counts every node as an operator, except calls of declared functions, which are counted apart; refuses
         * functions that call themselves (ONNX Runtime would inline them forever or fail).
         */
        private Map<String, Integer> resolveCalls(ProtoReader model) {
            Map<String, Integer> functionCalls = new TreeMap<>();
            for (String function : calls.keySet()) {
                if (!function.isEmpty()) {
                    functionCalls.put(function, 0);
                }
            }
            for (List<String> nodes : calls.values()) {
                for (String key : nodes) {
                    if (functionCalls.containsKey(key)) {
                        functionCalls.merge(key, 1, Integer::sum);
                    } else {
                        operators.merge(key, 1, Integer::sum);
                    }
                }
            }
            Set<String> done = new HashSet<>();
            for (String function : functionCalls.keySet()) {
                checkNoCycle(model, function, new ArrayList<>(), done);
            }
            return functionCalls;
        }

        private void checkNoCycle(ProtoReader model, String function, List<String> path, Set<String> done) {
            if (done.contains(function)) {
                return;
            }
            if (path.contains(function)) {
                throw model.malformed("function '" + function + "' calls itself"
                        + (path.getLast().equals(function) ? "" : " through " + String.join(", ",
                        path.subList(path.indexOf(function) + 1, path.size()).stream().map(f -> "'" + f + "'")
                                .toList())));
            }
            if (path.size() >= MAX_SUBGRAPH_DEPTH) {
                throw model.malformed("functions call each other deeper than " + MAX_SUBGRAPH_DEPTH + " levels");
            }
            path.add(function);
            for (String callee : calls.get(function)) {
                if (calls.containsKey(callee) && !callee.isEmpty()) {
                    checkNoCycle(model, callee, path, done);
                }
            }
            path.removeLast();
            done.add(function);
        }

        private static String operatorKey(String domain, String opType) {
            return domain.isEmpty() || domain.equals(DEFAULT_DOMAIN) ? opType : domain + ":" + opType;
        }

        private void opset(ProtoReader opset, Map<String, Long> into) {
            String domain = "";
            long version = 0;
            while (opset.hasRemaining()) {
                int tag = opset.readTag();
                switch (ProtoReader.fieldNumber(tag)) {
                    case 1 -> {
                        opset.expect(tag, ProtoReader.LENGTH_DELIMITED, "domain");
                        domain = opset.readString();
                    }
                    case 2 -> {
                        opset.expect(tag, ProtoReader.VARINT, "version");
                        version = opset.readVarint();
                    }
                    default -> opset.skip(tag);
                }
            }
            into.put(domain.isEmpty() ? DEFAULT_DOMAIN : domain, version);
        }

        private Graph graph(ProtoReader graph, int depth, boolean main) {
            if (depth > MAX_SUBGRAPH_DEPTH) {
                throw graph.malformed("subgraphs nest deeper than " + MAX_SUBGRAPH_DEPTH + " levels");
            }
            maxDepth = Math.max(maxDepth, depth);
            Graph result = new Graph();
            int nodeIndex = 0;
            while (graph.hasRemaining()) {
                int tag = graph.readTag();
                switch (ProtoReader.fieldNumber(tag)) {
                    case 1 -> {
                        graph.expect(tag, ProtoReader.LENGTH_DELIMITED, "node");
                        node(graph.readMessage("GraphProto.node[" + nodeIndex++ + "]"), depth);
                    }
                    case 5 -> {
                        graph.expect(tag, ProtoReader.LENGTH_DELIMITED, "initializer");
                        result.initializers.add(tensor(graph.readMessage("GraphProto.initializer")));
                    }
                    case 15 -> {
                        graph.expect(tag, ProtoReader.LENGTH_DELIMITED, "sparse_initializer");
                        result.initializers.add(sparseTensor(graph.readMessage("GraphProto.sparse_initializer")));
                    }
                    case 11 -> {
                        graph.expect(tag, ProtoReader.LENGTH_DELIMITED, "input");
                        TensorInfo input = valueInfo(graph.readMessage("GraphProto.input"));
                        if (main) {
                            result.inputs.add(input);
                        }
                    }
                    case 12 -> {
                        graph.expect(tag, ProtoReader.LENGTH_DELIMITED, "output");
                        TensorInfo output = valueInfo(graph.readMessage("GraphProto.output"));
                        if (main) {
                            result.outputs.add(output);
                        }
                    }
                    default -> graph.skip(tag);
                }
            }
            return result;
        }

        private void node(ProtoReader node, int depth) {
            String opType = "";
            String domain = "";
            while (node.hasRemaining()) {
                int tag = node.readTag();
                switch (ProtoReader.fieldNumber(tag)) {
                    case 4 -> {
                        node.expect(tag, ProtoReader.LENGTH_DELIMITED, "op_type");
                        opType = node.readString();
                    }
                    case 7 -> {
                        node.expect(tag, ProtoReader.LENGTH_DELIMITED, "domain");
                        domain = node.readString();
                    }
                    case 5 -> {
                        node.expect(tag, ProtoReader.LENGTH_DELIMITED, "attribute");
                        attribute(node.readMessage("NodeProto.attribute"), depth);
                    }
                    default -> node.skip(tag);
                }
            }
            current.add(operatorKey(domain, opType));
        }

        private void attribute(ProtoReader attribute, int depth) {
            while (attribute.hasRemaining()) {
                int tag = attribute.readTag();
                switch (ProtoReader.fieldNumber(tag)) {
                    case 5, 10 -> {
                        attribute.expect(tag, ProtoReader.LENGTH_DELIMITED, "tensor attribute");
                        tensor(attribute.readMessage("AttributeProto.t"));
                    }
                    case 22, 23 -> {
                        attribute.expect(tag, ProtoReader.LENGTH_DELIMITED, "sparse tensor attribute");
                        sparseTensor(attribute.readMessage("AttributeProto.sparse_tensor"));
                    }
                    case 6, 11 -> {
                        attribute.expect(tag, ProtoReader.LENGTH_DELIMITED, "graph attribute");
                        graph(attribute.readMessage("AttributeProto.g"), depth + 1, false);
                    }
                    default -> attribute.skip(tag);
                }
            }
        }

        /** Reads a TensorProto, adds its elements to the parameter count, returns its name. */
        private String tensor(ProtoReader tensor) {
            String name = "";
            List<Long> dims = new ArrayList<>();
            int dataType = 0;
            long rawBytes = -1;
            while (tensor.hasRemaining()) {
                int tag = tensor.readTag();
                switch (ProtoReader.fieldNumber(tag)) {
                    case 1 -> tensor.readRepeatedVarint(tag, dims::add);
                    case 2 -> {
                        tensor.expect(tag, ProtoReader.VARINT, "data_type");
                        dataType = (int) tensor.readVarint();
                    }
                    case 8 -> {
                        tensor.expect(tag, ProtoReader.LENGTH_DELIMITED, "name");
                        name = tensor.readString();
                    }
                    case 9 -> {
                        tensor.expect(tag, ProtoReader.LENGTH_DELIMITED, "raw_data");
                        rawBytes = tensor.skipBytes();
                    }
                    case 13 -> {
                        externalData = true;
                        tensor.skip(tag);
                    }
                    case 14 -> {
                        tensor.expect(tag, ProtoReader.VARINT, "data_location");
                        if (tensor.readVarint() == 1) {
                            externalData = true;
                        }
                    }
                    default -> tensor.skip(tag);
                }
            }
            long elements = elements(tensor, name, dims);
            int elementBytes = elementBytes(dataType);
            if (rawBytes >= 0 && elementBytes > 0 && elements < Long.MAX_VALUE / elementBytes
                    && rawBytes != elements * elementBytes) {
                throw tensor.malformed(String.format(Locale.ROOT,
                        "tensor '%s' declares %,d %s values (%,d bytes) but holds %,d bytes", name, elements,
                        elementTypeName(dataType), elements * elementBytes, rawBytes));
            }
            addParameters(elements);
            return name;
        }

        private String sparseTensor(ProtoReader sparse) {
            String name = "";
            List<Long> dims = new ArrayList<>();
            while (sparse.hasRemaining()) {
                int tag = sparse.readTag();
                switch (ProtoReader.fieldNumber(tag)) {
                    case 1 -> {
                        sparse.expect(tag, ProtoReader.LENGTH_DELIMITED, "values");
                        // The values tensor's own elements are the non-zeros; the dense size below is what counts.
                        long before = parameters;
                        name = tensor(sparse.readMessage("SparseTensorProto.values"));
                        parameters = before;
                    }
                    case 2 -> {
                        sparse.expect(tag, ProtoReader.LENGTH_DELIMITED, "indices");
                        long before = parameters;
                        tensor(sparse.readMessage("SparseTensorProto.indices"));
                        parameters = before;
                    }
                    case 3 -> sparse.readRepeatedVarint(tag, dims::add);
                    default -> sparse.skip(tag);
                }
            }
            addParameters(elements(sparse, name, dims));
            return name;
        }

        private static long elements(ProtoReader where, String name, List<Long> dims) {
            long elements = 1;
            for (long dim : dims) {
                if (dim < 0) {
                    throw where.malformed("tensor '" + name + "' has a negative dimension " + dim);
                }
                elements = saturatingMultiply(elements, dim);
            }
            return elements;
        }

        private void addParameters(long elements) {
            parameters = parameters > Long.MAX_VALUE - elements ? Long.MAX_VALUE : parameters + elements;
        }

        private static long saturatingMultiply(long a, long b) {
            long high = Math.multiplyHigh(a, b);
            long low = a * b;
            return high != 0 || low < 0 ? Long.MAX_VALUE : low;
        }

        private TensorInfo valueInfo(ProtoReader valueInfo) {
            String name = "";
            TensorInfo typed = null;
            while (valueInfo.hasRemaining()) {
                int tag = valueInfo.readTag();
                switch (ProtoReader.fieldNumber(tag)) {
                    case 1 -> {
                        valueInfo.expect(tag, ProtoReader.LENGTH_DELIMITED, "name");
                        name = valueInfo.readString();
                    }
                    case 2 -> {
                        valueInfo.expect(tag, ProtoReader.LENGTH_DELIMITED, "type");
                        typed = type(valueInfo.readMessage("ValueInfoProto.type"));
                    }
                    default -> valueInfo.skip(tag);
                }
            }
            if (typed == null) {
                return new TensorInfo(name, "unknown", false, false, List.of());
            }
            return new TensorInfo(name, typed.type(), typed.isTensor(), typed.hasShape(), typed.shape());
        }

        private static TensorInfo type(ProtoReader type) {
            TensorInfo result = new TensorInfo("", "unknown", false, false, List.of());
            while (type.hasRemaining()) {
                int tag = type.readTag();
                switch (ProtoReader.fieldNumber(tag)) {
                    case 1 -> {
                        type.expect(tag, ProtoReader.LENGTH_DELIMITED, "tensor_type");
                        result = tensorType(type.readMessage("TypeProto.tensor_type"));
                    }
                    case 4 -> {
                        type.skip(tag);
                        result = new TensorInfo("", "sequence", false, false, List.of());
                    }
                    case 5 -> {
                        type.skip(tag);
                        result = new TensorInfo("", "map", false, false, List.of());
                    }
                    case 8 -> {
                        type.skip(tag);
                        result = new TensorInfo("", "sparse tensor", false, false, List.of());
                    }
                    case 9 -> {
                        type.skip(tag);
                        result = new TensorInfo("", "optional", false, false, List.of());
                    }
                    default -> type.skip(tag);
                }
            }
            return result;
        }

        private static TensorInfo tensorType(ProtoReader tensorType) {
            int elementType = 0;
            boolean hasShape = false;
            List<Dim> shape = new ArrayList<>();
            while (tensorType.hasRemaining()) {
                int tag = tensorType.readTag();
                switch (ProtoReader.fieldNumber(tag)) {
                    case 1 -> {
                        tensorType.expect(tag, ProtoReader.VARINT, "elem_type");
                        elementType = (int) tensorType.readVarint();
                    }
                    case 2 -> {
                        tensorType.expect(tag, ProtoReader.LENGTH_DELIMITED, "shape");
                        hasShape = true;
                        ProtoReader shapeReader = tensorType.readMessage("TensorShapeProto");
                        while (shapeReader.hasRemaining()) {
                            int dimTag = shapeReader.readTag();
                            if (ProtoReader.fieldNumber(dimTag) == 1) {
                                shapeReader.expect(dimTag, ProtoReader.LENGTH_DELIMITED, "dim");
                                shape.add(dim(shapeReader.readMessage("TensorShapeProto.dim")));
                            } else {
                                shapeReader.skip(dimTag);
                            }
                        }
                    }
                    default -> tensorType.skip(tag);
                }
            }
            return new TensorInfo("", elementTypeName(elementType), true, hasShape, shape);
        }

        private static Dim dim(ProtoReader dim) {
            Dim result = Dim.UNKNOWN;
            while (dim.hasRemaining()) {
                int tag = dim.readTag();
                switch (ProtoReader.fieldNumber(tag)) {
                    case 1 -> {
                        dim.expect(tag, ProtoReader.VARINT, "dim_value");
                        long value = dim.readVarint();
                        result = value >= 0 ? Dim.of(value) : Dim.UNKNOWN;
                    }
                    case 2 -> {
                        dim.expect(tag, ProtoReader.LENGTH_DELIMITED, "dim_param");
                        result = Dim.symbolic(dim.readString());
                    }
                    default -> dim.skip(tag);
                }
            }
            return result;
        }
    }

    private static final class Graph {
        final List<TensorInfo> inputs = new ArrayList<>();
        final List<TensorInfo> outputs = new ArrayList<>();
        final Set<String> initializers = new HashSet<>();
    }
}
