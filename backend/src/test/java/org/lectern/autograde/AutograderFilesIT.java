package org.lectern.autograde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.assignment.Autograder;
import org.lectern.assignment.AssignmentService;
import org.lectern.assignment.FileRole;
import org.lectern.assignment.PrivateFeedback;
import org.lectern.assignment.TestFileUpload;
import org.lectern.assignment.Visibility;
import org.lectern.identity.Account;
import org.lectern.submission.Receipt;
import org.lectern.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;

/** Autograders as courses write them: conftest, helper packages, data on either side; and what private tests show. */
@BackendTest
class AutograderFilesIT {

    @Autowired Coursework coursework;
    @Autowired SubmissionService submissions;
    @Autowired AutogradeService autograde;
    @Autowired AssignmentService assignments;

    private static final String SECRET_TEST = """
            import numpy as np
            from submission import relu

            def test_hidden_case():
                hidden_input_SOURCE_LINE = np.array([-7.25, 4.5])
                assert relu(hidden_input_SOURCE_LINE).tolist() == [0.0, 4.5], "relu must clip negatives to zero"
            """;

    private static TestFileUpload file(String name, String content, FileRole role) {
        return new TestFileUpload(name, content.getBytes(StandardCharsets.UTF_8), null, null, role);
    }

    private static TestFileUpload test(String name, String content, Visibility visibility, int points) {
        return new TestFileUpload(name, content.getBytes(StandardCharsets.UTF_8), visibility, BigDecimal.valueOf(points));
    }

    private RunView awaitFinished(Account who, long submissionId) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(who, () -> autograde.results(submissionId)), RunView::finished);
    }

    @Test
    void conftestHelperPackageAndDataFilesOnBothSidesAreAcceptedAndUsed() {
        var s = coursework.setup(false);
        List<TestFileUpload> files = List.of(
                test("test_with_helpers.py", """
                        import numpy as np
                        from checks.compare import close
                        from submission import relu, scale_from_file

                        def test_relu(expected):
                            assert close(relu(np.array([-1.0, 2.0])), expected)

                        def test_student_data():
                            assert scale_from_file() == 42.0
                        """, Visibility.PUBLIC, 4),
                file("conftest.py", """
                        import json, pathlib
                        import pytest

                        @pytest.fixture
                        def expected():
                            return json.loads((pathlib.Path(__file__).parent / "data" / "expected.json").read_text())
                        """, FileRole.SUPPORT),
                file("checks/__init__.py", "", FileRole.SUPPORT),
                file("checks/compare.py", """
                        import numpy as np

                        def close(actual, expected):
                            return np.allclose(actual, expected)
                        """, FileRole.SUPPORT),
                file("data/expected.json", "[0.0, 2.0]", FileRole.SUPPORT),
                file("inputs/factor.txt", "21\n", FileRole.STUDENT));
        Autograder saved = as(s.instructor(), () -> assignments.uploadAutograder(s.assignment().id(), files));
        assertThat(saved.possible(Visibility.PUBLIC)).isEqualByComparingTo("4");
        assertThat(saved.tests()).extracting(Autograder.TestFile::fileName, Autograder.TestFile::role)
                .contains(org.assertj.core.groups.Tuple.tuple("conftest.py", FileRole.SUPPORT),
                        org.assertj.core.groups.Tuple.tuple("inputs/factor.txt", FileRole.STUDENT));

        Receipt r = as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.notebook("""
                def relu(x):
                    return np.maximum(x, 0)

                def scale_from_file():
                    with open("inputs/factor.txt") as f:
                        return 2.0 * float(f.read())
                """)));
        RunView v = awaitFinished(s.student(), r.submissionId());

        assertThat(v.problem()).isNull();
        assertThat(v.publicResults()).extracting(TestResult::testName, TestResult::passed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("test_with_helpers.py::test_relu", true),
                org.assertj.core.groups.Tuple.tuple("test_with_helpers.py::test_student_data", true));
        assertThat(v.publicEarned()).isEqualByComparingTo("4");
    }

    @Test
    void aFailingPrivateTestShowsStudentsOnlyWhatTheInstructorChose() {
        for (PrivateFeedback choice : PrivateFeedback.values()) {
            var s = coursework.setup(false);
            as(s.instructor(), () -> assignments.uploadAutograder(s.assignment().id(), List.of(
                    test("test_public.py", Coursework.PUBLIC_TEST, Visibility.PUBLIC, 4),
                    test("test_private.py", SECRET_TEST, Visibility.PRIVATE, 6)), null, choice));
            Receipt r = as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.halfRight()));
            awaitFinished(s.student(), r.submissionId());
            as(s.instructor(), () -> assignments.releaseGrades(s.assignment().id(), true));

            RunView student = as(s.student(), () -> autograde.results(r.submissionId()));
            RunView staff = as(s.ta(), () -> autograde.results(r.submissionId()));

            TestResult seen = student.privateResults().getFirst();
            assertThat(seen.passed()).isFalse();
            assertThat(staff.privateResults().getFirst().message()).contains("hidden_input_SOURCE_LINE");
            switch (choice) {
                case NOTHING -> assertThat(seen.message()).as(choice.name()).isEmpty();
                case MESSAGE -> assertThat(seen.message()).as(choice.name())
                        .isEqualTo("AssertionError: relu must clip negatives to zero");
                case FULL -> assertThat(seen.message()).as(choice.name()).contains("hidden_input_SOURCE_LINE");
            }
            if (choice != PrivateFeedback.FULL) {
                assertThat(student.toString()).as(choice.name()).doesNotContain("hidden_input_SOURCE_LINE")
                        .doesNotContain("-7.25");
            }
            // Public tests keep their full report.
            assertThat(student.publicResults().get(1).message()).contains("assert");
        }
    }
}
