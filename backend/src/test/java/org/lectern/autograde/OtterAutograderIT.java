package org.lectern.autograde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.assignment.AssignmentService;
import org.lectern.identity.Account;
import org.lectern.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Otter-Grader end to end (real sandbox, real PostgreSQL): OK-format test files as `otter assign` writes them, and a
 * student notebook in Otter's shape (`import otter`, `grader = otter.Notebook(...)`, a `grader.check("q1")` cell per
 * question, `grader.check_all()`), graded without rewriting either.
 */
@BackendTest
class OtterAutograderIT {

    static final String Q1 = """
            OK_FORMAT = True

            test = {   'name': 'q1',
                'points': 2,
                'suites': [   {   'cases': [   {'code': '>>> square(3)\\n9', 'hidden': False, 'locked': False},
                                               {'code': '>>> np.isclose(square(1.5), 2.25)\\nTrue', 'hidden': False, 'locked': False},
                                               {'code': '>>> all(square(v) >= 0 for v in range(-3, 3))\\nTrue', 'hidden': False, 'locked': False},
                                               {'code': '>>> square(-4) == 16\\nTrue', 'hidden': True, 'locked': False}],
                                  'scored': True,
                                  'setup': '',
                                  'teardown': '',
                                  'type': 'doctest'}]}
            """;
    static final String Q2 = """
            OK_FORMAT = True

            test = {   'name': 'q2',
                'points': 1,
                'suites': [   {   'cases': [{'code': '>>> mean_value\\n2.5', 'hidden': False, 'locked': False}],
                                  'scored': True,
                                  'setup': '',
                                  'teardown': '',
                                  'type': 'doctest'}]}
            """;

    /** Otter's exception-based format, as `otter assign` writes it: the question's points shared by its two cases. */
    static final String Q1_EXCEPTIONS = """
            from otter.test_files import test_case

            OK_FORMAT = False

            name = "q1"
            points = 2

            @test_case(points=None, hidden=False)
            def test_square(square):
                assert square(3) == 9

            @test_case(points=None, hidden=True, failure_message="square(-4) should be 16")
            def test_negative(square):
                assert square(-4) == 16
            """;
    /** Cases with their own points (1 and 2), one reading the notebook's globals through `env`. */
    static final String Q2_EXCEPTIONS = """
            from otter.test_files import test_case
            import numpy as np

            OK_FORMAT = False

            name = "q2"

            @test_case(points=1)
            def test_mean(mean_value):
                assert np.isclose(mean_value, 2.5)

            @test_case(points=2, hidden=True)
            def test_env(env):
                assert "mean_value" in env and env["mean_value"] == 2.5
            """;

    @Autowired Coursework coursework;
    @Autowired SubmissionService submissions;
    @Autowired AutogradeService autograde;
    @Autowired AssignmentService assignments;

