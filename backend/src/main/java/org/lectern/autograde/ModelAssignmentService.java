package org.lectern.autograde;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentService;
import org.lectern.assignment.GradingMaterials;
import org.lectern.autograde.internal.ModelRunRepository;
import org.lectern.course.CourseAccess;
import org.lectern.grading.JobFolder;
import org.lectern.grading.model.EvaluationData;
import org.lectern.grading.model.EvaluationDataException;
import org.lectern.grading.model.EvaluationLimits;
import org.lectern.grading.model.EvaluationOutcome;
import org.lectern.grading.model.EvaluatorOptions;
import org.lectern.grading.model.Failure;
import org.lectern.grading.model.IsolatedModelEvaluator;
import org.lectern.grading.model.ModelValidator;
import org.lectern.grading.model.Split;
import org.lectern.grading.model.ValidationReport;
import org.lectern.grading.model.WorkerLauncher;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.LecternProperties;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.platform.blob.BlobStore;
import org.lectern.pool.GradingPoolConfiguration;
import org.lectern.submission.StoredFile;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionMaterials;
import org.lectern.submission.SubmissionReceived;
import org.lectern.submission.SubmissionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Model assignments: the instructor's hidden evaluation data, each uploaded ONNX model checked at
 * upload (what is wrong, exactly) and then evaluated on the pool in a separate process with time and
 * memory limits, and the leaderboard. The web app never loads a student's model.
 */
@Service
public class ModelAssignmentService {

    static final String TASK = "model-eval";
    /** The evaluation data zip is small (the digits set is 115 KB); this keeps a stray upload out. */
    static final long MAX_DATA_BYTES = 256L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ModelAssignmentService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ModelRunRepository runs;
    private final GradingMaterials materials;
    private final SubmissionMaterials submissionMaterials;
    private final SubmissionService submissions;
    private final CourseAccess access;
    private final AssignmentService assignments;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final SchedulerClient scheduler;
    private final GradingPoolConfiguration.PoolLifecycle pool;
    private final Clock clock;
    private final AutogradedScores scores;

    ModelAssignmentService(ModelRunRepository runs, GradingMaterials materials, SubmissionMaterials submissionMaterials,
                           SubmissionService submissions, CourseAccess access, AssignmentService assignments, BlobStore blobs,
                           AuditLog audit, SchedulerClient scheduler,
                           GradingPoolConfiguration.PoolLifecycle pool, Clock clock, AutogradedScores scores) {
        this.scores = scores;
        this.runs = runs;
        this.materials = materials;
        this.submissionMaterials = submissionMaterials;
        this.submissions = submissions;
        this.access = access;
        this.assignments = assignments;
        this.blobs = blobs;
        this.audit = audit;
        this.scheduler = scheduler;
        this.pool = pool;
        this.clock = clock;
    }

