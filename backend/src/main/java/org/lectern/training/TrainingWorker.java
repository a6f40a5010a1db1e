package org.lectern.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.lectern.grading.model.DevicePreference;
import org.lectern.grading.model.WorkerLauncher;
import org.lectern.grading.training.EpochMetrics;
import org.lectern.grading.training.IsolatedTrainer;
import org.lectern.grading.training.TrainingEvent;
import org.lectern.grading.training.TrainingLimits;
import org.lectern.grading.training.TrainingOutcome;
import org.lectern.grading.training.TrainingProcess;
import org.lectern.platform.LecternProperties;
import org.lectern.training.internal.TrainingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The "training-run" job on the pool, without a caller: gives the run what its quotas have left (at most the per-run
 * limit), trains it in a worker JVM of its own started from the app's jar ({@link IsolatedTrainer}), stores each epoch as
 * it arrives and tells live views, stops it when the student cancels or the time runs out, and charges the measured
 * worker time. The web app's process never loads PyTorch.
 */
@Component
class TrainingWorker {

    private static final Logger log = LoggerFactory.getLogger(TrainingWorker.class);

    private final TrainingRepository repo;
    private final Quotas quotas;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final IsolatedTrainer trainer;

    TrainingWorker(TrainingRepository repo, Quotas quotas, TransactionTemplate tx, Clock clock, LecternProperties props) {
        this.repo = repo;
        this.quotas = quotas;
        this.tx = tx;
        this.clock = clock;
        Path data = props.dataDir().toAbsolutePath();
        this.trainer = new IsolatedTrainer(TrainingLimits.DEFAULT, WorkerLauncher.forThisApplication(TrainingProcess.class),
                data.resolve("training-jobs"), data.resolve("djl-cache").toString(), DevicePreference.AUTO);
    }

    private record Start(TrainingRepository.Job job, long budgetSeconds) {
    }

    /**
     * Asked by the trainer every half second: stop when the student (or staff) cancelled, or when the run has used what
     * the quotas have left. The quotas are read again every {@link #QUOTA_READ_SECONDS} s, so that a teammate's run that
     * ended, or an instructor who lowered the quota, counts while this one trains.
     */
    private final class Supervisor implements BooleanSupplier {
        private final TrainingRepository.Job job;
        private final long startNanos = System.nanoTime();
        private volatile long budgetSeconds;
        private long nextQuotaRead;
        private volatile RunState reason;

        Supervisor(TrainingRepository.Job job, long budgetSeconds) {
            this.job = job;
            this.budgetSeconds = budgetSeconds;
            this.nextQuotaRead = startNanos + TimeUnit.SECONDS.toNanos(QUOTA_READ_SECONDS);
        }

        @Override
        public boolean getAsBoolean() {
            if (repo.cancelRequested(job.id())) {
                reason = RunState.CANCELLED;
                return true;
            }
            long now = System.nanoTime();
            if (now - nextQuotaRead >= 0) {
                nextQuotaRead = now + TimeUnit.SECONDS.toNanos(QUOTA_READ_SECONDS);
                budgetSeconds = budget(job);
            }
            if ((now - startNanos) / 1e9 >= budgetSeconds) {
                reason = RunState.STOPPED;
                return true;
            }
            return false;
        }
    }

    static final long QUOTA_READ_SECONDS = 2;

    void train(long runId) {
        Start start = tx.execute(s -> begin(runId));
        if (start == null) {
            return;
        }
        TrainingRepository.Job job = start.job();
        Supervisor supervisor = new Supervisor(job, start.budgetSeconds());
        TrainingOutcome outcome;
        try {
            outcome = trainer.train(job.dataset(), job.config(), Duration.ofSeconds(start.budgetSeconds()), new IsolatedTrainer.Listener() {
                @Override
                public void started(TrainingEvent.Started s) {
                    tx.executeWithoutResult(t -> {
                        repo.started(runId, s.parameters(), s.device(), s.engine());
                        repo.notifyChanged(runId);
                    });
                }

                @Override
                public void epoch(EpochMetrics e) {
                    tx.executeWithoutResult(t -> {
                        repo.insertEpoch(runId, e);
                        repo.notifyChanged(runId);
                    });
                }
            }, supervisor);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the training worker for run " + runId, e); // the job retries
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while training run " + runId, e);
        }
        finish(job, supervisor, outcome);
    }

