package org.lectern.assignment;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lectern.assignment.internal.AssignmentRepository;
import org.lectern.course.CourseAccess;
import org.lectern.grading.SupportFile;
import org.lectern.grading.TestVisibility;
import org.lectern.notebooks.SubmittedFile;
import org.lectern.platform.ConflictException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NumberLimits;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.platform.blob.BlobStore;
import org.lectern.schedule.CourseItem;
import org.lectern.schedule.CourseItemDraft;
import org.lectern.schedule.ScheduleService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assignments, their starter files and autograders. Every call checks the caller's course role. */
@Service
public class AssignmentService {

    /** The largest team an item may ask for. */
    public static final int MAX_TEAM_SIZE = 20;

    static final Set<String> UPLOAD_TYPES = Set.of(".py", ".ipynb", ".zip", ".pdf"); // .pdf: written answers (written feature)
    private static final Pattern SHORT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,19}");
    private static final Pattern TEST_FILE = Pattern.compile("(test_[A-Za-z0-9_]+|[A-Za-z0-9_]+_test)\\.py");
    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]*");
    public static final int MAX_TEST_FILE_BYTES = 1024 * 1024;
    /** Support and student files of one upload together (a small image set fits; a dataset belongs elsewhere). */
    private static final long MAX_SUPPORT_BYTES = 50L * 1024 * 1024;

    /** An assignment as its caller may see it, with the caller's role. */
    public record Page(CourseAccess.Grant grant, Assignment assignment, Optional<Autograder> autograder, List<String> starterFiles) {
    }

    private final AssignmentRepository repo;
    private final CourseAccess access;
    private final ScheduleService schedule;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final WorkerPackages workerPackages;

    AssignmentService(AssignmentRepository repo, CourseAccess access, ScheduleService schedule, BlobStore blobs, AuditLog audit,
                      ApplicationEventPublisher events, Clock clock, WorkerPackages workerPackages) {
        this.workerPackages = workerPackages;
        this.repo = repo;
        this.access = access;
        this.schedule = schedule;
        this.blobs = blobs;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Assignment create(long courseId, AssignmentDraft draft) {
        var grant = access.instructor(courseId);
        Assignment a = validate(courseId, draft);
        if (repo.shortNameTaken(courseId, a.shortName())) {
            throw new ConflictException("An assignment " + a.shortName() + " already exists in this course.");
        }
        long id = repo.insert(courseId, a);
        CourseItem item = schedule.registerItem(courseId, new CourseItemDraft(CourseItem.Kind.ASSIGNMENT, a.shortName(), a.title(),
                null, a.releaseAt(), a.dueAt(), "courses/" + courseId + "/assignments/" + id, false));
        repo.setItem(id, item.id());
        var late = draft.lateDays();
        events.publishEvent(new AssignmentCreated(courseId, id, a.shortName(), a.points(), draft.category(),
                late == null ? null : late.takesLateDays(), late == null ? null : late.acceptsLate(), late == null ? null : late.maxPerItem(),
                late == null ? null : late.penaltyPercentPerDay(), late == null ? null : late.maxDaysLate()));
        audit.record(grant.caller().accountId(), courseId, "assignment.created", a.shortName() + " " + a.title());
        return repo.byId(id).orElseThrow();
    }

    /** Staff see every assignment; students only released ones. */
    @Transactional(readOnly = true)
    public List<Assignment> list(long courseId) {
        var grant = access.member(courseId);
        return repo.forCourse(courseId).stream().filter(a -> grant.isStaff() || a.releasedAt(clock.instant())).toList();
    }

    @Transactional(readOnly = true)
    public Page page(long assignmentId) {
        Page p = visible(assignmentId);
        Optional<Autograder> autograder = p.grant().isStaff() ? repo.currentAutograder(assignmentId) : Optional.empty();
        return new Page(p.grant(), p.assignment(), autograder, repo.starters(assignmentId).stream().map(s -> s[0]).toList());
    }

    /** The assignment and the caller's role, if the caller may see it (released, or staff); otherwise 404 as if absent. */
    private Page visible(long assignmentId) {
        Assignment a = repo.byId(assignmentId).orElseThrow(() -> notFound(assignmentId));
        var grant = access.member(a.courseId());
        if (!grant.isStaff() && !a.releasedAt(clock.instant())) {
            throw notFound(assignmentId);
        }
        return new Page(grant, a, Optional.empty(), List.of());
    }

    /**
     * What judges an assignment's submissions, for whoever may see the assignment (staff; students once it is
     * released): the current autograder and the Python environment its runs need. Result pages work out from it
     * what their viewer is shown (points possible, the private-feedback rule); they never hand it on whole.
     */
    public record GradingSetup(CourseAccess.Grant grant, Assignment assignment, Optional<Autograder> current,
                               Optional<String> environment) {
    }

    @Transactional(readOnly = true)
    public GradingSetup gradingSetup(long assignmentId) {
        Page p = visible(assignmentId);
        return new GradingSetup(p.grant(), p.assignment(), repo.currentAutograder(assignmentId), repo.environment(assignmentId));
    }

    /** One autograder version of an assignment with its per-test visibility, for whoever may see the assignment. */
    public record AutograderVersion(Autograder autograder, Map<String, TestVisibility> testVisibility) {
    }

    /** An earlier or the current autograder of this assignment (a run names the version that graded it); empty if not this assignment's. */
    @Transactional(readOnly = true)
    public Optional<AutograderVersion> autograderVersion(long assignmentId, long autograderId) {
        visible(assignmentId);
        return repo.autograder(autograderId).filter(g -> g.assignmentId() == assignmentId)
                .map(g -> new AutograderVersion(g, repo.testVisibility(autograderId)));
    }

    /** The assignment if the caller may see it (released, or staff). */
    @Transactional(readOnly = true)
    public Assignment get(long assignmentId) {
        return page(assignmentId).assignment();
    }

    /**
     * Refuses anyone but the course's instructors (not a member: 404, others: 403) before a controller judges an
     * upload's parts, so that how the input is judged tells others nothing.
     */
    @Transactional(readOnly = true)
    public void requireInstructor(long assignmentId) {
        access.instructor(repo.byId(assignmentId).orElseThrow(() -> notFound(assignmentId)).courseId());
    }

    /**
     * Sandbox limits, packages and the named Python environment (numpy, pytorch-cpu, pytorch-cuda: runs go only to
     * workers offering it) that may come with an autograder upload; null fields keep their value.
     */
    public record GradingSettings(Integer cpuSeconds, Integer wallSeconds, Integer memoryMb, Integer outputKb, String packages,
                                  String environment) {
        public GradingSettings(Integer cpuSeconds, Integer wallSeconds, Integer memoryMb, Integer outputKb, String packages) {
            this(cpuSeconds, wallSeconds, memoryMb, outputKb, packages, null);
        }
    }

    @Transactional
    public Autograder uploadAutograder(long assignmentId, List<TestFileUpload> files) {
        return uploadAutograder(assignmentId, files, null);
    }

    /**
     * An autograder described by a manifest ({@link AutograderManifest}) with the files sent beside it: the same checks
     * as every other upload, after the caller's role.
     */
    @Transactional
    public Autograder uploadAutograder(long assignmentId, String manifest, Map<String, byte[]> files) {
        requireInstructor(assignmentId);
        AutograderManifest m = AutograderManifest.parse(manifest, files);
        return uploadAutograder(assignmentId, m.files(), m.settings(), m.privateFeedback(), m.tests());
    }

    /** A Gradescope autograder saved as a Lectern autograder, with what was read differently from Gradescope. */
    public record GradescopeUpload(Autograder autograder, List<String> notes) {
    }

    /**
     * Saves a Gradescope autograder zip ({@link GradescopeZip}) as a new autograder version. Refused, with the whole
     * list, when setup.sh needs what the workers do not offer (they have no network when grading). The packages it
     * needs become the assignment's, so runs go only to workers that have them.
     */
    @Transactional
    public GradescopeUpload uploadGradescopeAutograder(long assignmentId, byte[] zip) {
        Assignment a = repo.byId(assignmentId).orElseThrow(() -> notFound(assignmentId));
        access.instructor(a.courseId());
        GradescopeZip.Conversion conversion = GradescopeZip.read(zip);
        List<String> problems = new ArrayList<>(conversion.unmet());
        Set<String> offered = workerPackages.offered();
        for (String name : conversion.imports()) {
            if (!offered.contains(name)) {
                problems.add("setup.sh needs " + name + ", which the workers do not offer (they offer "
                        + String.join(", ", new java.util.TreeSet<>(offered)) + ").");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The Gradescope autograder was not saved: " + String.join(" ", problems));
        }
        Set<String> packages = new java.util.TreeSet<>(a.packages());
        packages.addAll(conversion.imports());
        Autograder saved = uploadAutograder(assignmentId, conversion.files(),
                new GradingSettings(null, null, null, null, String.join(",", packages)), null);
        return new GradescopeUpload(saved, conversion.notes());
    }

    /** Saves Otter-Grader OK-format test files (a zip of tests/q1.py, ...) as a new autograder version ({@link OtterTests}). */
    @Transactional
    public Autograder uploadOtterAutograder(long assignmentId, byte[] zip) {
        Assignment a = repo.byId(assignmentId).orElseThrow(() -> notFound(assignmentId));
        access.instructor(a.courseId());
        return uploadAutograder(assignmentId, OtterTests.fromZip(zip), null, null);
    }

    /** Saves an nbgrader source notebook's test cells as a new autograder version ({@link NbgraderNotebook}). */
    @Transactional
    public Autograder uploadNbgraderAutograder(long assignmentId, byte[] sourceNotebook) {
        Assignment a = repo.byId(assignmentId).orElseThrow(() -> notFound(assignmentId));
        access.instructor(a.courseId());
        return uploadAutograder(assignmentId, NbgraderNotebook.fromSource(sourceNotebook), null, null);
    }

    /** Whether pytest collects a file of this name: test_*.py or *_test.py. */
    public static boolean isPytestName(String name) {
        return name != null && TEST_FILE.matcher(name.strip()).matches();
    }

    /**
     * Picks the Python environment the assignment's runs need ("" or "any": none, any worker with its packages).
     * Runs queued from now on go only to a worker offering it.
     */
    @Transactional
    public void setEnvironment(long assignmentId, String environment) {
        Assignment a = repo.byId(assignmentId).orElseThrow(() -> notFound(assignmentId));
        access.instructor(a.courseId());
        String name = environment == null ? "" : environment.strip();
        if (name.isEmpty() || name.equals("any")) {
            repo.updateEnvironment(assignmentId, null);
            return;
        }
        if (!org.lectern.pool.WorkerCapabilities.ENVIRONMENTS.contains(name)) {
            throw new InvalidInputException("environment: '" + name + "' is not one of "
                    + String.join(", ", org.lectern.pool.WorkerCapabilities.ENVIRONMENTS) + " (or any).");
        }
        repo.updateEnvironment(assignmentId, name);
    }

    /** The Python environment picked for the assignment (null: any). Staff of its course only. */
    @Transactional(readOnly = true)
    public String environment(long assignmentId) {
        Assignment a = repo.byId(assignmentId).orElseThrow(() -> notFound(assignmentId));
        access.staff(a.courseId());
        return repo.environment(assignmentId).orElse(null);
    }

    /** A new autograder version and, if given, new limits and packages: both saved or neither. */
    @Transactional
    public Autograder uploadAutograder(long assignmentId, List<TestFileUpload> files, GradingSettings settings) {
        return uploadAutograder(assignmentId, files, settings, null);
    }

    /**
     * As above, with what students see of failing private tests after release (null: {@link PrivateFeedback#MESSAGE}).
     * Pytest files need a pytest name, a visibility and points; support files for either side need a relative path
     * of plain names and no points. conftest.py is a support file.
     */
    @Transactional
    public Autograder uploadAutograder(long assignmentId, List<TestFileUpload> files, GradingSettings settings,
                                       PrivateFeedback privateFeedback) {
        return uploadAutograder(assignmentId, files, settings, privateFeedback, java.util.Map.of());
    }

    /**
     * As above, with visibilities for single tests ("test_x.py::test_y" to visibility) that narrow what the test's
     * marker says (never widen it: a test its author hid stays hidden). Each must name a test file of the upload.
     */
    @Transactional
    public Autograder uploadAutograder(long assignmentId, List<TestFileUpload> files, GradingSettings settings,
                                       PrivateFeedback privateFeedback,
                                       Map<String, TestVisibility> testVisibility) {
        if (settings != null) {
            updateGrading(assignmentId, settings.cpuSeconds(), settings.wallSeconds(), settings.memoryMb(), settings.outputKb(),
                    settings.packages());
            if (settings.environment() != null) {
                setEnvironment(assignmentId, settings.environment());
            }
        }
        Assignment a = repo.byId(assignmentId).orElseThrow(() -> notFound(assignmentId));
        var grant = access.instructor(a.courseId());
        if (files == null || files.stream().noneMatch(f -> f.role() == FileRole.TEST)) {
            throw new InvalidInputException("An autograder needs at least one pytest file.");
        }
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long supportBytes = 0;
        for (TestFileUpload f : files) {
            String name = f.fileName() == null ? "" : f.fileName().strip();
            FileRole role = f.role() == null ? FileRole.TEST : f.role();
            if (role == FileRole.TEST && !TEST_FILE.matcher(name).matches()) {
                problems.add("'" + name + "' is not a pytest file name (test_*.py or *_test.py, letters, digits and _ only);"
                        + " helpers, conftest.py and data files take the role support or student.");
            } else if (role != FileRole.TEST && !SupportFile.isPlainPath(name)) {
                problems.add("'" + name + "' is not a plain relative path (folders and names of letters, digits, _ . -).");
            } else if (!names.add(role.name() + "/" + name)) {
                problems.add("'" + name + "' appears twice.");
            }
            if (role == FileRole.TEST && f.visibility() == null) {
                problems.add(name + ": say whether it is public or private.");
            }
            if (role == FileRole.TEST && (f.points() == null || f.points().signum() < 0)) {
                problems.add(name + ": points must be zero or more.");
            }
            if (role != FileRole.TEST && f.points() != null && f.points().signum() != 0) {
                problems.add(name + ": a " + role.json() + " file carries no points.");
            }
            if (f.content() == null || (f.content().length == 0 && role == FileRole.TEST)) {
                problems.add(name + " is empty.");
            } else if (role == FileRole.TEST && f.content().length > MAX_TEST_FILE_BYTES) {
                problems.add(name + " is over 1 MB.");
            } else if (name.endsWith(".py") && !utf8(f.content())) {
                problems.add(name + " is not UTF-8 text.");
            } else if (role != FileRole.TEST) {
                supportBytes += f.content().length;
            }
        }
        if (supportBytes > MAX_SUPPORT_BYTES) {
            problems.add("Support and student files come to more than " + MAX_SUPPORT_BYTES / (1024 * 1024) + " MB.");
        }
        Set<String> testFiles = files.stream().filter(f -> f.role() == null || f.role() == FileRole.TEST)
                .map(f -> f.fileName() == null ? "" : f.fileName().strip()).collect(Collectors.toSet());
        testVisibility.forEach((test, shown) -> {
            int sep = test.indexOf("::");
            if (sep <= 0 || !testFiles.contains(test.substring(0, sep)) || !test.substring(sep + 2).matches("[A-Za-z_][A-Za-z0-9_.:\\[\\]-]*")) {
                problems.add("tests: '" + test + "' does not name a test of an uploaded test file (test_file.py::test_name).");
            } else if (shown == null) {
                problems.add("tests: " + test + " needs visible, after_due_date, after_published or hidden.");
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The autograder was not saved: " + String.join(" ", problems));
        }
        long id = repo.insertAutograder(assignmentId, grant.caller().accountId(),
                privateFeedback == null ? PrivateFeedback.MESSAGE : privateFeedback);
        for (TestFileUpload f : files) {
            FileRole role = f.role() == null ? FileRole.TEST : f.role();
            repo.insertTest(id, f.fileName().strip(), blobs.put(f.content()),
                    f.visibility() == null ? Visibility.PUBLIC : f.visibility(),
                    f.points() == null ? BigDecimal.ZERO : f.points(), role);
        }
        testVisibility.forEach((test, shown) -> repo.insertTestVisibility(id, test, shown));
        Autograder saved = repo.autograder(id).orElseThrow();
        audit.record(grant.caller().accountId(), a.courseId(), "autograder.uploaded",
                a.shortName() + " v" + saved.version() + ": " + files.stream().map(TestFileUpload::fileName).collect(Collectors.joining(", "))
                        + "; private feedback " + saved.privateFeedback().json());
        events.publishEvent(new AutograderUpdated(assignmentId, a.courseId(), id));
        return saved;
    }

    /** A starter file as listed: its path inside the set, size and SHA-256. */
    public record StarterFile(String path, long bytes, String sha256) {
    }

    /** Adds one starter file, or replaces the one with its name (the assignment page's upload). */
    @Transactional
    public void uploadStarterFile(long assignmentId, String fileName, byte[] content) {
        Assignment a = repo.byId(assignmentId).orElseThrow(() -> notFound(assignmentId));
        var grant = access.instructor(a.courseId());
        for (SubmittedFile f : StarterSet.unpack(List.of(new StarterSet.Upload(fileName, content)))) {
            repo.putStarter(assignmentId, f.path(), blobs.put(f.content()));
            audit.record(grant.caller().accountId(), a.courseId(), "assignment.starter", a.shortName() + " " + f.path());
        }
    }

    /**
     * Replaces the whole starter set (the REST upload): what students download, and the base code of every later
     * plagiarism check. All or nothing: one bad file and nothing changes.
     */
    @Transactional
    public List<StarterFile> replaceStarterFiles(long assignmentId, List<StarterSet.Upload> uploads) {
        Assignment a = repo.byId(assignmentId).orElseThrow(() -> notFound(assignmentId));
        var grant = access.instructor(a.courseId());
        List<SubmittedFile> files = StarterSet.unpack(uploads);
        repo.deleteStarters(assignmentId);
        for (SubmittedFile f : files) {
            repo.putStarter(assignmentId, f.path(), blobs.put(f.content()));
        }
        audit.record(grant.caller().accountId(), a.courseId(), "assignment.starter_replaced",
                a.shortName() + ": " + files.stream().map(SubmittedFile::path).collect(Collectors.joining(", ")));
        return repo.starterFiles(assignmentId);
    }

    /** The starter files, for whoever may see the assignment: staff, and students once it is released. */
    @Transactional(readOnly = true)
    public List<StarterFile> starterFiles(long assignmentId) {
        page(assignmentId);
        return repo.starterFiles(assignmentId);
    }

    @Transactional(readOnly = true)
    public byte[] starterFile(long assignmentId, String path) {
        page(assignmentId);
        return repo.starters(assignmentId).stream().filter(s -> s[0].equals(path)).findFirst()
                .flatMap(s -> blobs.get(s[1])).orElseThrow(() -> new NotFoundException("No starter file " + path + "."));
    }

    /**
     * Sets the sandbox limits and Python packages the autograder runs with (they travel with an
     * autograder upload); null keeps a value as it is.
     */
    @Transactional
    public Assignment updateGrading(long assignmentId, Integer cpuSeconds, Integer wallSeconds, Integer memoryMb, Integer outputKb,
                                    String packages) {
        Assignment a = repo.byId(assignmentId).orElseThrow(() -> notFound(assignmentId));
        var grant = access.instructor(a.courseId());
        Assignment.Limits l = a.limits();
        Assignment checked = validate(a.courseId(), new AssignmentDraft(a.shortName(), a.title(), a.kind().name(), a.releaseAt(),
                a.dueAt(), a.points(), a.team(), String.join(",", a.allowedExtensions()), a.maxUploadBytes(),
                cpuSeconds == null ? l.cpuSeconds() : cpuSeconds, wallSeconds == null ? l.wallSeconds() : wallSeconds,
                memoryMb == null ? l.memoryMb() : memoryMb, outputKb == null ? l.outputKb() : outputKb,
                packages == null ? String.join(",", a.packages()) : packages));
        repo.updateGrading(assignmentId, checked.limits(), String.join(",", checked.packages()));
        audit.record(grant.caller().accountId(), a.courseId(), "assignment.grading_settings", a.shortName() + " " + checked.limits()
                + " packages " + checked.packages());
        return repo.byId(assignmentId).orElseThrow();
    }

    /**
     * Moves the moment students first see the assignment (instructors); {@code null} releases it now, and an assignment
     * already released stays as it is then. The schedule's item moves with it, and a release may not pass the due date.
     */
    @Transactional
    public Assignment moveRelease(long assignmentId, Instant releaseAt) {
        Assignment a = repo.byId(assignmentId).orElseThrow(() -> notFound(assignmentId));
        var grant = access.instructor(a.courseId());
        Instant now = clock.instant();
        Instant at = releaseAt;
        if (at == null) {
            if (a.releasedAt(now)) {
                return a;
            }
            at = now;
        }
        if (a.dueAt().isBefore(at)) {
            throw new InvalidInputException("releaseAt is after the due date (" + a.dueAt() + "); move the due date first.");
        }
        repo.updateRelease(assignmentId, at);
        Instant moved = at;
        repo.itemId(assignmentId).ifPresent(item -> schedule.moveItemRelease(a.courseId(), item, moved));
        audit.record(grant.caller().accountId(), a.courseId(), "assignment.release_moved", a.shortName() + " " + a.releaseAt() + " -> " + at);
        return repo.byId(assignmentId).orElseThrow();
    }

    /** Makes private results and totals visible to students (or hides them again). */
    @Transactional
    public Assignment releaseGrades(long assignmentId, boolean release) {
        Assignment a = repo.byId(assignmentId).orElseThrow(() -> notFound(assignmentId));
        var grant = access.instructor(a.courseId());
        repo.releaseGrades(assignmentId, release ? clock.instant() : null);
        audit.record(grant.caller().accountId(), a.courseId(), release ? "grades.released" : "grades.withdrawn", a.shortName());
        events.publishEvent(new AssignmentGradesReleased(a.courseId(), assignmentId, a.shortName(), release));
        return repo.byId(assignmentId).orElseThrow();
    }

    Assignment validate(long courseId, AssignmentDraft d) {
        if (d == null) {
            throw new InvalidInputException("Assignment details are missing.");
        }
        List<String> problems = new ArrayList<>();
        String shortName = d.shortName() == null ? "" : d.shortName().strip();
        if (!SHORT_NAME.matcher(shortName).matches()) {
            problems.add("shortName: 1 to 20 letters, digits, - or _ (it keys the gradebook column), e.g. A1.");
        }
        String title = d.title() == null ? "" : d.title().strip();
        if (title.isEmpty()) {
            problems.add("title is required.");
        }
        if (d.releaseAt() == null || d.dueAt() == null) {
            problems.add("releaseAt and dueAt are required (ISO-8601 with an offset, e.g. 2024-01-18T23:59:00-08:00).");
        } else if (d.dueAt().isBefore(d.releaseAt())) {
            problems.add("dueAt is before releaseAt.");
        }
        if (d.points() == null || d.points().signum() < 0) {
            problems.add("points must be zero or more.");
        }
        Assignment.Kind kind = Assignment.Kind.NOTEBOOK;
        if (d.type() != null && !d.type().isBlank()) {
            try {
                kind = Assignment.Kind.valueOf(d.type().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("type is notebook or model.");
            }
        }
        // A model assignment takes one ONNX file; a notebook assignment takes code.
        Set<String> extensions = new LinkedHashSet<>(kind == Assignment.Kind.MODEL ? List.of(".onnx") : List.of(".py", ".ipynb", ".zip"));
        if (d.allowedExtensions() != null && !d.allowedExtensions().isBlank()) {
            extensions = Arrays.stream(d.allowedExtensions().split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                    .map(s -> s.startsWith(".") ? s : "." + s).collect(Collectors.toCollection(LinkedHashSet::new));
            Set<String> allowed = kind == Assignment.Kind.MODEL ? Set.of(".onnx") : UPLOAD_TYPES;
            if (!allowed.containsAll(extensions)) {
                problems.add(kind == Assignment.Kind.MODEL ? "allowedExtensions of a model assignment may only name .onnx."
                        : "allowedExtensions may only name .py, .ipynb, .zip and .pdf.");
            }
        }
        long maxBytes = d.maxUploadBytes() == null ? 5L * 1024 * 1024 : d.maxUploadBytes();
        if (maxBytes < 1024 || maxBytes > 50L * 1024 * 1024) {
            problems.add("maxUploadBytes is between 1 KB and 50 MB.");
        }
        int cpu = range(d.cpuSeconds(), 60, 1, 600, "cpuSeconds", problems);
        int wall = range(d.wallSeconds(), 120, 1, 1800, "wallSeconds", problems);
        int memory = range(d.memoryMb(), 1024, 64, 8192, "memoryMb", problems);
        int output = range(d.outputKb(), 256, 16, 4096, "outputKb", problems);
        Set<String> packages = new LinkedHashSet<>(List.of("numpy"));
        if (d.packages() != null && !d.packages().isBlank()) {
            for (String p : d.packages().split(",")) {
                String name = p.strip().toLowerCase(Locale.ROOT);
                if (!PACKAGE.matcher(name).matches()) {
                    problems.add("packages: '" + p.strip() + "' is not a package name.");
                } else if (!workerPackages.offered().contains(name)) {
                    problems.add("packages: the workers do not offer " + name + " (they offer "
                            + String.join(", ", new TreeSet<>(workerPackages.offered())) + ").");
                } else {
                    packages.add(name);
                }
            }
        }
        teamSizeProblems(d.team(), d.teamMinSize(), d.teamMaxSize()).forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join(" ", problems));
        }
        return new Assignment(0, courseId, shortName, title, kind, d.releaseAt(), d.dueAt(), d.points(),
                Boolean.TRUE.equals(d.team()), extensions, maxBytes, new Assignment.Limits(cpu, wall, memory, output), packages, null,
                d.teamMinSize(), d.teamMaxSize());
    }

    /** A team item's own sizes: each optional, 1..20 under the number limits, the minimum at most the maximum. */
    private static List<String> teamSizeProblems(Boolean team, Integer min, Integer max) {
        List<String> problems = new ArrayList<>();
        if ((min != null || max != null) && !Boolean.TRUE.equals(team)) {
            problems.add("teamMinSize and teamMaxSize are for team items (team: true).");
        }
        teamSizeProblem(min, "teamMinSize").ifPresent(problems::add);
        teamSizeProblem(max, "teamMaxSize").ifPresent(problems::add);
        if (min != null && max != null && min > max) {
            problems.add("teamMinSize (" + min + ") is above teamMaxSize (" + max + ").");
        }
        return problems;
    }

    private static Optional<String> teamSizeProblem(Integer size, String name) {
        if (size == null) {
            return Optional.empty();
        }
        BigDecimal v = NumberLimits.check(BigDecimal.valueOf(size), name);
        return v.compareTo(BigDecimal.ONE) < 0 || v.compareTo(BigDecimal.valueOf(MAX_TEAM_SIZE)) > 0
                ? Optional.of(name + " is between 1 and " + MAX_TEAM_SIZE + ".") : Optional.empty();
    }

    /**
     * Sets a team item's own team sizes (instructors); null for either means the course's. Checked as on creation.
     */
    @Transactional
    public Assignment updateTeamSizes(long assignmentId, Integer min, Integer max) {
        Assignment a = repo.byId(assignmentId).orElseThrow(() -> notFound(assignmentId));
        var grant = access.instructor(a.courseId());
        List<String> problems = teamSizeProblems(a.team(), min, max);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join(" ", problems));
        }
        repo.updateTeamSizes(assignmentId, min, max);
        audit.record(grant.caller().accountId(), a.courseId(), "assignment.team_sizes", a.shortName() + " " + min + ".." + max);
        return repo.byId(assignmentId).orElseThrow();
    }

    private static int range(Integer v, int dflt, int min, int max, String name, List<String> problems) {
        int value = v == null ? dflt : v;
        if (value < min || value > max) {
            problems.add(name + " is between " + min + " and " + max + ".");
        }
        return value;
    }

    private static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No assignment " + id + " that you can see.");
    }

}
