package org.lectern.grading;

import java.util.List;

/**
 * The result of running one visibility group's tests against a submission.
 *
 * @param tests       one entry per test, in collection order, plus one per file that could not be collected
 * @param earned      points earned
 * @param possible    points possible: the sum of the test files' points, whatever happened
 * @param log         pytest's console output (and stderr), cut to a readable size
 * @param termination how the sandboxed run ended
 * @param problem     null when the run went normally (failing tests included); otherwise one sentence for the
 *                    student, e.g. "Your code did not import: SyntaxError at line 3 of submission.py: invalid syntax"
 */
public record GradingReport(List<TestOutcome> tests, double earned, double possible, String log,
                            Termination termination, String problem) {

    public GradingReport {
        tests = List.copyOf(tests);
    }
}
