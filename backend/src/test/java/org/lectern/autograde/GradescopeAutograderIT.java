package org.lectern.autograde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.assignment.AssignmentService;
import org.lectern.assignment.GradingMaterials;
import org.lectern.identity.Account;
import org.lectern.platform.InvalidInputException;
import org.lectern.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Gradescope autograder zip end to end (real sandbox, real PostgreSQL), modelled on gradescope/autograder_samples'
 * python example (a calculator with unittest tests using gradescope_utils' decorators).
 */
@BackendTest
class GradescopeAutograderIT {

    static final String TESTS = """
            import unittest
            from gradescope_utils.autograder_utils.decorators import weight, visibility, number
            from calculator import Calculator


            class TestSimpleArithmetic(unittest.TestCase):
                def setUp(self):
                    self.calc = Calculator()

                @weight(1)
                @number("1.1")
                def test_eval_add(self):
                    \"\"\"Evaluate 1 + 1\"\"\"
                    self.assertEqual(self.calc.eval("1 + 1"), 2)

                @weight(2)
                @number("1.2")
                @visibility("after_due_date")
                def test_eval_sub(self):
                    self.assertEqual(self.calc.eval("2 - 1"), 1)
            """;
    static final String CORRECT = """
            class Calculator:
                def eval(self, text):
                    a, op, b = text.split()
                    return int(a) + int(b) if op == "+" else int(a) - int(b)
            """;
    /** Writes a full-marks results.json wherever Gradescope or Lectern might read one, and writes to fd 3. */
    static final String HOSTILE = """
            import json, os
            FORGED = {"score": 100, "tests": [{"name": "test_eval_add", "score": 100, "max_score": 1, "status": "passed"}]}
            for target in ["/autograder/results/results.json", "results.json", "/job/results.json", "/tmp/results.json",
                           "/job/.lectern/results.json"]:
                try:
                    os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
                    with open(target, "w") as f:
                        json.dump(FORGED, f)
                except Exception:
                    pass
            for fd in (1, 2, 3, 4, 5):
                try:
                    os.write(fd, b'{"type": "test", "nodeid": "test_simple.py::TestSimpleArithmetic::test_eval_add", '
                                 b'"outcome": "passed", "score": 1}\\n{"type": "done", "exitstatus": 0}\\n')
                except OSError:
                    pass

            class Calculator:
                def eval(self, text):
                    return 0
            """;

    @Autowired Coursework coursework;
    @Autowired SubmissionService submissions;
    @Autowired AutogradeService autograde;
    @Autowired AssignmentService assignments;
    @Autowired GradingMaterials materials;

    static byte[] gradescopeZip(String setup) {
        return zip(
                "setup.sh", setup,
                "run_autograder", "#!/usr/bin/env bash\ncp /autograder/submission/calculator.py /autograder/source/calculator.py\n"
                        + "cd /autograder/source\npython3 run_tests.py\n",
                "run_tests.py", """
                        import unittest
                        from gradescope_utils.autograder_utils.json_test_runner import JSONTestRunner
                        if __name__ == '__main__':
                            suite = unittest.defaultTestLoader.discover('tests')
                            with open('/autograder/results/results.json', 'w') as fout:
                                JSONTestRunner(visibility='visible', stream=fout).run(suite)
                        """,
                "requirements.txt", "gradescope-utils>=0.3.1\nsubprocess32\n",
                "tests/__init__.py", "",
                "tests/test_simple.py", TESTS);
    }

    private static byte[] zip(String... namesAndContents) {
        try {
            return Coursework.zip(namesAndContents);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RunView awaitFinished(Account who, long submissionId) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(who, () -> autograde.results(submissionId)), RunView::finished);
    }

    @Test
    void aGradescopeZipGradesWithItsWeightsAndAHostileSubmissionCannotForgeResults() {
        var s = coursework.setup(false);
        var saved = as(s.instructor(), () -> assignments.uploadGradescopeAutograder(s.assignment().id(), gradescopeZip(
                "#!/usr/bin/env bash\napt-get install -y python3 python3-pip python3-dev\n"
                        + "pip3 install -r /autograder/source/requirements.txt\n")));
        assertThat(saved.autograder().possible(org.lectern.assignment.Visibility.PUBLIC)).isEqualByComparingTo("3");
        assertThat(saved.notes()).anySatisfy(n -> assertThat(n).contains("run_autograder is not run"));

        long good = as(s.student(), () -> submissions.submit(s.assignment().id(), "calculator.py",
                CORRECT.getBytes(StandardCharsets.UTF_8))).submissionId();
        RunView staffView = awaitFinished(s.ta(), good);
        assertThat(staffView.publicEarned()).as(staffView.toString()).isEqualByComparingTo("3");
        assertThat(staffView.publicResults()).extracting(TestResult::number).containsExactly("1.1", "1.2");
        RunView studentView = as(s.student(), () -> autograde.results(good));
        assertThat(studentView.publicResults()).extracting(TestResult::testName)
                .containsExactly("test_simple.py::TestSimpleArithmetic::test_eval_add");

        long hostile = as(s.otherStudent(), () -> submissions.submit(s.assignment().id(), "calculator.py",
                HOSTILE.getBytes(StandardCharsets.UTF_8))).submissionId();
        RunView forged = awaitFinished(s.ta(), hostile);
        assertThat(forged.publicEarned()).as(forged.toString()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(forged.publicResults()).extracting(TestResult::passed).containsOnly(false);
    }

    @Test
    void setupNeedsTheWorkersCannotMeetAreRefusedWithTheListAndNothingIsSaved() {
        var s = coursework.setup(false);
        assertThatThrownBy(() -> as(s.instructor(), () -> assignments.uploadGradescopeAutograder(s.assignment().id(),
                gradescopeZip("apt-get install -y openjdk-17-jdk\npip3 install tensorflow==2.15\nwget https://example.org/x.tgz\n"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("openjdk-17-jdk").hasMessageContaining("tensorflow").hasMessageContaining("wget");
        assertThat(materials.currentAutograder(s.assignment().id())).isEmpty();
    }

    @Test
    void onlyTheInstructorUploadsAGradescopeZip() {
        var s = coursework.setup(false);
        assertThatThrownBy(() -> as(s.ta(), () -> assignments.uploadGradescopeAutograder(s.assignment().id(), gradescopeZip(""))))
                .isInstanceOf(org.lectern.platform.ForbiddenException.class);
    }
}
