package org.lectern.grading.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lectern.grading.model.DevicePreference;
import org.lectern.grading.model.EvaluationData;
import org.lectern.grading.model.EvaluationDataException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training worker's main class: reads a job file, trains, and writes one {@link TrainingEvent} per line on
 * standard output as it goes (each after {@link TrainingEvent#MARKER}), then exits. Started by {@link IsolatedTrainer}
 * in a JVM of its own with memory, CPU and wall-time limits, so that a run that is too big, too long or cancelled
 * ends only this process.
 *
 * <p>Usage: {@code java … org.lectern.grading.training.TrainingProcess JOB.json}.
 */
public final class TrainingProcess {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * What the parent asks.
     *
     * @param dataset a {@link TrainingDataset} key
     * @param config  the network and its hyperparameters
     * @param device  CPU, GPU, or the GPU when there is one
     */
    public record Job(String dataset, TrainingConfig config, DevicePreference device) {
    }

    private TrainingProcess() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        if (args.length != 1) {
            System.err.println("usage: TrainingProcess JOB.json");
            System.exit(2);
        }
        try {
            Job job = JSON.readValue(Files.readString(Path.of(args[0])), Job.class);
            TrainingDataset dataset = TrainingDataset.byKey(job.dataset())
                    .orElseThrow(() -> new IllegalArgumentException("no training dataset '" + job.dataset() + "'"));
            EvaluationData data = dataset.load(Path.of(System.getProperty("java.io.tmpdir")));
            NetworkTrainer.train(job.config(), dataset, data, job.device(), event -> emit(out, event));
        } catch (EvaluationDataException | IOException e) {
            emit(out, new TrainingEvent.Failed("the training data could not be read: " + e.getMessage()));
        } catch (OutOfMemoryError e) {
            emit(out, new TrainingEvent.Failed("the Java heap ran out: " + e.getMessage()));
        } catch (RuntimeException e) {
            // The engine's own words (a native error, a shape mismatch) for the operators; the worker is not to blame.
            e.printStackTrace();
            emit(out, new TrainingEvent.Failed("training failed: " + e.getMessage()));
        }
        out.flush();
        System.err.flush();
        // PyTorch's threads need not be waited for.
        Runtime.getRuntime().halt(0);
    }

    private static synchronized void emit(PrintStream out, TrainingEvent event) {
        out.println(TrainingEvent.MARKER + JSON.writeValueAsString(event));
        out.flush();
    }
}
