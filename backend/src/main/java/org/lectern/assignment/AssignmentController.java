package org.lectern.assignment;

import io.swagger.v3.oas.annotations.Operation;
import org.lectern.platform.api.ApiConflict;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** REST: assignments and their autograders, so a course can push its autograder from its own CI. */
@RestController
class AssignmentController {

    record AssignmentJson(long id, long courseId, String shortName, String title, String type, Instant releaseAt, Instant dueAt,
                          BigDecimal points, boolean team, List<String> allowedExtensions, long maxUploadBytes,
                          Assignment.Limits limits, List<String> packages, boolean gradesReleased, Integer teamMinSize,
                          Integer teamMaxSize) {
        static AssignmentJson of(Assignment a) {
            return new AssignmentJson(a.id(), a.courseId(), a.shortName(), a.title(), a.kind().name().toLowerCase(Locale.ROOT),
                    a.releaseAt(), a.dueAt(), a.points(), a.team(), List.copyOf(a.allowedExtensions()), a.maxUploadBytes(),
                    a.limits(), List.copyOf(a.packages()), a.gradesReleased(), a.teamMinSize(), a.teamMaxSize());
        }
    }

    record TestJson(String file, String visibility, BigDecimal points, String role) {
    }

    record AutograderJson(long id, int version, Instant createdAt, BigDecimal publicPoints, BigDecimal privatePoints, List<TestJson> tests,
                          String privateFeedback) {
        static AutograderJson of(Autograder a) {
            return new AutograderJson(a.id(), a.version(), a.createdAt(), a.possible(Visibility.PUBLIC), a.possible(Visibility.PRIVATE),
                    a.tests().stream().map(t -> new TestJson(t.fileName(),
                            t.role() == FileRole.TEST ? t.visibility().name().toLowerCase(Locale.ROOT) : null,
                            t.role() == FileRole.TEST ? t.points() : null, t.role().json())).toList(),
                    a.privateFeedback().json());
        }
    }

    private final AssignmentService assignments;

