package org.lectern.autograde;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST: a submission's status, receipt and the test results the caller may see. */
@RestController
class SubmissionResultsController {

    record ReceiptJson(String sha256, Instant submittedAt, Instant receivedAt, String fileName, long sizeBytes) {
    }

    record TestJson(String file, String name, String visibility, boolean passed, String outcome, BigDecimal points,
                    BigDecimal maxPoints, String output, String testVisibility, String number) {
    }

    record SubmissionJson(long id, long assignmentId, int version, String student, String status, Integer queuePosition,
                          ReceiptJson receipt, List<TestJson> tests, BigDecimal publicScore, BigDecimal publicMax,
                          BigDecimal privatePointsPending, BigDecimal privateScore, BigDecimal privateMax, BigDecimal total,
                          BigDecimal totalMax, boolean gradesReleased, String problem, List<String> removedLines, ModelRunView model,
                          String environment) {
    }

    record RerunJson(long runId) {
    }

    private final SubmissionService submissions;
    private final AutogradeService autograde;
    private final ModelAssignmentService models;

    SubmissionResultsController(SubmissionService submissions, AutogradeService autograde, ModelAssignmentService models) {
        this.submissions = submissions;
        this.autograde = autograde;
        this.models = models;
    }

    @Operation(summary = "A submission: status, receipt and the results the caller may see")
    @GetMapping("/api/v1/submissions/{submissionId}")
    SubmissionJson one(@PathVariable long submissionId) {
        Submission s = submissions.get(submissionId);
        RunView r = autograde.results(submissionId);
        var tests = new ArrayList<TestJson>();
        r.publicResults().forEach(t -> tests.add(test(t)));
        r.privateResults().forEach(t -> tests.add(test(t)));
        String status = r.status() == null ? "queued" : r.status().name().toLowerCase(Locale.ROOT);
        return new SubmissionJson(s.id(), s.assignmentId(), s.version(), s.studentEmail(), status, r.queuePosition(),
                new ReceiptJson(s.sha256(), s.submittedAt(), s.receivedAt(), s.fileName(), s.sizeBytes()), tests,
                r.publicEarned(), r.publicPossible(), r.privateVisible() ? null : r.privatePossible(),
                r.privateEarned(), r.privateVisible() ? r.privatePossible() : null, r.total(), r.totalPossible(),
                r.privateVisible(), r.problem(), r.removals(), models.run(submissionId).orElse(null), r.environment());
    }

    @Operation(summary = "Grade a submission again (staff)")
    @PostMapping("/api/v1/submissions/{submissionId}/rerun")
    RerunJson rerun(@PathVariable long submissionId) {
        return new RerunJson(autograde.rerun(submissionId));
    }

    private static TestJson test(TestResult t) {
        return new TestJson(t.fileName(), t.testName(), t.visibility().name().toLowerCase(Locale.ROOT), t.passed(), t.outcome(),
                t.earned(), t.possible(), t.message(), t.shown() == null ? null : t.shown().json(), t.number());
    }
}
