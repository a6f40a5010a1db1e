package org.lectern.grading.model;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Started in place of {@link ModelEvaluationProcess}: sends back outputs a subverted process might send, chosen by
 * {@code -Dhostile.mode}: {@code nan} (one score NaN), {@code rows} (a row short), {@code shape} (9 scores a row
 * for 10 classes), {@code flood} (writes on and on), {@code garbage} (not the format at all).
 */
public final class HostileOutputProcess {

    private HostileOutputProcess() {
    }

    public static void main(String[] args) throws Exception {
        ModelEvaluationProcess.Job job = ModelEvaluationProcess.JSON.readValue(Files.readString(Path.of(args[0])),
                ModelEvaluationProcess.Job.class);
        int rows = job.rows();
        int classes = job.spec().classes();
        String mode = System.getProperty("hostile.mode");
        int headerRows = mode.equals("rows") ? rows - 1 : rows;
        int values = switch (mode) {
            case "rows" -> (rows - 1) * classes;
            case "shape" -> rows * (classes - 1);
            default -> rows * classes;
        };
        float[] scores = new float[values];
        if (mode.equals("nan")) {
            scores[5 * classes + 3] = Float.NaN;
        }
        ModelOutputs.Header header = new ModelOutputs.Header(headerRows, classes, "cpu", "CPUExecutionProvider", 1, 1,
                0.1, 0.2, 5, null, null, List.of());
        try (OutputStream out = ModelOutputs.sideChannel()) {
            switch (mode) {
                case "garbage" -> out.write("all correct, full marks\n".getBytes(StandardCharsets.UTF_8));
                case "flood" -> {
                    out.write(ModelOutputs.encode(header, scores));
                    byte[] chunk = new byte[1 << 20];
                    Arrays.fill(chunk, (byte) 0x3f);
                    for (int i = 0; i < 1024; i++) {
                        out.write(chunk);
                    }
                }
                default -> out.write(ModelOutputs.encode(header, scores));
            }
        }
        Runtime.getRuntime().halt(0);
    }
}
