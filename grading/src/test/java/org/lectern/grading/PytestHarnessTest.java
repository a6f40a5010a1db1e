package org.lectern.grading;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The harness end to end: real pytest in the real sandbox. */
class PytestHarnessTest {

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

    private void student(String name, String source) throws Exception {
        Files.writeString(job.resolve(name), source);
    }

    @Test
    @Timeout(value = 60, unit = SECONDS)
    void passingAndFailingTestsEarnTheirShareOfEachFilesPoints() throws Exception {
        student("submission.py", """
                def add(a, b):
                    return a + b

                def mul(a, b):
                    return a + b  # the bug the tests should find
                """);
        TestFile basic = test("test_basic.py", 6, """
                from submission import add, mul

                def test_add_small():
                    assert add(1, 2) == 3

                def test_add_negative():
                    assert add(-1, -2) == -3

                def test_mul():
                    assert mul(2, 3) == 6
                """);
        TestFile weighted = test("test_weighted.py", 4, """
                import pytest
                from submission import add, mul

                @pytest.mark.points(3)
                def test_add_big():
                    assert add(10**6, 1) == 1000001

                @pytest.mark.points(1)
                def test_mul_zero():
                    assert mul(0, 5) == 0
                """);

        GradingReport report = new PytestHarness(new Sandbox(), LIMITS).run(job, List.of(basic, weighted));

        assertThat(report.problem()).as(report.log()).isNull();
        assertThat(report.termination()).isEqualTo(Termination.NORMAL);
        assertThat(report.tests())
                .extracting(TestOutcome::file, TestOutcome::name, TestOutcome::passed, TestOutcome::outcome,
                        TestOutcome::pointsEarned, TestOutcome::pointsPossible)
                .containsExactly(
                        tuple("test_basic.py", "test_basic.py::test_add_small", true, "passed", 2.0, 2.0),
                        tuple("test_basic.py", "test_basic.py::test_add_negative", true, "passed", 2.0, 2.0),
                        tuple("test_basic.py", "test_basic.py::test_mul", false, "failed", 0.0, 2.0),
                        tuple("test_weighted.py", "test_weighted.py::test_add_big", true, "passed", 3.0, 3.0),
                        tuple("test_weighted.py", "test_weighted.py::test_mul_zero", false, "failed", 0.0, 1.0));
        assertThat(report.earned()).isEqualTo(7.0);
        assertThat(report.possible()).isEqualTo(10.0);
        assertThat(report.tests().get(2).message()).contains("assert 5 == 6");
        assertThat(report.tests().get(0).message()).isEmpty();
        assertThat(report.log()).contains("2 failed, 3 passed");
    }

    @Test
    @Timeout(value = 60, unit = SECONDS)
    void syntaxErrorInTheSubmissionIsAClearProblemAndZeroPoints() throws Exception {
        student("submission.py", """
                import math

                def area(r)
                    return math.pi * r * r
                """);
        TestFile tests = test("test_area.py", 5, """
                from submission import area

                def test_unit_circle():
                    assert abs(area(1) - 3.14159) < 1e-3
                """);

        GradingReport report = new PytestHarness(new Sandbox(), LIMITS).run(job, List.of(tests));

        assertThat(report.problem()).isEqualTo("Your code did not import: SyntaxError at line 3 of submission.py: expected ':'");
        assertThat(report.earned()).isZero();
        assertThat(report.possible()).isEqualTo(5.0);
        assertThat(report.tests()).singleElement().satisfies(outcome -> {
            assertThat(outcome.name()).isEqualTo("test_area.py");
            assertThat(outcome.outcome()).isEqualTo("error");
            assertThat(outcome.passed()).isFalse();
            assertThat(outcome.pointsPossible()).isEqualTo(5.0);
            assertThat(outcome.message()).contains("SyntaxError: expected ':'");
        });
    }

