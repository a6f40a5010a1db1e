package org.lectern.grading.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks an uploaded ONNX file against a {@link ModelSpec} before anything runs it, and says precisely what is
 * wrong, one sentence per problem: "input 'x' has shape [N,3,32,32]; this assignment needs [N,1,8,8]", "opset 7
 * is below the minimum 11", "1,234,567 parameters exceed the limit of 1,000,000".
 *
 * <p>{@link #validate} reads only the file ({@link OnnxModelInspector}, pure Java): safe in the web app. The
 * evaluation worker checks again what ONNX Runtime itself reports once the session is created
 * ({@link #checkSignature} on the session's input and output info), since the file's declared shapes are what the
 * exporter wrote, not necessarily what ONNX Runtime infers.
 */
public final class ModelValidator {

    /** Operator domains ONNX Runtime implements; others need custom operator libraries, which workers never load. */
    static final Set<String> RUNNABLE_DOMAINS = Set.of(OnnxModelInspector.DEFAULT_DOMAIN, "ai.onnx.ml", "com.microsoft");

    private ModelValidator() {
    }

    /** Reads and checks a file; never throws for a bad file, only for one that cannot be read at all. */
    public static ValidationReport validate(Path file, ModelSpec spec) throws IOException {
        List<String> problems = new ArrayList<>();
        long size = Files.size(file);
        if (size > spec.maxFileBytes()) {
            problems.add("the file is " + OnnxModelInspector.describe(size) + "; the limit is "
                    + OnnxModelInspector.describe(spec.maxFileBytes()));
        }
        OnnxModelInfo info;
        try {
            info = OnnxModelInspector.inspect(file);
        } catch (OnnxFormatException e) {
            String known = knownOtherFormat(file);
            problems.add("the file is not an ONNX model: " + (known != null ? known : e.getMessage()));
            return new ValidationReport(null, problems);
        }
        problems.addAll(check(info, spec));
        return new ValidationReport(info, problems);
    }

    /** What students upload by mistake, recognised by the first bytes; null for anything else. */
    static String knownOtherFormat(Path file) throws IOException {
        byte[] head = new byte[4];
        int read;
        try (var in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 4);
        }
        if (read == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return "it is a zip archive, such as a PyTorch checkpoint (.pt, .pth); export the model with"
                    + " torch.onnx.export";
        }
        if (read == 4 && head[0] == (byte) 0x89 && head[1] == 'H' && head[2] == 'D' && head[3] == 'F') {
            return "it is an HDF5 file, such as a Keras .h5 model; convert it to ONNX (tf2onnx)";
        }
        if (read >= 2 && head[0] == (byte) 0x80 && head[1] >= 2 && head[1] <= 5) {
            return "it is a Python pickle, such as torch.save output; export the model with torch.onnx.export";
        }
        return null;
    }

    /** The checks on what the file declares, size aside. */
    public static List<String> check(OnnxModelInfo info, ModelSpec spec) {
        List<String> problems = new ArrayList<>();
        if (info.usesExternalData()) {
            problems.add("the model keeps tensors in external data files; upload one self-contained .onnx file"
                    + " (torch.onnx.export writes one for models under 2 GiB)");
        }
        long opset = info.defaultOpset();
        if (opset == 0) {
            problems.add("the model imports no standard ONNX opset");
        } else if (opset < spec.minOpset()) {
            problems.add("opset " + opset + " is below the minimum " + spec.minOpset());
        } else if (opset > spec.maxOpset()) {
            problems.add("opset " + opset + " is above the maximum " + spec.maxOpset());
        }
        Map<String, Set<String>> foreign = new java.util.TreeMap<>();
        for (String operator : info.operators().keySet()) {
            int colon = operator.lastIndexOf(':');
            if (colon > 0 && !RUNNABLE_DOMAINS.contains(operator.substring(0, colon))) {
                foreign.computeIfAbsent(operator.substring(0, colon), d -> new TreeSet<>()).add(operator.substring(colon + 1));
            }
        }
        foreign.forEach((domain, ops) -> problems.add("the model uses operators of domain '" + domain + "' ("
                + String.join(", ", ops) + "), which ONNX Runtime does not provide"));
        problems.addAll(checkSignature(info.inputs(), info.outputs(), spec));
        if (info.parameterCount() > spec.maxParameters()) {
            problems.add(String.format(Locale.ROOT, "%s parameters exceed the limit of %,d",
                    info.parameterCount() == Long.MAX_VALUE ? "more than 9 quintillion"
                            : String.format(Locale.ROOT, "%,d", info.parameterCount()), spec.maxParameters()));
        }
        return problems;
    }

    /** Checks inputs and outputs, as the file declares them or as ONNX Runtime reports them. */
    public static List<String> checkSignature(List<TensorInfo> inputs, List<TensorInfo> outputs, ModelSpec spec) {
        List<String> problems = new ArrayList<>();
        if (inputs.isEmpty()) {
            problems.add("the model has no inputs; this assignment feeds one, " + spec.inputShapeText() + " float32");
        } else if (inputs.size() > 1) {
            problems.add("the model has " + inputs.size() + " inputs (" + names(inputs) + "); this assignment feeds"
                    + " exactly one, " + spec.inputShapeText() + " float32");
        } else {
            checkInput(inputs.getFirst(), spec, problems);
        }
        if (outputs.isEmpty()) {
            problems.add("the model has no outputs; this assignment needs one, " + spec.outputShapeText()
                    + " float32 scores");
        } else if (outputs.size() > 1) {
            problems.add("the model has " + outputs.size() + " outputs (" + names(outputs) + "); this assignment"
                    + " needs exactly one, " + spec.outputShapeText() + " float32 scores");
        } else {
            checkOutput(outputs.getFirst(), spec, problems);
        }
        return problems;
    }

    private static void checkInput(TensorInfo input, ModelSpec spec, List<String> problems) {
        String name = "input '" + input.name() + "'";
        if (!input.isTensor()) {
            problems.add(name + " is " + article(input.type()) + "; this assignment needs a float32 tensor "
                    + spec.inputShapeText());
            return;
        }
        if (!input.type().equals("float32")) {
            problems.add(name + " has type " + input.type() + "; this assignment needs float32");
        }
        if (!input.hasShape()) {
            return; // any shape: ONNX Runtime's session info and the first batch will tell
        }
        List<Dim> shape = input.shape();
        List<Long> expected = spec.inputDims();
        if (!matches(shape, expected)) {
            String hint = "";
            ModelSpec other = spec.withLayout(spec.layout() == Layout.NCHW ? Layout.NHWC : Layout.NCHW);
            if (spec.channels() > 1 && matches(shape, other.inputDims())) {
                hint = spec.layout() == Layout.NCHW
                        ? " (channels last; this assignment feeds channels first, NCHW)"
                        : " (channels first; this assignment feeds channels last, NHWC)";
            }
            problems.add(name + " has shape " + input.shapeText() + "; this assignment needs "
                    + spec.inputShapeText() + hint);
        } else if (shape.getFirst().isFixed()) {
            problems.add(name + " has a fixed batch size of " + shape.getFirst().value() + " (" + input.shapeText()
                    + "); export it with a dynamic first dimension, e.g. torch.onnx.export(..., dynamic_axes={'"
                    + input.name() + "': {0: 'N'}})");
        }
    }

    private static boolean matches(List<Dim> shape, List<Long> expected) {
        if (shape.size() != expected.size() + 1) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            Dim dim = shape.get(i + 1);
            if (dim.isFixed() && dim.value() != expected.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static void checkOutput(TensorInfo output, ModelSpec spec, List<String> problems) {
        String name = "output '" + output.name() + "'";
        if (!output.isTensor()) {
            problems.add(name + " is " + article(output.type()) + "; this assignment needs a float32 tensor "
                    + spec.outputShapeText());
            return;
        }
        if (!output.type().equals("float32")) {
            problems.add(name + " has type " + output.type() + "; this assignment needs float32");
        }
        if (!output.hasShape()) {
            return;
        }
        List<Dim> shape = output.shape();
        if (shape.size() != 2 || (shape.get(1).isFixed() && shape.get(1).value() != spec.classes())) {
            problems.add(name + " has shape " + output.shapeText() + "; this assignment needs "
                    + spec.outputShapeText() + ", one score per class");
        }
    }

    private static String names(List<TensorInfo> values) {
        return values.stream().map(v -> "'" + v.name() + "'").collect(Collectors.joining(", "));
    }

    private static String article(String type) {
        return switch (type) {
            case "unknown" -> "of no declared type";
            case "optional" -> "an optional";
            default -> "a " + type;
        };
    }
}
