package org.lectern.autograde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.lectern.autograde.internal.ModelRunRepository;
import org.lectern.grading.JobFolder;
import org.lectern.grading.model.EvaluationLimits;
import org.lectern.grading.model.EvaluationOutcome;
import org.lectern.grading.model.EvaluationResult;
import org.lectern.grading.model.EvaluatorOptions;
import org.lectern.grading.model.Failure;
import org.lectern.grading.model.IsolatedModelEvaluator;
import org.lectern.grading.model.Split;
import org.lectern.grading.model.WorkerLauncher;
import org.lectern.platform.LecternProperties;
import org.lectern.platform.blob.BlobStore;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionMaterials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Runs "model-eval" jobs on the pool (kept apart from the service, which enqueues them, so the scheduler can depend on it). */
@Component
class ModelEvaluationWorker {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(ModelEvaluationWorker.class);

    private final ModelRunRepository runs;
    private final AutogradedScores scores;
    private final SubmissionMaterials submissionMaterials;
    private final BlobStore blobs;
    private final Path workRoot;

    ModelEvaluationWorker(ModelRunRepository runs, SubmissionMaterials submissionMaterials, BlobStore blobs, LecternProperties props,
                          AutogradedScores scores) {
        this.scores = scores;
        this.runs = runs;
        this.submissionMaterials = submissionMaterials;
        this.blobs = blobs;
        this.workRoot = props.dataDir().toAbsolutePath().resolve("model-jobs");
    }

    /**
     * The pool's job: evaluate one run in a sandboxed JVM that sees the model and the images only; labels and scores
     * stay here. A hostile model fails its own run and reaches nothing else.
     */
    void evaluate(long runId) {
        if (!runs.start(runId)) {
            return;
        }
        long submissionId = runs.submissionOf(runId).orElseThrow();
        Submission s = submissionMaterials.submission(submissionId).orElseThrow();
        ModelRunRepository.Task task = runs.task(s.assignmentId()).orElseThrow();
        ModelTaskDraft d = JSON.readValue(task.spec(), ModelTaskDraft.class);
        Path job = null;
        try {
            Files.createDirectories(workRoot);
            job = Files.createTempDirectory(workRoot, "run-" + runId + "-");
            Path model = job.resolve("model.onnx");
            Files.write(model, submissionMaterials.files(submissionId).stream().filter(f -> f.path().toLowerCase(Locale.ROOT).endsWith(".onnx"))
                    .findFirst().orElseThrow().content());
            Path data = ModelAssignmentService.unzipInto(blobs.get(task.dataSha256()).orElseThrow(), job.resolve("data"));
            // The sandbox's job folders go where its uid can enter; this run's folder (model, labelled data) stays 0700.
            var evaluator = new IsolatedModelEvaluator(EvaluationLimits.of(Duration.ofSeconds(d.evaluationSeconds()),
                    d.memoryMb() * 1024L * 1024L), EvaluatorOptions.DEFAULT, WorkerLauncher.forThisApplication(),
                    Path.of(System.getProperty("java.io.tmpdir"), "lectern-model-jobs"));
            EvaluationOutcome outcome = evaluator.evaluate(model, data, d.spec(), d.metricSpec());
            switch (outcome) {
                case EvaluationOutcome.Evaluated ok -> {
                    var r = ok.result();
                    runs.finish(runId, score(r, Split.PUBLIC), score(r, Split.PRIVATE), r.parameterCount(), r.latencyMeanMillis(),
                            r.latencyP95Millis(), r.device());
                }
                case EvaluationOutcome.Failed f -> {
                    if (f.failure() == Failure.WORKER_CRASHED || f.failure() == Failure.EVALUATION_DATA) {
                        // Not the student's doing: keep the worker's own words for the operators.
                        log.warn("model run {} failed ({}): {}\n{}", runId, f.failure(), f.message(), f.workerLog());
                    }
                    runs.fail(runId, f.failure() == Failure.INVALID_MODEL ? "INVALID" : "FAILED", f.message());
                }
            }
            scores.reportSubmission(submissionId);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // infrastructure: the task retries
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating run " + runId, e);
        } finally {
            JobFolder.delete(job);
        }
    }

    void giveUp(long runId, String message) {
        runs.fail(runId, "FAILED", message);
        runs.submissionOf(runId).ifPresent(scores::reportSubmission);
    }

    private static Double score(EvaluationResult r, Split split) {
        return r.scores().stream().filter(x -> x.split() == split && x.images() > 0).map(x -> x.value()).findFirst().orElse(null);
    }

}