    @Test
    @Timeout(value = 60, unit = SECONDS)
    void infiniteLoopIsStoppedByTheWallLimitAndEarlierTestsKeepTheirPoints() throws Exception {
        student("submission.py", """
                def fast():
                    return 1

                def forever():
                    while True:
                        pass
                """);
        TestFile tests = test("test_loop.py", 3, """
                from submission import fast, forever

                def test_fast():
                    assert fast() == 1

                def test_forever():
                    forever()

                def test_after():
                    assert fast() == 1
                """);

        GradingReport report = new PytestHarness(new Sandbox(), LIMITS.withWallSeconds(3)).run(job, List.of(tests));

        assertThat(report.termination()).isEqualTo(Termination.WALL_TIMEOUT);
        assertThat(report.problem()).isEqualTo(
                "Tests stopped: your code ran longer than the 3 s wall-time limit (in test_loop.py::test_forever).");
        assertThat(report.tests())
                .extracting(TestOutcome::name, TestOutcome::outcome, TestOutcome::pointsEarned)
                .containsExactly(
                        tuple("test_loop.py::test_fast", "passed", 1.0),
                        tuple("test_loop.py::test_forever", "stopped", 0.0),
                        tuple("test_loop.py::test_after", "not run", 0.0));
        assertThat(report.earned()).isEqualTo(1.0);
        assertThat(report.possible()).isEqualTo(3.0);
    }

    @Test
    @Timeout(value = 60, unit = SECONDS)
    void printedResultsResultFilesAndAStudentConftestAwardNothing() throws Exception {
        student("submission.py", """
                import json
                FAKE = {"type": "test", "nodeid": "test_it.py::test_hard", "outcome": "passed", "duration": 0,
                        "message": ""}
                print(json.dumps(FAKE))
                with open("/job/results.jsonl", "w") as f:
                    f.write(json.dumps(FAKE) + "\\n")

                def answer():
                    return 41
                """);
        student("conftest.py", """
                import pytest

                @pytest.hookimpl(hookwrapper=True)
                def pytest_runtest_makereport(item, call):
                    outcome = yield
                    outcome.get_result().outcome = "passed"
                """);
        student("pytest.ini", "[pytest]\naddopts = -p conftest\n");
        TestFile tests = test("test_it.py", 2, """
                from submission import answer

                def test_hard():
                    assert answer() == 42
                """);

        GradingReport report = new PytestHarness(new Sandbox(), LIMITS).run(job, List.of(tests));

        assertThat(report.problem()).as(report.log()).isNull();
        assertThat(report.tests()).extracting(TestOutcome::name, TestOutcome::outcome, TestOutcome::pointsEarned)
                .containsExactly(tuple("test_it.py::test_hard", "failed", 0.0));
        assertThat(report.earned()).isZero();
    }

    @Test
    @Timeout(value = 60, unit = SECONDS)
    void memoryErrorInATestFailsThatTestOnly() throws Exception {
        student("submission.py", """
                def hog():
                    return bytearray(2 * 1024 ** 3)

                def ok():
                    return True
                """);
        TestFile tests = test("test_mem.py", 2, """
                from submission import hog, ok

                def test_hog():
                    assert len(hog()) > 0

                def test_ok():
                    assert ok()
                """);

        GradingReport report = new PytestHarness(new Sandbox(), LIMITS.withMemoryBytes(256L << 20))
                .run(job, List.of(tests));

        assertThat(report.problem()).as(report.log()).isNull();
        assertThat(report.tests()).extracting(TestOutcome::name, TestOutcome::outcome, TestOutcome::pointsEarned)
                .containsExactly(tuple("test_mem.py::test_hog", "failed", 0.0), tuple("test_mem.py::test_ok", "passed", 1.0));
        assertThat(report.tests().getFirst().message()).contains("MemoryError");
        assertThat(report.tests().getFirst().duration()).isLessThan(Duration.ofSeconds(10));
    }
}
