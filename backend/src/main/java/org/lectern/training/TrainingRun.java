package org.lectern.training;

import java.time.Instant;
import org.lectern.grading.training.Architecture;
import org.lectern.grading.training.EpochMetrics;
import org.lectern.grading.training.OptimizerKind;
import org.lectern.grading.training.TrainingConfig;

/**
 * One training run as people see it: who ran what, where it is, what it cost, and its last epoch.
 *
 * @param teamId          the team whose quota it was charged to; null when the student was in none
 * @param estimateSeconds held against the quotas while it was queued or running
 * @param budgetSeconds   the worker time it was allowed when it started
 * @param chargedSeconds  measured worker time, once it ended
 * @param epochsDone      epochs that finished
 * @param last            the last finished epoch; null before the first
 */
public record TrainingRun(long id, long courseId, long accountId, String studentName, Long teamId, String dataset,
                          String architecture, String optimizer, double learningRate, int batchSize, double weightDecay, int epochs,
                          long seed, RunState state, long estimateSeconds, Long budgetSeconds, Double chargedSeconds, Long parameters,
                          String device, String engine, String message, Instant createdAt, Instant startedAt, Instant finishedAt,
                          int epochsDone, EpochMetrics last) {

    public TrainingConfig config() {
        return new TrainingConfig(Architecture.parse(architecture).orElseThrow(), OptimizerKind.parse(optimizer).orElseThrow(),
                learningRate, batchSize, weightDecay, epochs, seed);
    }

    /** "MLP 64 · Adam, lr 0.001, batch 64, weight decay 0.0001, 15 epochs". */
    public String describe() {
        TrainingConfig c = config();
        return c.architecture().shortLabel() + " · " + c.describe();
    }
}
