package org.lectern.assignment;

import org.lectern.grading.TestVisibility;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lectern.platform.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An autograder upload described by a manifest (pure): {"test_x.py": {"visibility": "public", "points": 4}, ...} or
 * {"files": [{"file": "test_x.py", ...}], "packages": ["numpy"], "limits": {"cpuSeconds": 60, ...},
 * "privateFeedback": "message"}. Every file sent must be named and every named file sent; a file's "role" defaults by
 * its name (pytest names are tests, anything else support). What a file may be is judged afterwards by
 * {@link AssignmentService#uploadAutograder}, the same for every way an autograder arrives.
 */
public record AutograderManifest(List<TestFileUpload> files, AssignmentService.GradingSettings settings, PrivateFeedback privateFeedback,
                                 Map<String, TestVisibility> tests) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SETTINGS = List.of("limits", "packages", "privateFeedback", "environment", "tests");

    /** The manifest's text with the files sent beside it, by file name. */
    public static AutograderManifest parse(String text, Map<String, byte[]> sent) {
        JsonNode root;
        try {
            root = text == null ? null : JSON.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidInputException("The manifest is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("The manifest must be a JSON object naming each test file's visibility and points.");
        }
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        if (root.has("files") && root.get("files").isArray()) {
            for (JsonNode n : root.get("files")) {
                entries.put(n.path("file").asString(n.path("name").asString("")), n);
            }
        } else {
            root.properties().forEach(e -> {
                if (!SETTINGS.contains(e.getKey())) {
                    entries.put(e.getKey(), e.getValue());
                }
            });
        }
        List<String> problems = new ArrayList<>();
        entries.keySet().stream().filter(n -> !sent.containsKey(n)).forEach(n -> problems.add("The manifest names " + n + " but no such file was sent."));
        sent.keySet().stream().filter(n -> !entries.containsKey(n)).forEach(n -> problems.add(n + " was sent but the manifest does not name it."));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join(" ", problems));
        }
        List<TestFileUpload> files = new ArrayList<>();
        entries.forEach((name, n) -> files.add(file(name, n, sent.get(name))));
        return new AutograderManifest(files, settings(root), privateFeedback(root), tests(root));
    }

    private static TestFileUpload file(String name, JsonNode n, byte[] content) {
        FileRole role = role(name, n.path("role").asString(""));
        BigDecimal points = role == FileRole.TEST || n.has("points") ? points(name, n.get("points")) : null;
        String visibility = n.path("visibility").asString("");
        return new TestFileUpload(name, content, role == FileRole.TEST || !visibility.isBlank() ? visibility(name, visibility) : null,
                points, role);
    }

    private static PrivateFeedback privateFeedback(JsonNode root) {
        if (!root.has("privateFeedback")) {
            return null;
        }
        PrivateFeedback feedback = PrivateFeedback.parse(root.path("privateFeedback").asString(""));
        if (feedback == null) {
            throw new InvalidInputException("privateFeedback is nothing, message or full.");
        }
        return feedback;
    }

    /**
     * "tests": {"test_x.py::test_y": "hidden"}: per-test visibility, narrowing the test's own marker; a word that is
     * no visibility maps to null, which the service refuses with the test's name.
     */
    private static Map<String, TestVisibility> tests(JsonNode root) {
        Map<String, TestVisibility> tests = new LinkedHashMap<>();
        if (!root.has("tests")) {
            return tests;
        }
        if (!root.get("tests").isObject()) {
            throw new InvalidInputException("tests maps test names (test_x.py::test_y) to a visibility.");
        }
        for (var e : root.get("tests").properties()) {
            String word = e.getValue().asString("");
            TestVisibility shown = TestVisibility.parse(word);
            // parse() reads a misspelling as hidden (safe for results); an instructor's is refused instead.
            tests.put(e.getKey(), shown != null && shown.json().equalsIgnoreCase(word.strip()) ? shown : null);
        }
        return tests;
    }

    private static AssignmentService.GradingSettings settings(JsonNode root) {
        if (!root.has("limits") && !root.has("packages") && !root.has("environment")) {
            return null;
        }
        JsonNode l = root.path("limits");
        String packages = null;
        if (root.has("packages")) {
            List<String> names = new ArrayList<>();
            root.get("packages").forEach(p -> names.add(p.asString()));
            packages = String.join(",", names);
        }
        return new AssignmentService.GradingSettings(intOrNull(l, "cpuSeconds"), intOrNull(l, "wallSeconds"), intOrNull(l, "memoryMb"),
                intOrNull(l, "outputKb"), packages, root.has("environment") ? root.path("environment").asString("") : null);
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
