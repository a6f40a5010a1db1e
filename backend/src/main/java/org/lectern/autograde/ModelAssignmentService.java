package org.lectern.autograde;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import org.lectern.grading.model.Split;
import org.lectern.grading.model.WorkerLauncher;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.LecternProperties;
import org.lectern.platform.audit.AuditLog;
import org.lectern.platform.blob.BlobStore;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionService;
import org.lectern.submission.SubmissionService.CountedVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
    private final SubmissionService submissions;
    private final CourseAccess access;
    private final AssignmentService assignments;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final Clock clock;
    private final AutogradedScores scores;

    ModelAssignmentService(ModelRunRepository runs, SubmissionService submissions, CourseAccess access, AssignmentService assignments,
                           BlobStore blobs, AuditLog audit, Clock clock, AutogradedScores scores) {
        this.scores = scores;
        this.runs = runs;
        this.submissions = submissions;
        this.access = access;
        this.assignments = assignments;
        this.blobs = blobs;
        this.audit = audit;
        this.clock = clock;
    }

    /** Instructors: the evaluation data (a zip of a lectern-eval-v1 folder, see models/README.md) and the spec. */
    @Transactional
    public ModelTaskDraft configure(long assignmentId, ModelTaskDraft draft, byte[] dataZip) {
        assignments.requireInstructor(assignmentId); // 403 for students before anything is judged, as ever
        Assignment a = assignments.get(assignmentId);
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
        Assignment a = assignments.get(s.assignmentId());
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
        List<CountedVersion> counted = submissions.countedVersions(assignmentId);
        Map<Long, ModelRunView> latest = runs.latestFor(counted.stream().map(CountedVersion::submissionId).toList());
        record Entry(CountedVersion s, ModelRunView r) {
        }
        List<Entry> done = counted.stream().map(s -> new Entry(s, latest.get(s.submissionId())))
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

    private static ModelRunView hidePrivate(ModelRunView r) {
        return new ModelRunView(r.id(), r.submissionId(), r.state(), r.publicScore(), null, r.parameters(), r.latencyMillis(),
                r.latencyP95Millis(), r.device(), r.message(), r.finishedAt());
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
