package org.lectern.assignment;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lectern.platform.InvalidInputException;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** REST: assignments and their autograders, so a course can push its autograder from its own CI. */
@RestController
class AssignmentController {

    record AssignmentJson(long id, long courseId, String shortName, String title, String type, Instant releaseAt, Instant dueAt,
                          BigDecimal points, boolean team, List<String> allowedExtensions, long maxUploadBytes,
                          Assignment.Limits limits, List<String> packages, boolean gradesReleased) {
        static AssignmentJson of(Assignment a) {
            return new AssignmentJson(a.id(), a.courseId(), a.shortName(), a.title(), a.kind().name().toLowerCase(Locale.ROOT),
                    a.releaseAt(), a.dueAt(), a.points(), a.team(), List.copyOf(a.allowedExtensions()), a.maxUploadBytes(),
                    a.limits(), List.copyOf(a.packages()), a.gradesReleased());
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
    private final JsonMapper json = JsonMapper.builder().build();

    AssignmentController(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @PostMapping("/api/v1/courses/{courseId}/assignments")
    @ResponseStatus(HttpStatus.CREATED)
    AssignmentJson create(@PathVariable long courseId, @RequestBody AssignmentDraft draft) {
        return AssignmentJson.of(assignments.create(courseId, draft));
    }

    @GetMapping("/api/v1/courses/{courseId}/assignments")
    List<AssignmentJson> list(@PathVariable long courseId) {
        return assignments.list(courseId).stream().map(AssignmentJson::of).toList();
    }

    @GetMapping("/api/v1/assignments/{assignmentId}")
    AssignmentJson one(@PathVariable long assignmentId) {
        return AssignmentJson.of(assignments.get(assignmentId));
    }

    @GetMapping("/api/v1/assignments/{assignmentId}/autograder")
    AutograderJson autograder(@PathVariable long assignmentId) {
        return assignments.page(assignmentId).autograder().map(AutograderJson::of)
                .orElseThrow(() -> new org.lectern.platform.NotFoundException("This assignment has no autograder yet."));
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
    @PutMapping(value = "/api/v1/assignments/{assignmentId}/autograder", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    AutograderJson upload(@PathVariable long assignmentId, MultipartHttpServletRequest request,
                          @RequestParam("manifest") String manifest) throws IOException {
        assignments.requireInstructor(assignmentId);
        Map<String, TestJson> entries = manifest(manifest);
        Map<String, byte[]> files = new HashMap<>();
        for (MultipartFile f : request.getMultiFileMap().values().stream().flatMap(List::stream).toList()) {
            if (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()) {
                files.put(f.getOriginalFilename(), f.getBytes());
            }
        }
        List<String> problems = new ArrayList<>();
        entries.keySet().stream().filter(n -> !files.containsKey(n)).forEach(n -> problems.add("The manifest names " + n + " but no such file was sent."));
        files.keySet().stream().filter(n -> !entries.containsKey(n)).forEach(n -> problems.add(n + " was sent but the manifest does not name it."));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join(" ", problems));
        }
        List<TestFileUpload> uploads = new ArrayList<>();
        entries.forEach((name, e) -> {
            FileRole role = role(name, e.role());
            uploads.add(new TestFileUpload(name, files.get(name),
                    role == FileRole.TEST || !e.visibility().isBlank() ? visibility(name, e.visibility()) : null, e.points(), role));
        });
        JsonNode root = json.readTree(manifest);
        PrivateFeedback feedback = null;
        if (root.has("privateFeedback")) {
            feedback = PrivateFeedback.parse(root.path("privateFeedback").asString(""));
            if (feedback == null) {
                throw new InvalidInputException("privateFeedback is nothing, message or full.");
            }
        }
        AssignmentService.GradingSettings settings = null;
        if (root.has("limits") || root.has("packages") || root.has("environment")) {
            JsonNode l = root.path("limits");
            String packages = null;
            if (root.has("packages")) {
                List<String> names = new ArrayList<>();
                root.get("packages").forEach(p -> names.add(p.asString()));
                packages = String.join(",", names);
            }
            settings = new AssignmentService.GradingSettings(intOrNull(l, "cpuSeconds"), intOrNull(l, "wallSeconds"),
                    intOrNull(l, "memoryMb"), intOrNull(l, "outputKb"), packages,
                    root.has("environment") ? root.path("environment").asString("") : null);
        }
        // "tests": {"test_x.py::test_y": "hidden"}: per-test visibility, narrowing the test's own marker.
        Map<String, org.lectern.grading.TestVisibility> tests = new java.util.LinkedHashMap<>();
        if (root.has("tests")) {
            if (!root.get("tests").isObject()) {
                throw new InvalidInputException("tests maps test names (test_x.py::test_y) to a visibility.");
            }
            for (var e : root.get("tests").properties()) {
                String word = e.getValue().asString("");
                org.lectern.grading.TestVisibility shown = org.lectern.grading.TestVisibility.parse(word);
                // parse() reads a misspelling as hidden (safe for results); an instructor's is refused instead.
                tests.put(e.getKey(), shown != null && shown.json().equalsIgnoreCase(word.strip()) ? shown : null);
            }
        }
        return AutograderJson.of(assignments.uploadAutograder(assignmentId, uploads, settings, feedback, tests));
    }

    record GradescopeJson(AutograderJson autograder, List<String> notes) {
    }

    /**
     * The body: a Gradescope autograder zip (setup.sh and run_autograder at its root). Its test files become the
     * autograder's (weights, visibility and numbers from gradescope_utils' decorators); setup.sh's needs are checked
     * against what the workers offer, and the upload refused with the list when they cannot be met.
     */
    @PostMapping("/api/v1/assignments/{assignmentId}/autograder/gradescope")
    GradescopeJson uploadGradescope(@PathVariable long assignmentId, jakarta.servlet.http.HttpServletRequest request)
            throws IOException {
        assignments.requireInstructor(assignmentId); // before the body is read
        byte[] zip = request.getInputStream().readNBytes((int) GradescopeZip.MAX_BYTES + 1);
        if (zip.length > GradescopeZip.MAX_BYTES) {
            throw new InvalidInputException("The autograder zip is larger than 20 MB.");
        }
        AssignmentService.GradescopeUpload saved = assignments.uploadGradescopeAutograder(assignmentId, zip);
        return new GradescopeJson(AutograderJson.of(saved.autograder()), saved.notes());
    }

    /** The body: a zip of Otter-Grader OK-format test files (tests/q1.py, ...), each question's cases graded as doctests. */
    @PostMapping("/api/v1/assignments/{assignmentId}/autograder/otter")
    AutograderJson uploadOtter(@PathVariable long assignmentId, jakarta.servlet.http.HttpServletRequest request)
            throws IOException {
        assignments.requireInstructor(assignmentId); // before the body is read
        byte[] zip = request.getInputStream().readNBytes((int) GradescopeZip.MAX_BYTES + 1);
        if (zip.length > GradescopeZip.MAX_BYTES) {
            throw new InvalidInputException("The zip is larger than 20 MB.");
        }
        return AutograderJson.of(assignments.uploadOtterAutograder(assignmentId, zip));
    }

    /** The body: an nbgrader source notebook (.ipynb, the instructor's copy); its autograder test cells become the tests. */
    @PostMapping("/api/v1/assignments/{assignmentId}/autograder/nbgrader")
    AutograderJson uploadNbgrader(@PathVariable long assignmentId, jakarta.servlet.http.HttpServletRequest request)
            throws IOException {
        assignments.requireInstructor(assignmentId); // before the body is read
        byte[] notebook = request.getInputStream().readNBytes((int) GradescopeZip.MAX_BYTES + 1);
        if (notebook.length > GradescopeZip.MAX_BYTES) {
            throw new InvalidInputException("The notebook is larger than 20 MB.");
        }
        return AutograderJson.of(assignments.uploadNbgraderAutograder(assignmentId, notebook));
    }

    /**
     * Multipart: the starter files under any part names, each a .py or .ipynb file or a zip of them (folders kept). Replaces
     * the whole set, all or nothing; instructors only. The set is what students download and the base code of every later
     * plagiarism check.
     */
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
    @GetMapping("/api/v1/assignments/{assignmentId}/starter")
    List<AssignmentService.StarterFile> starter(@PathVariable long assignmentId) {
        return assignments.starterFiles(assignmentId);
    }

    /** One starter file's bytes, by its path in the set ({@code ?path=cs231n/classifiers/k_nearest_neighbor.py}). */
    @GetMapping("/api/v1/assignments/{assignmentId}/starter/file")
    ResponseEntity<byte[]> starterFile(@PathVariable long assignmentId, @RequestParam("path") String path) {
        byte[] content = assignments.starterFile(assignmentId, path);
        String name = path.substring(path.lastIndexOf('/') + 1);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(content);
    }

    @PostMapping("/api/v1/assignments/{assignmentId}/grades/release")
    AssignmentJson release(@PathVariable long assignmentId) {
        return AssignmentJson.of(assignments.releaseGrades(assignmentId, true));
    }

    private Map<String, TestJson> manifest(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidInputException("The manifest is not valid JSON: " + e.getOriginalMessage());
        }
        Map<String, TestJson> out = new java.util.LinkedHashMap<>();
        if (root != null && root.has("files") && root.get("files").isArray()) {
            for (JsonNode n : root.get("files")) {
                String name = n.path("file").asString(n.path("name").asString(""));
                out.put(name, entry(name, n));
            }
        } else if (root != null && root.isObject()) {
            for (var e : root.properties()) {
                if (e.getKey().equals("limits") || e.getKey().equals("packages") || e.getKey().equals("privateFeedback")
                        || e.getKey().equals("environment") || e.getKey().equals("tests")) {
                    continue;
                }
                out.put(e.getKey(), entry(e.getKey(), e.getValue()));
            }
        } else {
            throw new InvalidInputException("The manifest must be a JSON object naming each test file's visibility and points.");
        }
        return out;
    }

    private static TestJson entry(String name, JsonNode n) {
        String role = n.path("role").asString("");
        boolean test = role(name, role) == FileRole.TEST;
        BigDecimal points = test || n.has("points") ? points(name, n.get("points")) : null;
        return new TestJson(name, n.path("visibility").asString(""), points, role);
    }

    /** The manifest's role, or by name: pytest files are tests, anything else (conftest.py, helpers, data) support. */
    private static FileRole role(String name, String role) {
        if (role == null || role.isBlank()) {
            return AssignmentService.isPytestName(name) ? FileRole.TEST : FileRole.SUPPORT;
        }
        for (FileRole r : FileRole.values()) {
            if (r.json().equalsIgnoreCase(role.strip())) {
                return r;
            }
        }
        throw new InvalidInputException(name + ": role is test, support or student, not '" + role + "'.");
    }

    private static Integer intOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw new InvalidInputException("limits." + field + " must be a whole number.");
        }
        return v.asInt();
    }

    private static BigDecimal points(String name, JsonNode n) {
        if (n == null || !n.isNumber()) {
            throw new InvalidInputException(name + ": points must be a number.");
        }
        return n.decimalValue();
    }

    private static Visibility visibility(String name, String v) {
        try {
            return Visibility.valueOf(v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name + ": visibility is public or private, not '" + v + "'.");
        }
    }
}
