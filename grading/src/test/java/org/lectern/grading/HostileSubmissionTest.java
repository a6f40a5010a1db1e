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
 * Submissions that attack the grader, in the real sandbox. Each must earn exactly what its honest behaviour
 * earns: the tests run in a process (and sandbox, and uid) that no code of the student's reaches.
 */
class HostileSubmissionTest {

    private static final SandboxLimits LIMITS = SandboxLimits.DEFAULT.withWallSeconds(60).withCpuSeconds(30);

    /** One honest wrong answer, one right one: a forged report would show up as 2 points instead of 1. */
    private static final TestFile ANSWER_TESTS = test("test_answer.py", 2, """
            from submission import answer, right

            def test_answer():
                assert answer() == 42

            def test_right():
                assert right() == 7
            """);

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
        Path file = job.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }

    private GradingReport grade(List<TestFile> tests) throws Exception {
        return new PytestHarness(new Sandbox(), LIMITS).run(job, tests);
    }

    private static void assertHonestAnswerScore(GradingReport report) {
        assertThat(report.tests()).as(report.log())
                .extracting(TestOutcome::name, TestOutcome::outcome, TestOutcome::pointsEarned)
                .containsExactly(tuple("test_answer.py::test_answer", "failed", 0.0),
                        tuple("test_answer.py::test_right", "passed", 1.0));
        assertThat(report.earned()).isEqualTo(1.0);
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void rebindingTheResultWriterPytestAndBuiltinsChangesNothing() throws Exception {
        student("submission.py", """
                import builtins, gc, io, sys

                def _forge(record):
                    if isinstance(record, dict) and record.get("type") == "test":
                        record["outcome"] = "passed"
                        record["message"] = ""
                    return record

                main = sys.modules.get("__main__")
                if main is not None and hasattr(main, "_emit"):
                    real = main._emit
                    main._emit = lambda **record: real(**_forge(record))
                for obj in gc.get_objects():  # every results writer in reach
                    if isinstance(obj, io.TextIOWrapper) and obj.writable() and obj.fileno() > 2:
                        real_write = obj.write
                        def write(text, real_write=real_write):
                            import json
                            try:
                                return real_write(json.dumps(_forge(json.loads(text))) + "\\n")
                            except ValueError:
                                return real_write(text)
                        try:
                            obj.write = write
                        except AttributeError:
                            pass
                try:
                    import _pytest.runner, _pytest.reports
                    _pytest.reports.TestReport.outcome = property(lambda self: "passed", lambda self, v: None)
                except Exception:
                    pass
                builtins.AssertionError = type("AssertionError", (Exception,), {})

                def answer():
                    return 41

                def right():
                    return 7
                """);

        assertHonestAnswerScore(grade(List.of(ANSWER_TESTS)));
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void anObjectThatEqualsEverythingIsNotTheAnswer() throws Exception {
        student("submission.py", """
                import sys

                class Anything:
                    def __eq__(self, other):
                        return True
                    __hash__ = object.__hash__

                def answer():
                    return Anything()

                def right():
                    return 7

                class Module:  # a sys.modules swap: every name is a function returning Anything
                    def __getattr__(self, name):
                        return answer if name != "right" else right
                sys.modules[__name__] = Module()
                """);

        GradingReport report = grade(List.of(ANSWER_TESTS));

        assertHonestAnswerScore(report);
        assertThat(report.tests().getFirst().message()).contains("Anything");
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void fakeResultLinesOnEveryDescriptorAwardNothing() throws Exception {
        student("submission.py", """
                import ctypes, json, os
                libc = ctypes.CDLL(None)
                lines = "".join(json.dumps(r) + "\\n" for r in [
                    {"type": "collected", "nodeid": "test_answer.py::test_answer", "points": None},
                    {"type": "test", "nodeid": "test_answer.py::test_answer", "outcome": "passed", "duration": 0,
                     "message": ""},
                    {"type": "done", "exitstatus": 0}]).encode()

                def forge():
                    for fd in range(3, 1025):
                        try:
                            os.write(fd, lines)
                        except OSError:
                            pass
                        libc.write(fd, lines, len(lines))

                def answer():
                    forge()
                    return 41

                def right():
                    return 7
                """);

        GradingReport report = grade(List.of(ANSWER_TESTS));

        assertThat(report.tests()).as(report.log())
                .extracting(TestOutcome::name, TestOutcome::passed, TestOutcome::pointsEarned)
                .containsExactly(tuple("test_answer.py::test_answer", false, 0.0),
                        tuple("test_answer.py::test_right", true, 1.0));
        assertThat(report.earned()).isEqualTo(1.0);
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void osExitAtImportCostsOnlyTheTestsThatNeedTheCode() throws Exception {
        student("submission.py", """
                import os
                os._exit(0)
                """);
        TestFile needsCode = test("test_code.py", 3, """
                import submission

                def test_it():
                    assert submission.answer() == 42
                """);
        TestFile independent = test("test_setup.py", 1, """
                def test_environment():
                    assert sum([1, 2]) == 3
                """);

        GradingReport report = grade(List.of(needsCode, independent));

        assertThat(report.tests()).as(report.log())
                .extracting(TestOutcome::name, TestOutcome::outcome, TestOutcome::pointsEarned)
                .containsExactly(tuple("test_code.py", "error", 0.0),
                        tuple("test_setup.py::test_environment", "passed", 1.0));
        assertThat(report.problem()).contains("Your code did not import").contains("process ended")
                .contains("import submission");
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void sysExitAtImportIsAnImportFailureNotAnEndOfGrading() throws Exception {
        student("submission.py", """
                import sys
                sys.exit(0)
                """);
        TestFile needsCode = test("test_code.py", 3, """
                import submission

                def test_it():
                    assert submission.answer() == 42
                """);
        TestFile independent = test("test_setup.py", 1, """
                def test_environment():
                    assert sum([1, 2]) == 3
                """);

        GradingReport report = grade(List.of(needsCode, independent));

        assertThat(report.earned()).isEqualTo(1.0);
        assertThat(report.tests().getFirst().message()).contains("sys.exit(0)");
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void killingEveryProcessItCanReachEndsOnlyItsOwnProcess() throws Exception {
        student("submission.py", """
                import os, signal

                def right():
                    return 7

                def nuke():
                    for pid in range(1, 300):
                        if pid != os.getpid():
                            try:
                                os.kill(pid, signal.SIGKILL)
                            except OSError:
                                pass
                    try:
                        os.kill(-1, signal.SIGKILL)  # every process of its uid it can see
                    except OSError:
                        pass
                    os.kill(os.getpid(), signal.SIGKILL)

                def visible_graders():
                    found = []
                    for entry in os.listdir("/proc"):
                        if entry.isdigit():
                            try:
                                with open("/proc/%s/cmdline" % entry, "rb") as f:
                                    if b"runner.py" in f.read():
                                        found.append(entry)
                            except OSError:
                                pass
                    return found
                """);
        TestFile tests = test("test_signals.py", 3, """
                from submission import nuke, right, visible_graders

                def test_isolated():
                    assert visible_graders() == []

                def test_nuke():
                    nuke()

                def test_after():
                    assert right() == 7
                """);

        GradingReport report = grade(List.of(tests));

        assertThat(report.tests()).as(report.log())
                .extracting(TestOutcome::name, TestOutcome::outcome, TestOutcome::pointsEarned)
                .containsExactly(tuple("test_signals.py::test_isolated", "passed", 1.0),
                        tuple("test_signals.py::test_nuke", "failed", 0.0),
                        tuple("test_signals.py::test_after", "passed", 1.0));
        assertThat(report.tests().get(1).message()).contains("your code's process ended while running submission.nuke(...)");
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void testsAreNotReadableFromTheStudentsSide() throws Exception {
        student("submission.py", """
                import glob, os

                def peek():
                    found = []
                    for pattern in ["/job/test_*.py", "/job/**/test_*.py", "/proc/*/cwd/test_*.py", "/test_*.py",
                                    "/proc/*/root/job/test_*.py", "/tmp/**/test_*.py", "/proc/*/fd/*"]:
                        for path in glob.glob(pattern, recursive=True):
                            try:
                                with open(path) as f:
                                    found.append(f.read())
                            except OSError:
                                pass
                    return [text for text in found if "SECRET-EXPECTED" in text]
                """);
        TestFile tests = test("test_secret.py", 1, """
                from submission import peek

                def test_nothing_leaks():
                    assert peek() == [], "SECRET-EXPECTED"
                """);

        GradingReport report = grade(List.of(tests));

        assertThat(report.earned()).as(report.log()).isEqualTo(1.0);
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void forkedChildrenCannotForgeResultsFromOutsideTheTestsProcess() throws Exception {
        student("submission.py", """
                import json, os, stat, time
                FAKE = (json.dumps({"type": "test", "nodeid": "test_answer.py::test_answer", "outcome": "passed",
                                    "duration": 0, "message": ""}) + "\\n").encode()
                if os.fork() == 0:  # a child that keeps forging into every file it holds open, past the run
                    os.setsid()
                    for _ in range(400):
                        for fd in range(0, 1025):
                            try:
                                if stat.S_ISREG(os.fstat(fd).st_mode):
                                    os.write(fd, FAKE)
                            except OSError:
                                pass
                        time.sleep(0.01)
                    os._exit(0)

                def answer():
                    time.sleep(0.5)
                    return 41

                def right():
                    time.sleep(0.5)  # the child has time to write after the real results
                    return 7
                """);

        assertHonestAnswerScore(grade(List.of(ANSWER_TESTS)));
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void userSiteSitecustomizeAndUsercustomizeInTheUploadDoNotRun() throws Exception {
        String forge = """
                import json, os
                for fd in range(3, 64):
                    try:
                        os.write(fd, (json.dumps({"type": "collected", "nodeid": "test_answer.py::test_answer",
                                                  "points": None}) + "\\n"
                                      + json.dumps({"type": "test", "nodeid": "test_answer.py::test_answer",
                                                    "outcome": "passed", "duration": 0, "message": ""}) + "\\n"
                                      + json.dumps({"type": "done", "exitstatus": 0}) + "\\n").encode())
                    except OSError:
                        pass
                os._exit(0)
                """;
        for (int minor = 8; minor <= 15; minor++) {
            String site = ".local/lib/python3." + minor + "/site-packages/";
            student(site + "usercustomize.py", forge);
            student(site + "lectern.pth", "import usercustomize\n");
        }
        student("sitecustomize.py", forge);
        student("usercustomize.py", forge);
        student("submission.py", """
                def answer():
                    return 41

                def right():
                    return 7
                """);

        assertHonestAnswerScore(grade(List.of(ANSWER_TESTS)));
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void twelveMegabyteArraysRoundTrip() throws Exception {
        student("submission.py", """
                import numpy as np

                def scale(x, factor=2.0):
                    return x * factor, {"shape": x.shape, "dtype": str(x.dtype), "sum": float(x.sum())}
                """);
        TestFile tests = test("test_arrays.py", 1, """
                import numpy as np
                from submission import scale

                def test_round_trip():
                    x = np.random.default_rng(0).standard_normal((500, 3072))
                    assert x.nbytes > 12_000_000
                    y, info = scale(x, factor=3.0)
                    assert isinstance(y, np.ndarray) and y.dtype == np.float64
                    assert np.array_equal(y, x * 3.0)
                    assert info == {"shape": (500, 3072), "dtype": "float64", "sum": float(x.sum())}
                """);

        GradingReport report = grade(List.of(tests));

        assertThat(report.problem()).as(report.log()).isNull();
        assertThat(report.earned()).as(report.log()).isEqualTo(1.0);
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void aCallThatNeverReturnsFailsItsTestAndLaterTestsGetAFreshProcess() throws Exception {
        student("submission.py", """
                def forever():
                    while True:
                        pass

                def right():
                    return 7
                """);
        TestFile tests = test("test_loop.py", 3, """
                import submission

                def test_before():
                    assert submission.right() == 7

                def test_forever():
                    submission.forever()

                def test_after():
                    assert submission.right() == 7
                """);

        GradingReport report = new PytestHarness(new Sandbox(), LIMITS, 2).run(job, List.of(tests));

        assertThat(report.tests()).as(report.log())
                .extracting(TestOutcome::name, TestOutcome::outcome, TestOutcome::pointsEarned)
                .containsExactly(tuple("test_loop.py::test_before", "passed", 1.0),
                        tuple("test_loop.py::test_forever", "failed", 0.0),
                        tuple("test_loop.py::test_after", "passed", 1.0));
        assertThat(report.tests().get(1).message())
                .contains("your function did not return within 2 s: submission.forever(...)");
        assertThat(report.problem()).isNull();
    }

    @Test
    @Timeout(value = 90, unit = SECONDS)
    void aCrashInOneTestCostsOnlyThatTest() throws Exception {
        student("submission.py", """
                import ctypes

                def crash():
                    return ctypes.string_at(0)

                def right():
                    return 7
                """);
        TestFile tests = test("test_crash.py", 3, """
                import pytest
                from submission import crash, right

                def test_before():
                    assert right() == 7

                def test_crash():
                    with pytest.raises(Exception):  # a crash is not an exception the test may expect
                        crash()

                def test_after():
                    assert right() == 7
                """);

        GradingReport report = grade(List.of(tests));

        assertThat(report.tests()).as(report.log())
                .extracting(TestOutcome::name, TestOutcome::outcome, TestOutcome::pointsEarned)
                .containsExactly(tuple("test_crash.py::test_before", "passed", 1.0),
                        tuple("test_crash.py::test_crash", "failed", 0.0),
                        tuple("test_crash.py::test_after", "passed", 1.0));
        assertThat(report.tests().get(1).message())
                .contains("your code's process ended while running submission.crash(...)")
                .contains("segmentation fault");
    }
}
