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

    public boolean finished() {
        return status == RunStatus.DONE || status == RunStatus.FAILED || status == RunStatus.SUPERSEDED;
    }

    /** Builds a view by field name: nineteen fields by position is how fields get swapped. */
    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private Long runId;
        private RunStatus status;
        private Integer queuePosition;
        private Instant queuedAt;
        private Instant startedAt;
        private Instant finishedAt;
        private List<TestResult> publicResults = List.of();
        private BigDecimal publicEarned;
        private BigDecimal publicPossible;
        private boolean privateVisible;
        private List<TestResult> privateResults = List.of();
        private BigDecimal privateEarned;
        private BigDecimal privatePossible;
        private BigDecimal total;
        private BigDecimal totalPossible;
        private String problem;
        private List<String> removals = List.of();
        private String waitingFor;
        private String environment;

        Builder runId(Long v) {
            runId = v;
            return this;
        }

        Builder status(RunStatus v) {
            status = v;
            return this;
        }

        Builder queuePosition(Integer v) {
            queuePosition = v;
            return this;
        }

        Builder queuedAt(Instant v) {
            queuedAt = v;
            return this;
        }

        Builder startedAt(Instant v) {
            startedAt = v;
            return this;
        }

        Builder finishedAt(Instant v) {
            finishedAt = v;
            return this;
        }

        Builder publicResults(List<TestResult> v) {
            publicResults = v;
            return this;
        }

        Builder publicEarned(BigDecimal v) {
            publicEarned = v;
            return this;
        }

        Builder publicPossible(BigDecimal v) {
            publicPossible = v;
            return this;
        }

        Builder privateVisible(boolean v) {
            privateVisible = v;
            return this;
        }

        Builder privateResults(List<TestResult> v) {
            privateResults = v;
            return this;
        }

        Builder privateEarned(BigDecimal v) {
            privateEarned = v;
            return this;
        }

        Builder privatePossible(BigDecimal v) {
            privatePossible = v;
            return this;
        }

        Builder total(BigDecimal v) {
            total = v;
            return this;
        }

        Builder totalPossible(BigDecimal v) {
            totalPossible = v;
            return this;
        }

        Builder problem(String v) {
            problem = v;
            return this;
        }

        Builder removals(List<String> v) {
            removals = v;
            return this;
        }

        Builder environment(String v) {
            environment = v;
            return this;
        }

        Builder waitingFor(String v) {
            waitingFor = v;
            return this;
        }

        RunView build() {
            return new RunView(runId, status, queuePosition, queuedAt, startedAt, finishedAt, publicResults, publicEarned,
                    publicPossible, privateVisible, privateResults, privateEarned, privatePossible, total, totalPossible, problem,
                    removals, waitingFor, environment);
        }
    }
}
