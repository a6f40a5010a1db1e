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
}
