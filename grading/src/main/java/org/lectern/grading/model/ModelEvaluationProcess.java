package org.lectern.grading.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker process's main class: reads a job file, evaluates, writes a report file, exits. Started by
 * {@link IsolatedModelEvaluator} in a JVM of its own, so that a model that loops, exhausts memory or crashes ONNX
 * Runtime's native code takes down only this process.
 *
 * <p>Usage: {@code java … org.lectern.grading.model.ModelEvaluationProcess JOB.json}. The job names the model,
 * the evaluation data folder, the spec, the metric, the evaluator options and where the report goes; the report
 * is written to a temporary name and moved into place, so it is either complete or absent. Exit code 0 whenever a
 * report was written, failure or not.
 */
public final class ModelEvaluationProcess {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the parent asks. */
    record Job(String model, String data, ModelSpec spec, Metric metric, EvaluatorOptions options, String report) {
    }

    /** What the worker answers: a result, or a failure with its reason. */
    record Report(EvaluationResult result, Failure failure, String message, List<String> problems) {

        static Report of(EvaluationResult result) {
            return new Report(result, null, null, List.of());
        }

        static Report failed(Failure failure, String message, List<String> problems) {
            return new Report(null, failure, message, problems);
        }
    }

    private ModelEvaluationProcess() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ModelEvaluationProcess JOB.json");
            System.exit(2);
        }
        Job job = JSON.readValue(Files.readString(Path.of(args[0])), Job.class);
        Report report;
        try {
            report = Report.of(run(job));
        } catch (ModelEvaluationException e) {
            report = Report.failed(e.failure(), e.getMessage(), e.problems());
        } catch (EvaluationDataException e) {
            report = Report.failed(Failure.EVALUATION_DATA, "the evaluation data is broken: " + e.getMessage(),
                    List.of());
        } catch (IOException e) {
            report = Report.failed(Failure.EVALUATION_DATA, "the evaluation data could not be read: "
                    + e.getMessage(), List.of());
        } catch (OutOfMemoryError e) {
            report = Report.failed(Failure.OUT_OF_MEMORY, "the Java heap ran out: " + e.getMessage(), List.of());
        }
        Path target = Path.of(job.report());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.writeString(partial, JSON.writeValueAsString(report));
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        System.out.flush();
        // ONNX Runtime's and DJL's threads need not be waited for.
        Runtime.getRuntime().halt(0);
    }

    private static EvaluationResult run(Job job) throws ModelEvaluationException, EvaluationDataException,
            IOException {
        EvaluationData data = EvaluationData.load(Path.of(job.data()));
        return new ModelEvaluator(job.options()).evaluate(Path.of(job.model()), data, job.spec(), job.metric());
    }
}
