package org.lectern.autograde;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.GradingMaterials;
import org.lectern.autograde.internal.ModelRunRepository;
import org.lectern.grading.JobFolder;
import org.lectern.grading.model.ModelValidator;
import org.lectern.grading.model.ValidationReport;
import org.lectern.pool.GradingPoolConfiguration;
import org.lectern.submission.StoredFile;
import org.lectern.submission.SubmissionMaterials;
import org.lectern.submission.SubmissionReceived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * An uploaded model checked in the upload's transaction and queued for evaluation. It reads the upload and its
 * assignment the way the pool does (caller-less readers), as the other grading triggers do ({@link GradingTriggers});
 * people's calls go through {@link ModelAssignmentService}.
 */
@Component
class ModelUploadCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ModelRunRepository runs;
    private final GradingMaterials materials;
    private final SubmissionMaterials submissions;
    private final SchedulerClient scheduler;
    private final GradingPoolConfiguration.PoolLifecycle pool;
    private final Clock clock;
    private final AutogradedScores scores;

    ModelUploadCheck(ModelRunRepository runs, GradingMaterials materials, SubmissionMaterials submissions, SchedulerClient scheduler,
                     GradingPoolConfiguration.PoolLifecycle pool, Clock clock, AutogradedScores scores) {
        this.runs = runs;
        this.materials = materials;
        this.submissions = submissions;
        this.scheduler = scheduler;
        this.pool = pool;
        this.clock = clock;
        this.scores = scores;
    }

    /**
     * Checks the model while the upload's transaction is open, so the student learns at once what is
     * wrong; a sound model is queued for the pool in the same transaction.
     */
    @EventListener
    void onSubmission(SubmissionReceived e) {
        Assignment a = materials.assignment(e.assignmentId()).orElseThrow();
        if (a.kind() != Assignment.Kind.MODEL) {
            return;
        }
        check(a, e);
        scores.reportSubmission(e.submissionId());
    }

    private void check(Assignment a, SubmissionReceived e) {
        Optional<ModelRunRepository.Task> task = runs.task(a.id());
        if (task.isEmpty()) {
            return; // evaluated once the instructor adds the data (configure re-queues nothing yet: staff re-run)
        }
        ModelTaskDraft d = JSON.readValue(task.get().spec(), ModelTaskDraft.class);
        List<StoredFile> files = submissions.files(e.submissionId());
        List<StoredFile> models = files.stream().filter(f -> f.path().toLowerCase(Locale.ROOT).endsWith(".onnx")).toList();
        if (models.size() != 1) {
            runs.insert(e.submissionId(), a.id(), "INVALID", "Upload exactly one .onnx file; this upload has " + models.size() + ".");
            return;
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile("lectern-model-", ".onnx");
            Files.write(tmp, models.getFirst().content());
            ValidationReport report = ModelValidator.validate(tmp, d.spec());
            if (!report.ok()) {
                runs.insert(e.submissionId(), a.id(), "INVALID", String.join(" ", report.problems()));
                return;
            }
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        } finally {
            JobFolder.delete(tmp);
        }
        long runId = runs.insert(e.submissionId(), a.id(), "QUEUED", null);
        scheduler.scheduleIfNotExists(new TaskInstance.Builder<Long>(ModelAssignmentService.TASK, "model-" + runId).data(runId).scheduledTo(clock.instant()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                pool.checkNow();
            }
        });
    }
}
