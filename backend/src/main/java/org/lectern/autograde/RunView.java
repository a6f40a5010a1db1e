package org.lectern.autograde;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A submission's grading as its viewer may see it. Before grades are released a student sees the
 * public tests only; {@code privatePossible} still says how many points are pending in private tests.
 * {@code environment} is the Python and package versions the run ran with ("Python 3.11.2; numpy 1.24.2").
 */
public record RunView(Long runId, RunStatus status, Integer queuePosition, Instant queuedAt, Instant startedAt,
                      Instant finishedAt, List<TestResult> publicResults, BigDecimal publicEarned, BigDecimal publicPossible,
                      boolean privateVisible, List<TestResult> privateResults, BigDecimal privateEarned,
                      BigDecimal privatePossible, BigDecimal total, BigDecimal totalPossible, String problem,
                      List<String> removals, String waitingFor, String environment) {

    public RunView(Long runId, RunStatus status, Integer queuePosition, Instant queuedAt, Instant startedAt,
                   Instant finishedAt, List<TestResult> publicResults, BigDecimal publicEarned, BigDecimal publicPossible,
                   boolean privateVisible, List<TestResult> privateResults, BigDecimal privateEarned,
                   BigDecimal privatePossible, BigDecimal total, BigDecimal totalPossible, String problem,
                   List<String> removals, String waitingFor) {
        this(runId, status, queuePosition, queuedAt, startedAt, finishedAt, publicResults, publicEarned, publicPossible,
                privateVisible, privateResults, privateEarned, privatePossible, total, totalPossible, problem, removals,
                waitingFor, null);
    }

    public boolean finished() {
        return status == RunStatus.DONE || status == RunStatus.FAILED || status == RunStatus.SUPERSEDED;
    }
}