    AssignmentController(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @Operation(summary = "Create an assignment (instructors)")
    @ApiConflict("The course already has an assignment of that short name")
    @PostMapping("/api/v1/courses/{courseId}/assignments")
    @ResponseStatus(HttpStatus.CREATED)
    AssignmentJson create(@PathVariable long courseId, @RequestBody AssignmentDraft draft) {
        return AssignmentJson.of(assignments.create(courseId, draft));
    }

    @Operation(summary = "List the course's assignments the caller may see")
    @GetMapping("/api/v1/courses/{courseId}/assignments")
    List<AssignmentJson> list(@PathVariable long courseId) {
        return assignments.list(courseId).stream().map(AssignmentJson::of).toList();
    }

    @Operation(summary = "Read one assignment")
    @GetMapping("/api/v1/assignments/{assignmentId}")
    AssignmentJson one(@PathVariable long assignmentId) {
        return AssignmentJson.of(assignments.get(assignmentId));
    }

    @Operation(summary = "Read the autograder's files and manifest (staff)")
    @GetMapping("/api/v1/assignments/{assignmentId}/autograder")
    AutograderJson autograder(@PathVariable long assignmentId) {
        return assignments.page(assignmentId).autograder().map(AutograderJson::of)
                .orElseThrow(() -> new NotFoundException("This assignment has no autograder yet."));
    }

    /**
     * Multipart: the test files (any part names) and a {@code manifest} part, either
     * {"test_x.py": {"visibility": "public", "points": 4}, ...} or {"files": [{"file": "test_x.py", ...}],
     * "packages": ["numpy"], "limits": {"cpuSeconds": 60, "wallSeconds": 120, "memoryMb": 1024, "outputKb": 256}}.
     * Limits and packages are optional and checked before any file is stored. Each file may say its "role": "test"
     * (the default for pytest names), "support" (the tests' side: conftest.py, helpers, data; the default for other
     * names) or "student" (next to the student's code); names of support files are relative paths, sent as the
     * part's file name. "privateFeedback": "nothing", "message" (default) or "full" says what students see of a
     * failing private test after release. "environment": "numpy", "pytorch-cpu" or "pytorch-cuda" sends runs only to
     * workers offering it ("any" or "": any worker with the packages).
     */
    @Operation(summary = "Replace the autograder: test, support and student-side files with a manifest (instructors)")
    @PutMapping(value = "/api/v1/assignments/{assignmentId}/autograder", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    AutograderJson upload(@PathVariable long assignmentId, MultipartHttpServletRequest request) throws IOException {
        assignments.requireInstructor(assignmentId);
        String manifest = request.getParameter("manifest");
        if (manifest == null) {
            throw new InvalidInputException(request.getFile("manifest") != null
                    ? "Send the manifest as a text field, not as a file (curl: -F 'manifest=<manifest.json')."
                    : "The upload needs a manifest field naming each file's role, visibility and points.");
        }
        Map<String, byte[]> files = new HashMap<>();
        for (MultipartFile f : request.getMultiFileMap().values().stream().flatMap(List::stream).toList()) {
            if (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()) {
                files.put(f.getOriginalFilename(), f.getBytes());
            }
        }
        return AutograderJson.of(assignments.uploadAutograder(assignmentId, manifest, files));
    }

    record GradescopeJson(AutograderJson autograder, List<String> notes) {
    }

    /**
     * The body: a Gradescope autograder zip (setup.sh and run_autograder at its root). Its test files become the
     * autograder's (weights, visibility and numbers from gradescope_utils' decorators); setup.sh's needs are checked
     * against what the workers offer, and the upload refused with the list when they cannot be met.
     */
    @Operation(summary = "Replace the autograder with a Gradescope autograder zip, its setup.sh needs checked against the workers (instructors)")
    @PostMapping("/api/v1/assignments/{assignmentId}/autograder/gradescope")
    GradescopeJson uploadGradescope(@PathVariable long assignmentId, jakarta.servlet.http.HttpServletRequest request)
            throws IOException {
        assignments.requireInstructor(assignmentId); // before the body is read
        byte[] zip = cappedBody(request, "The autograder zip");
        AssignmentService.GradescopeUpload saved = assignments.uploadGradescopeAutograder(assignmentId, zip);
        return new GradescopeJson(AutograderJson.of(saved.autograder()), saved.notes());
    }

    /** The body: a zip of Otter-Grader OK-format test files (tests/q1.py, ...), each question's cases graded as doctests. */
    @Operation(summary = "Replace the autograder with Otter-Grader OK-format tests from a zip (instructors)")
    @PostMapping("/api/v1/assignments/{assignmentId}/autograder/otter")
    AutograderJson uploadOtter(@PathVariable long assignmentId, jakarta.servlet.http.HttpServletRequest request)
            throws IOException {
        assignments.requireInstructor(assignmentId); // before the body is read
        byte[] zip = cappedBody(request, "The zip");
        return AutograderJson.of(assignments.uploadOtterAutograder(assignmentId, zip));
    }

    /** The body: an nbgrader source notebook (.ipynb, the instructor's copy); its autograder test cells become the tests. */
    @Operation(summary = "Replace the autograder with the test cells of an nbgrader source notebook (instructors)")
    @PostMapping("/api/v1/assignments/{assignmentId}/autograder/nbgrader")
    AutograderJson uploadNbgrader(@PathVariable long assignmentId, jakarta.servlet.http.HttpServletRequest request)
            throws IOException {
        assignments.requireInstructor(assignmentId); // before the body is read
        byte[] notebook = cappedBody(request, "The notebook");
        return AutograderJson.of(assignments.uploadNbgraderAutograder(assignmentId, notebook));
    }

    /** An upload's body, read only up to the imported autograders' cap (20 MB) and refused past it. */
    private static byte[] cappedBody(jakarta.servlet.http.HttpServletRequest request, String what) throws IOException {
        byte[] body = request.getInputStream().readNBytes((int) GradescopeZip.MAX_BYTES + 1);
        if (body.length > GradescopeZip.MAX_BYTES) {
            throw new InvalidInputException(what + " is larger than 20 MB.");
        }
        return body;
    }

    /**
     * Multipart: the starter files under any part names, each a .py or .ipynb file or a zip of them (folders kept). Replaces
     * the whole set, all or nothing; instructors only. The set is what students download and the base code of every later
     * plagiarism check.
     */
    @Operation(summary = "Replace the starter files, all or nothing (instructors)")
    @PutMapping(value = "/api/v1/assignments/{assignmentId}/starter", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    List<AssignmentService.StarterFile> replaceStarter(@PathVariable long assignmentId, MultipartHttpServletRequest request)
            throws IOException {
        List<StarterSet.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : request.getMultiFileMap().values().stream().flatMap(List::stream).toList()) {
            uploads.add(new StarterSet.Upload(f.getOriginalFilename(), f.getBytes()));
        }
        return assignments.replaceStarterFiles(assignmentId, uploads);
    }

    /** The starter files: staff any time, students once the assignment is released (as on the assignment page). */
    @Operation(summary = "List the starter files (students once the assignment is released)")
    @GetMapping("/api/v1/assignments/{assignmentId}/starter")
    List<AssignmentService.StarterFile> starter(@PathVariable long assignmentId) {
        return assignments.starterFiles(assignmentId);
    }

    /** One starter file's bytes, by its path in the set ({@code ?path=cs231n/classifiers/k_nearest_neighbor.py}). */
    @Operation(summary = "Download one starter file by its path")
    @GetMapping("/api/v1/assignments/{assignmentId}/starter/file")
    ResponseEntity<byte[]> starterFile(@PathVariable long assignmentId, @RequestParam("path") String path) {
        byte[] content = assignments.starterFile(assignmentId, path);
        String name = path.substring(path.lastIndexOf('/') + 1);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(content);
    }

    record ReleaseJson(Instant releaseAt) {
    }

    /** Body {@code {"releaseAt": "2026-01-18T09:00:00-08:00"}}: earlier or later, never after the due date. */
    @Operation(summary = "Move the moment students first see the assignment (instructors)")
    @PutMapping("/api/v1/assignments/{assignmentId}/release")
    AssignmentJson moveRelease(@PathVariable long assignmentId, @RequestBody ReleaseJson body) {
        assignments.requireInstructor(assignmentId);
        if (body == null || body.releaseAt() == null) {
            throw new InvalidInputException("releaseAt is required (ISO-8601 with an offset, e.g. 2026-01-18T09:00:00-08:00).");
        }
        return AssignmentJson.of(assignments.moveRelease(assignmentId, body.releaseAt()));
    }

    record TeamSizesJson(Integer teamMinSize, Integer teamMaxSize) {
    }

    /** Body {@code {"teamMinSize": 2, "teamMaxSize": 3}}: either may be null (the course's team size). */
    @Operation(summary = "Set a team item's own minimum and maximum team size; null keeps the course's (instructors)")
    @PutMapping("/api/v1/assignments/{assignmentId}/team-sizes")
    AssignmentJson teamSizes(@PathVariable long assignmentId, @RequestBody(required = false) TeamSizesJson body) {
        assignments.requireInstructor(assignmentId);
        TeamSizesJson b = body == null ? new TeamSizesJson(null, null) : body;
        return AssignmentJson.of(assignments.updateTeamSizes(assignmentId, b.teamMinSize(), b.teamMaxSize()));
    }

    @Operation(summary = "Release the assignment to students now; one already released stays as it is (instructors)")
    @PostMapping("/api/v1/assignments/{assignmentId}/release")
    AssignmentJson releaseNow(@PathVariable long assignmentId) {
        return AssignmentJson.of(assignments.moveRelease(assignmentId, null));
    }

    @Operation(summary = "Release the assignment's private results and grades (staff)")
    @PostMapping("/api/v1/assignments/{assignmentId}/grades/release")
    AssignmentJson release(@PathVariable long assignmentId) {
        return AssignmentJson.of(assignments.releaseGrades(assignmentId, true));
    }
}
