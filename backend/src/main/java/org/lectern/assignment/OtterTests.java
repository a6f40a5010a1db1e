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
 * Otter-Grader test files as a Lectern autograder, without rewriting them, in either of Otter's formats: OK format
 * ({@code tests/q1.py}: {@code test = {"name": "q1", "points": 1, "suites": [...]}}, each case a doctest) and the
 * exception-based format ({@code OK_FORMAT = False}, {@code @test_case(points=1, hidden=True)} functions that pass when
 * they raise nothing). Each file is kept as a support file for the tests' side, and a small generated pytest file per
 * question runs its cases with {@code lectern_otter} (the tests' side) against the student's notebook through the
 * relay. A question's points are its file's {@code points} (for the exception format, else the sum of its cases'
 * {@code points=}; 1 when neither is set, as Otter does), shared equally by its cases unless every case says its
 * points; a case marked {@code hidden} is a hidden test.
 */
public final class OtterTests {

    private static final Pattern OK_TEST = Pattern.compile("(?m)^test\\s*=\\s*\\{");
    private static final Pattern POINTS = Pattern.compile("[\"']points[\"']\\s*:\\s*([0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,60}");
    /** Otter's exception-based format: OK_FORMAT = False, or cases decorated with otter.test_files' test_case. */
    private static final Pattern EXCEPTION_FORMAT = Pattern.compile("(?m)^OK_FORMAT\\s*=\\s*False|^from\\s+otter\\.test_files\\s+import\\s+test_case");
    private static final Pattern TEST_CASE = Pattern.compile("(?m)^@test_case\\b\\s*(?:\\(([^)]*)\\))?");
    private static final Pattern MODULE_POINTS = Pattern.compile("(?m)^points\\s*=\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(?:#.*)?$");
    private static final Pattern CASE_POINTS = Pattern.compile("\\bpoints\\s*=\\s*([0-9]+(?:\\.[0-9]+)?)");

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
            boolean exceptionFormat = file.endsWith(".py") && EXCEPTION_FORMAT.matcher(text).find() && TEST_CASE.matcher(text).find();
            if (!exceptionFormat && (!file.endsWith(".py") || !OK_TEST.matcher(text).find() || !text.contains("suites"))) {
                problems.add(path + " is not an Otter-Grader test file: neither OK format (a `test = {...}` dict with \"suites\")"
                        + " nor the exception-based format (`@test_case` functions from otter.test_files).");
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
            BigDecimal value = exceptionFormat ? exceptionPoints(text) : okPoints(text);
            files.add(new TestFileUpload("otter_tests/" + file, e.getValue(), null, null, FileRole.SUPPORT));
            String runner = exceptionFormat ? exceptionRunner(question, file) : runner(question, file);
            files.add(new TestFileUpload("test_otter_" + question + ".py", runner.getBytes(StandardCharsets.UTF_8),
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

    private static BigDecimal okPoints(String text) {
        Matcher points = POINTS.matcher(text);
        return points.find() ? new BigDecimal(points.group(1)) : BigDecimal.ONE;
    }

    /** The module's {@code points}, else the sum of the cases' {@code points=}, else 1. */
    static BigDecimal exceptionPoints(String text) {
        Matcher module = MODULE_POINTS.matcher(text);
        if (module.find()) {
            return new BigDecimal(module.group(1));
        }
        BigDecimal sum = BigDecimal.ZERO;
        Matcher decorator = TEST_CASE.matcher(text);
        while (decorator.find()) {
            Matcher p = CASE_POINTS.matcher(decorator.group(1) == null ? "" : decorator.group(1));
            if (p.find()) {
                sum = sum.add(new BigDecimal(p.group(1)));
            }
        }
        return sum.signum() > 0 ? sum : BigDecimal.ONE;
    }

    static String exceptionRunner(String question, String file) {
        return """
                # Otter-Grader question %1$s: otter_tests/%2$s as its author wrote it (exception-based format); each
                # @test_case runs with its parameters taken from the student's notebook, on the tests' side (lectern_otter).
                import os
                import pytest
                import lectern_otter

                PATH = os.path.join(os.path.dirname(__file__), "otter_tests", "%2$s")

                @pytest.mark.parametrize("case", lectern_otter.exception_cases(PATH))
                def test_%1$s(case):
                    lectern_otter.run_exception_case(PATH, case)
                """.formatted(question, file);
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
