package org.lectern.autograde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.TestClock;
import org.lectern.assignment.AssignmentService;
import org.lectern.assignment.TestFileUpload;
import org.lectern.assignment.Visibility;
import org.lectern.grading.TestVisibility;
import org.lectern.identity.Account;
import org.lectern.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Per-test visibility end to end (real sandbox, real PostgreSQL): a test marked hidden, after_due_date or
 * after_published inside a public file is left out of a student's view (name, output and points) until its time.
 */
@BackendTest
class TestVisibilityIT {

    static final String MIXED = """
            import pytest
            import numpy as np
            from gradescope_utils.autograder_utils.decorators import visibility, weight
            from submission import relu

            def test_positive():
                assert relu(np.array([1.0, 2.0])).tolist() == [1.0, 2.0]

            @pytest.mark.visibility("after_due_date")
            def test_after_due_secret():
                assert relu(np.array([-1.0])).tolist() == [0.0]

            @pytest.mark.visibility("after_published")
            def test_after_published_secret():
                assert relu(np.array([3.0])).tolist() == [3.0]

            @weight(1)
            @visibility("hidden")
            def test_hidden_secret():
                assert relu(np.array([-2.0])).tolist() == [0.0], "the hidden input was -2"
            """;

    @Autowired Coursework coursework;
    @Autowired SubmissionService submissions;
    @Autowired AutogradeService autograde;
    @Autowired AssignmentService assignments;
    @Autowired TestClock clock;
    @Autowired org.lectern.assignment.GradingMaterials materials;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private RunView awaitFinished(Account who, long submissionId) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(who, () -> autograde.results(submissionId)), RunView::finished);
    }

    @Test
    void aStudentSeesEachTestOnlyFromItsTimeOnAndAHiddenTestNever() {
        var s = coursework.setup(false);
        as(s.instructor(), () -> assignments.uploadAutograder(s.assignment().id(), List.of(
                new TestFileUpload("test_mixed.py", MIXED.getBytes(StandardCharsets.UTF_8), Visibility.PUBLIC, BigDecimal.valueOf(8)),
                new TestFileUpload("test_private.py", Coursework.PRIVATE_TEST.getBytes(StandardCharsets.UTF_8), Visibility.PRIVATE,
                        BigDecimal.valueOf(2)))));
        // np.abs: passes the positive tests, fails the negative ones (the after-due and the hidden test)
        long id = as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.halfRight())).submissionId();

        RunView before = awaitFinished(s.student(), id);
        assertThat(before.publicResults()).extracting(TestResult::testName).containsExactly("test_mixed.py::test_positive");
        assertThat(before.publicEarned()).isEqualByComparingTo("2");
        assertThat(before.publicPossible()).isEqualByComparingTo("2");
        assertThat(before.privatePossible()).as("withheld points are pending").isEqualByComparingTo("8");
        assertThat(before.toString()).doesNotContain("secret").doesNotContain("hidden input");

        RunView staff = as(s.ta(), () -> autograde.results(id));
        assertThat(staff.publicResults()).extracting(TestResult::testName, TestResult::shown).containsExactly(
                org.assertj.core.groups.Tuple.tuple("test_mixed.py::test_positive", null),
                org.assertj.core.groups.Tuple.tuple("test_mixed.py::test_after_due_secret", TestVisibility.AFTER_DUE_DATE),
                org.assertj.core.groups.Tuple.tuple("test_mixed.py::test_after_published_secret", TestVisibility.AFTER_PUBLISHED),
                org.assertj.core.groups.Tuple.tuple("test_mixed.py::test_hidden_secret", TestVisibility.HIDDEN));
        assertThat(staff.publicEarned()).isEqualByComparingTo("4");

        clock.advance(Duration.ofDays(8)); // past the due date
        RunView pastDue = as(s.student(), () -> autograde.results(id));
        assertThat(pastDue.publicResults()).extracting(TestResult::testName)
                .containsExactly("test_mixed.py::test_positive", "test_mixed.py::test_after_due_secret");
        assertThat(pastDue.publicEarned()).isEqualByComparingTo("2");
        assertThat(pastDue.publicPossible()).isEqualByComparingTo("4");
        assertThat(pastDue.toString()).doesNotContain("published_secret").doesNotContain("hidden");

        as(s.instructor(), () -> assignments.releaseGrades(s.assignment().id(), true));
        RunView released = as(s.student(), () -> autograde.results(id));
        assertThat(released.publicResults()).extracting(TestResult::testName).containsExactly("test_mixed.py::test_positive",
                "test_mixed.py::test_after_due_secret", "test_mixed.py::test_after_published_secret");
        assertThat(released.privateResults()).extracting(TestResult::testName).containsExactly("test_private.py::test_matrix_secret_case");
        assertThat(released.toString()).doesNotContain("test_hidden_secret").doesNotContain("hidden input");
        assertThat(released.total()).as("the hidden test's points count").isEqualByComparingTo("4");
        assertThat(released.totalPossible()).isEqualByComparingTo("10");
    }

    @Test
    void theManifestNarrowsATestsVisibilityButNeverWidensIt() {
        var s = coursework.setup(false);
        as(s.instructor(), () -> assignments.uploadAutograder(s.assignment().id(), List.of(
                new TestFileUpload("test_mixed.py", MIXED.getBytes(StandardCharsets.UTF_8), Visibility.PUBLIC, BigDecimal.valueOf(8))),
                null, null, java.util.Map.of(
                        "test_mixed.py::test_positive", TestVisibility.AFTER_DUE_DATE, // narrows "visible"
                        "test_mixed.py::test_hidden_secret", TestVisibility.VISIBLE))); // may not widen "hidden"
        long id = as(s.student(), () -> submissions.submit(s.assignment().id(), "a1.ipynb", Coursework.halfRight())).submissionId();

        RunView before = awaitFinished(s.student(), id);
        assertThat(before.publicResults()).isEmpty();
        assertThat(before.toString()).doesNotContain("test_positive").doesNotContain("secret");

        clock.advance(Duration.ofDays(8));
        RunView pastDue = as(s.student(), () -> autograde.results(id));
        assertThat(pastDue.publicResults()).extracting(TestResult::testName)
                .containsExactly("test_mixed.py::test_positive", "test_mixed.py::test_after_due_secret");
        as(s.instructor(), () -> assignments.releaseGrades(s.assignment().id(), true));
        assertThat(as(s.student(), () -> autograde.results(id)).toString()).doesNotContain("test_hidden_secret");
    }

    @Test
    void aManifestVisibilityMustNameATestOfAnUploadedFile() {
        var s = coursework.setup(false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> as(s.instructor(), () -> assignments.uploadAutograder(
                        s.assignment().id(), List.of(new TestFileUpload("test_mixed.py", MIXED.getBytes(StandardCharsets.UTF_8),
                                Visibility.PUBLIC, BigDecimal.valueOf(8))),
                        null, null, java.util.Map.of("test_other.py::test_positive", TestVisibility.HIDDEN))))
                .isInstanceOf(org.lectern.platform.InvalidInputException.class).hasMessageContaining("test_other.py::test_positive");
        assertThat(materials.currentAutograder(s.assignment().id())).isEmpty();
    }
}
