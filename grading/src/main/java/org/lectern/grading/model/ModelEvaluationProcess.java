package org.lectern.grading.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandboxed model process's main class: reads a job file, runs the model on the input images, sends the scores
 * back, exits. Started by {@link IsolatedModelEvaluator} in a JVM of its own inside the bubblewrap sandbox, so that
 * a model that loops, exhausts memory or crashes ONNX Runtime's native code takes down only this process, and one
 * that got ONNX Runtime to run code of its choosing would find nothing worth having: no labels, no data folder, no
 * network, no database, no secrets.
 *
 * <p>Usage: {@code java … org.lectern.grading.model.ModelEvaluationProcess /job/job.json}. The job names the model
 * file, the inputs file (the images' stored values, float32, in an order that says nothing about splits), their
 * number, the spec and the evaluator options. The scores go to file descriptor 3 ({@link ModelOutputs}), which the
 * sandbox opens to a host file outside the job folder. Exit code 0 whenever the outputs were written, failure or not.
 */
public final class ModelEvaluationProcess {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the trusted side asks: paths as the sandbox sees them. */
    record Job(String model, String inputs, int rows, ModelSpec spec, EvaluatorOptions options) {
    }

    private ModelEvaluationProcess() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ModelEvaluationProcess JOB.json");
            System.exit(2);
        }
        Job job = JSON.readValue(Files.readString(Path.of(args[0])), Job.class);
        ModelOutputs.Header header;
        float[] scores = new float[0];
        try (LoadedModel model = new ModelEvaluator(job.options()).load(Path.of(job.model()), job.spec())) {
            float[] pixels = readInputs(Path.of(job.inputs()), job.rows(), job.spec().imageSize());
            LoadedModel.Inference inference = model.infer(pixels, job.rows());
            int samples = inference.latencyMillis().length;
            header = new ModelOutputs.Header(job.rows(), job.spec().classes(), model.device(),
                    model.executionProvider(), model.loadMillis(), inference.evaluationMillis(),
                    samples == 0 ? 0 : inference.latencyMean(), samples == 0 ? 0 : inference.latencyP95(), samples,
                    null, null, List.of());
            scores = inference.scores();
        } catch (ModelEvaluationException e) {
            header = ModelOutputs.Header.failed(e.failure(), e.getMessage(), e.problems());
        } catch (IOException e) {
            header = ModelOutputs.Header.failed(Failure.EVALUATION_DATA, "the evaluation inputs could not be read: "
                    + e.getMessage(), List.of());
        } catch (OutOfMemoryError e) {
            scores = new float[0];
            header = ModelOutputs.Header.failed(Failure.OUT_OF_MEMORY, "the Java heap ran out: " + e.getMessage(),
                    List.of());
        }
        try (OutputStream out = ModelOutputs.sideChannel()) {
            out.write(ModelOutputs.encode(header, scores));
        }
        System.out.flush();
        // ONNX Runtime's and DJL's threads need not be waited for.
        Runtime.getRuntime().halt(0);
    }

    /** The inputs file: exactly rows × imageSize float32 values, little-endian. */
    static float[] readInputs(Path file, int rows, int imageSize) throws IOException {
        long expected = (long) rows * imageSize * Float.BYTES;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() != expected) {
                throw new IOException(file.getFileName() + " holds " + channel.size() + " bytes, not " + expected);
            }
            float[] pixels = new float[rows * imageSize];
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, expected).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().get(pixels);
            return pixels;
        }
    }

    /** Writes the inputs file for {@link #readInputs}. */
    static void writeInputs(Path file, float[] pixels) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(pixels.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(pixels);
        Files.write(file, bytes.array(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
}
