package org.lectern.autograde;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.FileRole;
import org.lectern.assignment.GradingMaterials;
import org.lectern.assignment.Visibility;
import org.lectern.grading.GradingReport;
import org.lectern.grading.PytestHarness;
import org.lectern.grading.Sandbox;
import org.lectern.grading.SandboxLimits;
import org.lectern.grading.SupportFile;
import org.lectern.grading.TestFile;
import org.springframework.stereotype.Component;

/** {@link TestRunner} on the grading module: pytest under bubblewrap with the assignment's limits. */
@Component
class SandboxTestRunner implements TestRunner {

    private final Sandbox sandbox = new Sandbox();

    @Override
    public String unavailableReason() {
        return Sandbox.available() ? null : Sandbox.unavailableReason();
    }

    @Override
    public GroupOutcome run(Path studentFiles, Visibility visibility, List<GradingMaterials.TestFileContent> tests,
                            Assignment.Limits limits) {
        return run(studentFiles, visibility, tests, List.of(), limits);
    }

    @Override
    public GroupOutcome run(Path studentFiles, Visibility visibility, List<GradingMaterials.TestFileContent> tests,
                            List<GradingMaterials.TestFileContent> support, Assignment.Limits limits) {
        SandboxLimits sandboxLimits = SandboxLimits.DEFAULT
                .withCpuSeconds(limits.cpuSeconds())
                .withWallSeconds(limits.wallSeconds())
                .withMemoryBytes(limits.memoryMb() * 1024L * 1024L)
                .withMaxOutputBytes(limits.outputKb() * 1024);
        List<TestFile> files = tests.stream().map(t -> new TestFile(t.fileName(), t.content(), t.points().doubleValue())).toList();
        List<SupportFile> supportFiles = support.stream()
                .map(f -> new SupportFile(f.fileName(), f.content(), f.role() == FileRole.STUDENT)).toList();
        GradingReport report;
        try {
            report = new PytestHarness(sandbox, sandboxLimits).run(studentFiles, files, supportFiles);
        } catch (IOException e) {
            throw new IllegalStateException("The sandbox could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Grading was interrupted", e);
        }
        List<TestResult> results = report.tests().stream()
                .map(t -> new TestResult(visibility, t.file(), t.name(), t.passed(), t.outcome(), points(t.pointsEarned()),
                        points(t.pointsPossible()), t.message(), t.brief(), t.visibility(), t.number()))
                .toList();
        BigDecimal possible = tests.stream().map(GradingMaterials.TestFileContent::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new GroupOutcome(results, points(report.earned()), possible, report.log(), report.problem());
    }

    private static BigDecimal points(double p) {
        return BigDecimal.valueOf(p).setScale(2, RoundingMode.HALF_UP);
    }
}
