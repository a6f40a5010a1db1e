package org.lectern.grading;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-test visibility and gradescope_utils' decorators in plain pytest and unittest files, end to end: real pytest
 * in the real sandbox, the decorators imported unchanged from {@code gradescope_utils.autograder_utils.decorators}.
 */
class GradescopeDecoratorsTest {

    private static final SandboxLimits LIMITS = SandboxLimits.DEFAULT.withWallSeconds(30).withCpuSeconds(20);

    @TempDir
    Path job;

    @BeforeAll
    static void requireSandbox() {
        assumeTrue(Sandbox.available(), () -> "sandbox unavailable: " + Sandbox.unavailableReason());
    }

    private static TestFile test(String name, double points, String source) {
        return new TestFile(name, source.getBytes(StandardCharsets.UTF_8), points);
    }

    @Test
    @Timeout(value = 60, unit = SECONDS)
    void gradescopeStyleUnittestFileImportsUnchangedAndKeepsWeightsVisibilityNumbersAndPartialCredit() throws Exception {
        Files.writeString(job.resolve("submission.py"), """
                def add(a, b):
                    return a + b

                def close_to_pi():
                    return 3.1
                """);
        // As a Gradescope course writes them (gradescope/autograder_samples, python/src/tests).
        TestFile tests = test("test_gradescope.py", 10, """
                import unittest
                from gradescope_utils.autograder_utils.decorators import weight, visibility, number, partial_credit
                from submission import add, close_to_pi

                class TestAdd(unittest.TestCase):
                    @weight(2)
                    @number("1.1")
                    def test_small(self):
                        self.assertEqual(add(1, 2), 3)

                    @weight(3)
                    @number("1.2")
                    @visibility("after_due_date")
                    def test_big(self):
                        self.assertEqual(add(10**6, 1), 1000001)

                    @partial_credit(5)
                    @visibility("hidden")
                    def test_pi(self, set_score=None):
                        error = abs(close_to_pi() - 3.14159)
                        set_score(5 if error < 0.01 else 2 if error < 0.1 else 0)
                        self.assertLess(error, 0.01)
                """);

        GradingReport report = new PytestHarness(new Sandbox(), LIMITS).run(job, List.of(tests));

        assertThat(report.problem()).as(report.log()).isNull();
        assertThat(report.tests())
                .extracting(TestOutcome::name, TestOutcome::outcome, TestOutcome::pointsEarned, TestOutcome::pointsPossible,
                        TestOutcome::visibility, TestOutcome::number)
                .containsExactly(
                        tuple("test_gradescope.py::TestAdd::test_big", "passed", 3.0, 3.0, TestVisibility.AFTER_DUE_DATE, "1.2"),
                        tuple("test_gradescope.py::TestAdd::test_pi", "failed", 2.0, 5.0, TestVisibility.HIDDEN, null),
                        tuple("test_gradescope.py::TestAdd::test_small", "passed", 2.0, 2.0, null, "1.1"));
        assertThat(report.earned()).isEqualTo(7.0);
    }

    @Test
    @Timeout(value = 60, unit = SECONDS)
    void pytestFunctionsTakeVisibilityMarkersAndPartialCreditWithoutAFixtureNamedSetScore() throws Exception {
        Files.writeString(job.resolve("submission.py"), "def f(x):\n    return 2 * x\n");
        TestFile tests = test("test_marked.py", 4, """
                import pytest
                from gradescope_utils.autograder_utils.decorators import partial_credit, hide_errors
                from submission import f

                pytestmark = pytest.mark.visibility("after_published")

                def test_module_default():
                    assert f(1) == 2

                @pytest.mark.visibility("visible")
                def test_shown_now():
                    assert f(2) == 4

                @pytest.mark.visibility("hiden")
                def test_typo_is_hidden():
                    assert f(3) == 6

                @partial_credit(1)
                @hide_errors("f(10) is not right yet")
                def test_half(set_score):
                    set_score(0.5)
                    assert f(10) == 21, "the secret expected value is 21"
                """);

        GradingReport report = new PytestHarness(new Sandbox(), LIMITS).run(job, List.of(tests));

        assertThat(report.problem()).as(report.log()).isNull();
        assertThat(report.tests())
                .extracting(TestOutcome::name, TestOutcome::pointsEarned, TestOutcome::visibility)
                .containsExactly(
                        tuple("test_marked.py::test_module_default", 1.0, TestVisibility.AFTER_PUBLISHED),
                        tuple("test_marked.py::test_shown_now", 1.0, TestVisibility.VISIBLE),
                        tuple("test_marked.py::test_typo_is_hidden", 1.0, TestVisibility.HIDDEN),
                        tuple("test_marked.py::test_half", 0.5, TestVisibility.AFTER_PUBLISHED));
        TestOutcome half = report.tests().get(3);
        assertThat(half.message()).isEqualTo("f(10) is not right yet");
        assertThat(half.brief()).isEqualTo("f(10) is not right yet");
    }

    @Test
    @Timeout(value = 60, unit = SECONDS)
    void aStudentsOwnGradescopeUtilsModuleCannotReplaceTheDecorators() throws Exception {
        // Hostile: the student hands in a gradescope_utils package whose weight() would make a failing test pass.
        Files.createDirectories(job.resolve("gradescope_utils/autograder_utils"));
        Files.writeString(job.resolve("gradescope_utils/__init__.py"), "");
        Files.writeString(job.resolve("gradescope_utils/autograder_utils/__init__.py"), "");
        Files.writeString(job.resolve("gradescope_utils/autograder_utils/decorators.py"), """
                def weight(n):
                    def wrap(f):
                        def passes(*a, **k):
                            return None
                        passes.__visibility__ = "visible"
                        return passes
                    return wrap
                visibility = number = weight
                """);
        Files.writeString(job.resolve("submission.py"), "def f():\n    return 0\n");
        TestFile tests = test("test_f.py", 1, """
                from gradescope_utils.autograder_utils.decorators import weight, visibility
                from submission import f

                @weight(1)
                @visibility("hidden")
                def test_f():
                    assert f() == 1
                """);

        GradingReport report = new PytestHarness(new Sandbox(), LIMITS).run(job, List.of(tests));

        assertThat(report.tests()).extracting(TestOutcome::outcome, TestOutcome::pointsEarned, TestOutcome::visibility)
                .containsExactly(tuple("failed", 0.0, TestVisibility.HIDDEN));
    }
}
