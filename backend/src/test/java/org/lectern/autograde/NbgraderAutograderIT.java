package org.lectern.autograde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.assignment.AssignmentService;
import org.lectern.identity.Account;
import org.lectern.platform.InvalidInputException;
import org.lectern.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * nbgrader end to end (real sandbox, real PostgreSQL), on the shape of nbgrader's own example problem set
 * (jupyter/nbgrader, docs/source/user_guide/source/ps1/problem1.ipynb: `squares(n)` with a solution region, a test
 * cell and a test cell with hidden tests): the tests come from the instructor's source notebook, never from the
 * student's copy.
 */
@BackendTest
class NbgraderAutograderIT {

    static final String SOLUTION = """
            def squares(n):
                \"\"\"Compute the squares of numbers from 1 to n.\"\"\"
                ### BEGIN SOLUTION
                if n < 1:
                    raise ValueError("n must be greater than or equal to 1")
                return [i ** 2 for i in range(1, n + 1)]
                ### END SOLUTION""";
    static final String TEST_CORRECT = """
            \"\"\"Check that squares returns the correct output for several inputs\"\"\"
            assert squares(1) == [1]
            assert squares(2) == [1, 4]""";
    static final String TEST_INVALID = """
            \"\"\"Check that squares raises an error for invalid inputs\"\"\"
            try:
                squares(0)
            except ValueError:
                pass
            else:
                raise AssertionError("did not raise")
            ### BEGIN HIDDEN TESTS
            assert squares(10) == [1, 4, 9, 16, 25, 36, 49, 64, 81, 100]
            ### END HIDDEN TESTS""";

    @Autowired Coursework coursework;
    @Autowired SubmissionService submissions;
    @Autowired AutogradeService autograde;
    @Autowired AssignmentService assignments;

    record C(String source, String nbgrader) {
    }

    static C markdown(String text) {
        return new C("**" + text, null);
    }

    static C answer(String id, String source) {
        return new C(source, "{\"grade\": false, \"grade_id\": \"" + id + "\", \"locked\": false, \"schema_version\": 3, \"solution\": true}");
    }

    static C test(String id, int points, String source) {
        return new C(source, "{\"grade\": true, \"grade_id\": \"" + id + "\", \"locked\": true, \"points\": " + points
                + ", \"schema_version\": 3, \"solution\": false}");
    }

    static byte[] notebook(C... cells) {
        String json = List.of(cells).stream().map(c -> {
            boolean md = c.source().startsWith("**");
            String meta = c.nbgrader() == null ? "{}" : "{\"nbgrader\": " + c.nbgrader() + "}";
            return "{\"cell_type\": \"" + (md ? "markdown" : "code") + "\", \"metadata\": " + meta + ", "
                    + (md ? "" : "\"execution_count\": null, \"outputs\": [], ") + "\"source\": " + string(c.source()) + "}";
        }).collect(Collectors.joining(",\n", "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {\"kernelspec\": "
                + "{\"name\": \"python3\", \"language\": \"python\", \"display_name\": \"Python 3\"}}, \"cells\": [", "]}"));
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private RunView awaitFinished(Account who, long submissionId) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(who, () -> autograde.results(submissionId)), RunView::finished);
    }

    @Test
    void testCellsFromTheInstructorsNotebookGradeTheStudentsAnswerCells() {
        var s = coursework.setup(false);
        byte[] source = notebook(markdown("For this problem set, write squares(n)."), answer("squares", SOLUTION),
                test("correct_squares", 1, TEST_CORRECT), test("squares_invalid_input", 2, TEST_INVALID));
        as(s.instructor(), () -> assignments.uploadNbgraderAutograder(s.assignment().id(), source));

        // The released copy: the solution region replaced by the student's answer (no check for n < 1), the visible test
        // cell as handed out but changed by the student to pass anything, the hidden tests stripped.
        byte[] handedIn = notebook(markdown("For this problem set, write squares(n)."),
                answer("squares", "def squares(n):\n    return [i ** 2 for i in range(1, n + 1)]"),
                test("correct_squares", 1, "assert squares(1) == [1]\nassert False, 'the student copy of a test cell never runs'"),
                test("squares_invalid_input", 2, "pass"));
        long id = as(s.student(), () -> submissions.submit(s.assignment().id(), "problem1.ipynb", handedIn)).submissionId();

        RunView staff = awaitFinished(s.ta(), id);
        assertThat(staff.problem()).as(staff.toString()).isNull();
        assertThat(staff.publicResults()).extracting(TestResult::testName, TestResult::passed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("test_nbgrader.py::test_cell[correct_squares]", true),
                org.assertj.core.groups.Tuple.tuple("test_nbgrader.py::test_cell[squares_invalid_input]", false));
        assertThat(staff.publicEarned()).isEqualByComparingTo("1");
        assertThat(staff.publicPossible()).isEqualByComparingTo("3");
        RunView student = as(s.student(), () -> autograde.results(id));
        assertThat(student.publicResults()).extracting(TestResult::testName)
                .containsExactly("test_nbgrader.py::test_cell[correct_squares]");
    }

    @Test
    void aNotebookWithoutTestCellsIsRefused() {
        var s = coursework.setup(false);
        assertThatThrownBy(() -> as(s.instructor(), () -> assignments.uploadNbgraderAutograder(s.assignment().id(),
                notebook(answer("squares", SOLUTION))))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no nbgrader test cells");
    }
}
