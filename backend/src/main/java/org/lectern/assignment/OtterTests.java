package org.lectern.assignment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lectern.platform.InvalidInputException;

/**
 * Otter-Grader OK-format test files ({@code tests/q1.py}: {@code test = {"name": "q1", "points": 1, "suites": [...]}})
 * as a Lectern autograder, without rewriting them: each file is kept as a support file for the tests' side, and a
 * small generated pytest file per question runs its cases with {@code lectern_otter} (the tests' side), each case a
 * doctest against the student's notebook through the relay. A question's points are its file's {@code points}
 * (1 when it sets none, as Otter does), shared equally by its cases; a case marked {@code hidden} is a hidden test.
 */
public final class OtterTests {

    private static final Pattern OK_TEST = Pattern.compile("(?m)^test\\s*=\\s*\\{");
    private static final Pattern POINTS = Pattern.compile("[\"']points[\"']\\s*:\\s*([0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,60}");

    private OtterTests() {
    }

    /** From a zip of OK-format files (any folder, e.g. tests/q1.py); other files are refused by name. */
    public static List<TestFileUpload> fromZip(byte[] zip) {
        Map<String, byte[]> entries = GradescopeZip.unzip(zip);
        List<TestFileUpload> files = new ArrayList<>();
        Set<String> questions = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String path = e.getKey();
            String file = path.substring(path.lastIndexOf('/') + 1);
            if (file.equals("__init__.py")) {
                continue;
            }
            String text = new String(e.getValue(), StandardCharsets.UTF_8);
            String question = file.endsWith(".py") ? file.substring(0, file.length() - 3) : "";
            if (!file.endsWith(".py") || !OK_TEST.matcher(text).find() || !text.contains("suites")) {
                problems.add(path + " is not an Otter-Grader test in OK format (a `test = {...}` dict with \"suites\").");
                continue;
            }
            if (!NAME.matcher(question).matches()) {
                problems.add(path + ": a question's file name is letters, digits and '_' (q1.py).");
                continue;
            }
            if (!questions.add(question)) {
                problems.add("Two test files for question " + question + ".");
                continue;
            }
            Matcher points = POINTS.matcher(text);
            BigDecimal value = points.find() ? new BigDecimal(points.group(1)) : BigDecimal.ONE;
            files.add(new TestFileUpload("otter_tests/" + file, e.getValue(), null, null, FileRole.SUPPORT));
            files.add(new TestFileUpload("test_otter_" + question + ".py", runner(question, file).getBytes(StandardCharsets.UTF_8),
                    Visibility.PUBLIC, value, FileRole.TEST));
        }
        if (questions.isEmpty() && problems.isEmpty()) {
            problems.add("The zip holds no Otter-Grader test files (tests/q1.py, ...).");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join(" ", problems));
        }
        return files;
    }

    static String runner(String question, String file) {
        return """
                # Otter-Grader question %1$s: otter_tests/%2$s as its author wrote it (OK format); each case runs as a
                # doctest against the student's notebook, on the tests' side (lectern_otter).
                import os
                import pytest
                import lectern_otter

                @pytest.mark.parametrize("code", lectern_otter.cases(os.path.join(os.path.dirname(__file__), "otter_tests", "%2$s")))
                def test_%1$s(code):
                    lectern_otter.run(code)
                """.formatted(question, file);
    }
}