    /** A notebook of code and Markdown cells, as Jupyter saves it. */
    static byte[] notebook(String... cells) {
        String json = List.of(cells).stream().map(c -> {
            boolean markdown = c.startsWith("**");
            return "{\"cell_type\": \"" + (markdown ? "markdown" : "code") + "\", \"metadata\": {}, "
                    + (markdown ? "" : "\"execution_count\": null, \"outputs\": [], ") + "\"source\": " + string(c) + "}";
        }).collect(Collectors.joining(",\n", "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {\"kernelspec\": "
                + "{\"name\": \"python3\", \"language\": \"python\", \"display_name\": \"Python 3\"}}, \"cells\": [", "]}"));
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static byte[] studentNotebook(String q1, String q2) {
        return notebook(
                "# Initialize Otter\nimport otter\ngrader = otter.Notebook(\"hw01.ipynb\")",
                "**Question 1.** Write `square(x)`.",
                q1,
                "grader.check(\"q1\")",
                "**Question 2.** Compute the mean of 1, 2, 3, 4 as `mean_value`.",
                q2,
                "grader.check(\"q2\")",
                "grader.check_all()");
    }

    private RunView awaitFinished(Account who, long submissionId) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(who, () -> autograde.results(submissionId)), RunView::finished);
    }

    @Test
    void okFormatTestsGradeAnOtterNotebookAndAHostileNotebookCannotPassThem() throws Exception {
        var s = coursework.setup(false);
        byte[] tests = Coursework.zip("tests/__init__.py", "", "tests/q1.py", Q1, "tests/q2.py", Q2);
        as(s.instructor(), () -> assignments.uploadOtterAutograder(s.assignment().id(), tests));

        long good = as(s.student(), () -> submissions.submit(s.assignment().id(), "hw01.ipynb", studentNotebook(
                "import numpy as np\n\ndef square(x):\n    return x * x", "mean_value = np.mean([1, 2, 3, 4])"))).submissionId();
        RunView staff = awaitFinished(s.ta(), good);
        assertThat(staff.problem()).as(staff.toString()).isNull();
        assertThat(staff.publicEarned()).as(staff.toString()).isEqualByComparingTo("3");
        assertThat(staff.publicResults()).extracting(TestResult::testName).contains("test_otter_q1.py::test_q1[case4]");
        RunView student = as(s.student(), () -> autograde.results(good));
        assertThat(student.publicResults()).extracting(TestResult::testName).doesNotContain("test_otter_q1.py::test_q1[case4]");

        // Objects that claim to be the answer, a numpy whose isclose always agrees, and == that always holds.
        long hostile = as(s.otherStudent(), () -> submissions.submit(s.assignment().id(), "hw01.ipynb", studentNotebook("""
                import numpy as np

                class Always:
                    def __repr__(self):
                        return "9"
                    def __eq__(self, other):
                        return True

                def square(x):
                    return Always()

                class FakeNumpy:
                    def isclose(self, a, b):
                        return True

                np = FakeNumpy()
                len = lambda x: 9
                """, "mean_value = Always()"))).submissionId();
        RunView forged = awaitFinished(s.ta(), hostile);
        assertThat(forged.publicEarned()).as(forged.toString()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void exceptionFormatTestsGradeAnOtterNotebookAndAHostileNotebookCannotPassThem() throws Exception {
        var s = coursework.setup(false);
        byte[] tests = Coursework.zip("tests/q1.py", Q1_EXCEPTIONS, "tests/q2.py", Q2_EXCEPTIONS);
        as(s.instructor(), () -> assignments.uploadOtterAutograder(s.assignment().id(), tests));

        long good = as(s.student(), () -> submissions.submit(s.assignment().id(), "hw01.ipynb", studentNotebook(
                "import numpy as np\n\ndef square(x):\n    return x * x", "mean_value = np.mean([1, 2, 3, 4])"))).submissionId();
        RunView staff = awaitFinished(s.ta(), good);
        assertThat(staff.problem()).as(staff.toString()).isNull();
        // q1's 2 points and q2's 1 + 2.
        assertThat(staff.publicEarned()).as(staff.toString()).isEqualByComparingTo("5");
        assertThat(staff.publicResults()).extracting(TestResult::testName)
                .contains("test_otter_q1.py::test_q1[test_square]", "test_otter_q1.py::test_q1[test_negative]",
                        "test_otter_q2.py::test_q2[test_env]");
        RunView student = as(s.student(), () -> autograde.results(good));
        assertThat(student.publicResults()).extracting(TestResult::testName)
                .contains("test_otter_q1.py::test_q1[test_square]")
                .doesNotContain("test_otter_q1.py::test_q1[test_negative]", "test_otter_q2.py::test_q2[test_env]");

        // A wrong answer fails with the case's own message; objects that claim to be the answer pass nothing.
        long hostile = as(s.otherStudent(), () -> submissions.submit(s.assignment().id(), "hw01.ipynb", studentNotebook("""
                class Always:
                    def __repr__(self):
                        return "9"
                    def __eq__(self, other):
                        return True

                def square(x):
                    return Always()
                """, "mean_value = Always()"))).submissionId();
        RunView forged = awaitFinished(s.ta(), hostile);
        assertThat(forged.publicEarned()).as(forged.toString()).isEqualByComparingTo(BigDecimal.ZERO);
        long wrong = as(s.student(), () -> submissions.submit(s.assignment().id(), "hw01.ipynb", studentNotebook(
                "def square(x):\n    return x * abs(x)", "mean_value = 2.5"))).submissionId();
        RunView partly = awaitFinished(s.ta(), wrong);
        assertThat(partly.publicEarned()).as(partly.toString()).isEqualByComparingTo("4");
        assertThat(partly.publicResults()).filteredOn(r -> r.testName().endsWith("[test_negative]"))
                .singleElement().extracting(TestResult::message).asString().contains("square(-4) should be 16");
    }
}