    /** Marks the run running with its budget; null when there is nothing to do (ended, cancelled, or no time left). */
    private Start begin(long runId) {
        TrainingRepository.Job job = repo.lockJob(runId).orElse(null);
        if (job == null || !job.state().active()) {
            return null; // ended by an earlier attempt or cancelled while queued
        }
        if (job.cancelRequested()) {
            end(runId, RunState.CANCELLED, 0.0, "Cancelled before it started.");
            return null;
        }
        long budget = budget(job);
        if (budget < 1) {
            end(runId, RunState.STOPPED, 0.0, "Not started: the week's worker time was used up by other runs before this one's turn came.");
            return null;
        }
        repo.markRunning(runId, budget, clock.instant());
        repo.notifyChanged(runId);
        return new Start(job, budget);
    }

    /** Whole seconds the run may use now: what its quotas have left besides itself, at most the per-run limit. */
    private long budget(TrainingRepository.Job job) {
        TrainingQuota quota = quotas.of(job.courseId(), job.accountId(), job.teamId(), null, clock.instant(), job.id());
        return Math.min(RUN_LIMIT_SECONDS, (long) Math.floor(quota.remainingSeconds()));
    }

    private static final long RUN_LIMIT_SECONDS = TrainingLimits.DEFAULT.wallTime().toSeconds();

    private void finish(TrainingRepository.Job job, Supervisor supervisor, TrainingOutcome outcome) {
        long runId = job.id();
        double seconds = outcome.wall().toMillis() / 1000.0;
        int done = outcome.epochs().size();
        String of = done + " of " + job.config().epochs() + (job.config().epochs() == 1 ? " epoch" : " epochs");
        switch (outcome.status()) {
            case COMPLETED -> end(runId, RunState.DONE, seconds, null);
            case DIVERGED -> end(runId, RunState.DIVERGED, seconds, outcome.message());
            case CANCELLED, TIME_LIMIT -> {
                if (supervisor.reason == RunState.CANCELLED) {
                    end(runId, RunState.CANCELLED, seconds, "Cancelled after " + of + ".");
                } else if (supervisor.budgetSeconds < RUN_LIMIT_SECONDS) {
                    end(runId, RunState.STOPPED, seconds, "Stopped after " + of + ": it used the " + supervisor.budgetSeconds
                            + " s of worker time the quotas had left this week.");
                } else {
                    end(runId, RunState.STOPPED, seconds, "Stopped after " + of + ": a run may take at most "
                            + TrainingLimits.DEFAULT.wallTime().toMinutes() + " minutes.");
                }
            }
            case OUT_OF_MEMORY -> end(runId, RunState.FAILED, seconds, "It ran out of memory: " + outcome.message() + ".");
            case FAILED, CRASHED -> {
                // Not the student's doing: nothing is charged, and the worker's own words go to the operators.
                log.warn("training run {} failed ({}): {}\n{}", runId, outcome.status(), outcome.message(), outcome.log());
                end(runId, RunState.FAILED, 0.0, "The worker could not train it: " + outcome.message() + ".");
            }
        }
    }

    private void end(long runId, RunState state, Double chargedSeconds, String message) {
        tx.executeWithoutResult(s -> {
            if (repo.finish(runId, state, chargedSeconds, message, clock.instant())) {
                repo.notifyChanged(runId);
            }
        });
    }

    /** Called when the job has failed for good. */
    void giveUp(long runId, String reason) {
        end(runId, RunState.FAILED, 0.0, reason);
    }
}