    /** Instructors: the evaluation data (a zip of a lectern-eval-v1 folder, see models/README.md) and the spec. */
    @Transactional
    public ModelTaskDraft configure(long assignmentId, ModelTaskDraft draft, byte[] dataZip) {
        Assignment a = assignment(assignmentId);
        var grant = access.instructor(a.courseId());
        if (a.kind() != Assignment.Kind.MODEL) {
            throw new InvalidInputException("This is a notebook assignment; evaluation data belongs to a model assignment (type: model).");
        }
        ModelTaskDraft d = (draft == null ? ModelTaskDraft.digits() : draft).withDefaults();
        var spec = d.spec();
        d.metricSpec();
        d.fraction(0);
        if (dataZip == null || dataZip.length == 0) {
            throw new InvalidInputException("Attach the evaluation data: a zip of data.json, the images file and labels.csv.");
        }
        if (dataZip.length > MAX_DATA_BYTES) {
            throw new InvalidInputException("The evaluation data is larger than 256 MB.");
        }
        Path folder = null;
        try {
            folder = unzip(dataZip);
            EvaluationData data = EvaluationData.load(folder);
            if (data.channels() != spec.channels() || data.height() != spec.height() || data.width() != spec.width()
                    || data.classes() != spec.classes()) {
                throw new InvalidInputException("The data holds " + data.channels() + "x" + data.height() + "x" + data.width() + " images of "
                        + data.classes() + " classes, but the spec says " + spec.inputShapeText() + " and " + spec.classes() + " classes.");
            }
            int publicImages = data.indices(Split.PUBLIC).length;
            if (publicImages == 0) {
                throw new InvalidInputException("labels.csv has no public rows: students would see no score before the deadline.");
            }
            String sha = blobs.put(dataZip);
            runs.putTask(assignmentId, JSON.writeValueAsString(d), sha, data.size(), publicImages, grant.caller().accountId());
            audit.record(grant.caller().accountId(), a.courseId(), "model.task", a.shortName() + " " + data.size() + " images");
            scores.reportAll(assignmentId); // the metric's scale may have changed
            return d;
        } catch (EvaluationDataException e) {
            throw new InvalidInputException("The evaluation data is not usable: " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidInputException("The evaluation data could not be read: " + e.getMessage());
        } finally {
            JobFolder.delete(folder);
        }
    }

    /** Staff, and students once the assignment is released: the spec students build their model for (never the data). */
    @Transactional(readOnly = true)
    public Optional<ModelTaskDraft> task(long assignmentId) {
        assignments.get(assignmentId); // an unreleased assignment does not exist for students
        return runs.task(assignmentId).map(t -> JSON.readValue(t.spec(), ModelTaskDraft.class));
    }

    /** The submission's owner or staff: its evaluation; the private score only after the deadline for students. */
    @Transactional(readOnly = true)
    public Optional<ModelRunView> run(long submissionId) {
        Submission s = submissions.get(submissionId); // the owner or staff
        Assignment a = assignment(s.assignmentId());
        var grant = access.member(a.courseId());
        boolean privateShown = grant.isStaff() || !clock.instant().isBefore(a.dueAt());
        return runs.latestFor(submissionId).map(r -> privateShown ? r : hidePrivate(r));
    }

    /** Staff, and students once the assignment is released: each student's counted model, best public score first. */
    @Transactional(readOnly = true)
    public ModelLeaderboard leaderboard(long assignmentId) {
        Assignment a = assignments.get(assignmentId); // an unreleased assignment does not exist for students
        var grant = access.member(a.courseId());
        ModelTaskDraft d = runs.task(assignmentId).map(t -> JSON.readValue(t.spec(), ModelTaskDraft.class)).orElse(ModelTaskDraft.digits());
        boolean privateShown = grant.isStaff() || !clock.instant().isBefore(a.dueAt());
        List<Submission> counted = submissionMaterials.counted(assignmentId);
        Map<Long, ModelRunView> latest = runs.latestFor(counted.stream().map(Submission::id).toList());
        record Entry(Submission s, ModelRunView r) {
        }
        List<Entry> done = counted.stream().map(s -> new Entry(s, latest.get(s.id())))
                .filter(e -> e.r() != null && e.r().state().equals("DONE"))
                .sorted(Comparator.comparing((Entry e) -> e.r().publicScore(), Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(e -> e.r().parameters(), Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<ModelLeaderboard.Row> rows = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            Entry e = done.get(i);
            boolean me = e.s().accountId() == grant.caller().accountId();
            String who = Boolean.TRUE.equals(d.showNames()) || grant.isStaff() ? e.s().studentName() : Nicknames.of(e.s().accountId());
            rows.add(new ModelLeaderboard.Row(i + 1, who, me, e.r().publicScore(), privateShown ? e.r().privateScore() : null,
                    e.r().parameters(), e.r().latencyMillis()));
        }
        return new ModelLeaderboard(d.metricSpec().kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), privateShown, rows);
    }

    /**
     * Checks the model while the upload's transaction is open, so the student learns at once what is
     * wrong; a sound model is queued for the pool in the same transaction.
     */
    @EventListener
    void onSubmission(SubmissionReceived e) {
        Assignment a = assignment(e.assignmentId());
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
        List<StoredFile> files = submissionMaterials.files(e.submissionId());
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
        scheduler.scheduleIfNotExists(new TaskInstance.Builder<Long>(TASK, "model-" + runId).data(runId).scheduledTo(clock.instant()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                pool.checkNow();
            }
        });
    }

    private static ModelRunView hidePrivate(ModelRunView r) {
        return new ModelRunView(r.id(), r.submissionId(), r.state(), r.publicScore(), null, r.parameters(), r.latencyMillis(),
                r.latencyP95Millis(), r.device(), r.message(), r.finishedAt());
    }

    private Assignment assignment(long assignmentId) {
        return materials.assignment(assignmentId).orElseThrow(() -> new NotFoundException("No assignment " + assignmentId + "."));
    }

    private Path unzip(byte[] zip) throws IOException {
        return unzipInto(zip, Files.createTempDirectory("lectern-eval-data-"));
    }

    /** Flattens the zip into one folder (a zip of the folder itself is common); refuses paths that climb out. */
    static Path unzipInto(byte[] zip, Path folder) throws IOException {
        Files.createDirectories(folder);
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = Path.of(entry.getName()).getFileName().toString();
                if (name.startsWith(".") || name.isBlank()) {
                    continue;
                }
                Path target = folder.resolve(name).normalize();
                if (!target.getParent().equals(folder.normalize())) {
                    throw new IOException("a zip entry names a path outside its folder: " + entry.getName());
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                entries++;
            }
        } catch (ZipException e) {
            throw new IOException("not a zip file (" + e.getMessage() + ")");
        }
        if (entries == 0) {
            throw new IOException("the zip is empty or not a zip file");
        }
        return folder;
    }
}
