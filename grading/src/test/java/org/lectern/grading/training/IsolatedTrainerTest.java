package org.lectern.grading.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.grading.model.DevicePreference;
import org.lectern.grading.model.WorkerLauncher;

/** Real training in a worker JVM on the digits training split: each run starts a JVM and libtorch (about 2 s). */
class IsolatedTrainerTest {

    @TempDir
    Path tmp;

    private IsolatedTrainer trainer() {
        return new IsolatedTrainer(TrainingLimits.DEFAULT, WorkerLauncher.currentJvm(TrainingProcess.class), tmp.resolve("jobs"),
                null, DevicePreference.AUTO);
    }

    private static final class Recorder implements IsolatedTrainer.Listener {
        final List<TrainingEvent.Started> started = new ArrayList<>();
        final List<EpochMetrics> epochs = new ArrayList<>();

        @Override
        public void started(TrainingEvent.Started s) {
            started.add(s);
        }

        @Override
        public void epoch(EpochMetrics e) {
            epochs.add(e);
        }
    }

    @Test
    void twoEpochsOfAnMlpReallyTrainAndReportEachEpochAsItEnds() throws Exception {
        Recorder heard = new Recorder();
        TrainingConfig config = new TrainingConfig(Architecture.mlp1(64), OptimizerKind.ADAM, 0.01, 32, 1e-4, 2, 42);
        TrainingOutcome outcome = trainer().train("digits", config, Duration.ofMinutes(2), heard, () -> false);

        assertThat(outcome.status()).as(outcome.message() + "\n" + outcome.log()).isEqualTo(TrainingOutcome.Status.COMPLETED);
        assertThat(heard.started).hasSize(1);
        TrainingEvent.Started s = heard.started.getFirst();
        assertThat(s.parameters()).isEqualTo(TrainingDataset.DIGITS.parameters(config.architecture())).isEqualTo(4810);
        assertThat(s.trainImages()).isEqualTo(TrainingDataset.DIGITS.trainImages()).isEqualTo(1078);
        assertThat(s.validationImages()).isEqualTo(269);
        assertThat(s.device()).isNotBlank();
        assertThat(s.engine()).startsWith("PyTorch");
        assertThat(heard.epochs).extracting(EpochMetrics::epoch).containsExactly(1, 2);
        assertThat(outcome.epochs()).isEqualTo(heard.epochs);
        EpochMetrics last = heard.epochs.getLast();
        assertThat(last.validationAccuracy()).as("chance is 10%").isGreaterThan(0.8);
        assertThat(last.trainAccuracy()).isGreaterThan(0.5);
        assertThat(last.trainLoss()).isLessThan(heard.epochs.getFirst().trainLoss()).isLessThan(Math.log(10));
        assertThat(outcome.wall()).isPositive();
    }

    @Test
    void aSmallCnnTrainsTooAndTheSameSeedGivesTheSameCurves() throws Exception {
        TrainingConfig config = new TrainingConfig(Architecture.cnn(8), OptimizerKind.SGD_MOMENTUM, 0.05, 32, 0, 2, 7);
        TrainingOutcome outcome = trainer().train("digits", config, Duration.ofMinutes(2), new Recorder(), () -> false);
        assertThat(outcome.status()).as(outcome.message() + "\n" + outcome.log()).isEqualTo(TrainingOutcome.Status.COMPLETED);
        assertThat(outcome.started().parameters()).isEqualTo(1370);
        assertThat(outcome.epochs().getLast().validationAccuracy()).isGreaterThan(0.5);

        TrainingOutcome again = trainer().train("digits", config, Duration.ofMinutes(2), new Recorder(), () -> false);
        assertThat(again.epochs()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("seconds").isEqualTo(outcome.epochs());
        TrainingConfig otherSeed = new TrainingConfig(Architecture.cnn(8), OptimizerKind.SGD_MOMENTUM, 0.05, 32, 0, 2, 8);
        TrainingOutcome other = trainer().train("digits", otherSeed, Duration.ofMinutes(2), new Recorder(), () -> false);
        assertThat(other.epochs().getFirst().trainLoss()).isNotEqualTo(outcome.epochs().getFirst().trainLoss());
    }

    @Test
    void theWallTimeLimitKillsTheWorkerAndSaysSo() throws Exception {
        Recorder heard = new Recorder();
        // About 40 s of work (batches of one, 50 epochs) against a 3 s limit.
        TrainingConfig config = new TrainingConfig(Architecture.cnn(16), OptimizerKind.SGD, 0.01, 1, 0, 50, 1);
        long start = System.nanoTime();
        TrainingOutcome outcome = trainer().train("digits", config, Duration.ofSeconds(3), heard, () -> false);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.TIME_LIMIT);
        assertThat(outcome.message()).isEqualTo("training exceeded its time limit of 3 s and was stopped");
        assertThat(outcome.epochs()).isEqualTo(heard.epochs).hasSizeLessThan(50);
        assertThat(outcome.wall().toMillis()).isGreaterThanOrEqualTo(3000);
        assertThat(seconds).as("killed at the limit, not at the end of the work").isLessThan(15);
    }

    @Test
    void cancellingKillsTheWorkerAndKeepsTheEpochsThatEnded() throws Exception {
        Recorder heard = new Recorder();
        TrainingConfig config = new TrainingConfig(Architecture.mlp2(128), OptimizerKind.ADAM, 1e-3, 1, 0, 50, 1);
        AtomicBoolean asked = new AtomicBoolean();
        TrainingOutcome outcome = trainer().train("digits", config, Duration.ofMinutes(2), heard, () -> {
            asked.set(true);
            return !heard.epochs.isEmpty();
        });
        assertThat(asked).isTrue();
        assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.CANCELLED);
        assertThat(outcome.epochs()).isNotEmpty().hasSizeLessThan(50).isEqualTo(heard.epochs);
    }

    @Test
    void aLossThatIsNoLongerANumberStopsTrainingWithAHint() throws Exception {
        Recorder heard = new Recorder();
        // Weight decay 1 at learning rate 10: every step multiplies the weights by about -9, so they overflow at once.
        TrainingConfig config = new TrainingConfig(Architecture.linear(), OptimizerKind.SGD, 10, 8, 1, 5, 42);
        TrainingOutcome outcome = trainer().train("digits", config, Duration.ofMinutes(2), heard, () -> false);
        assertThat(outcome.status()).as(outcome.message() + "\n" + outcome.log()).isEqualTo(TrainingOutcome.Status.DIVERGED);
        assertThat(outcome.message()).contains("diverged").contains("learning rate 10 is probably too high for SGD");
        assertThat(heard.epochs.getLast().diverged()).isTrue();
        assertThat(heard.epochs).hasSize(1);
        assertThat(heard.epochs.getLast().trainLoss()).isNull();
    }

    @Test
    void anUnknownDatasetFailsWithItsName() throws Exception {
        TrainingOutcome outcome = trainer().train("cifar-10", TrainingPreset.SANITY_CHECK.config(), Duration.ofMinutes(1),
                new IsolatedTrainer.Listener() { }, () -> false);
        assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.FAILED);
        assertThat(outcome.message()).contains("no training dataset 'cifar-10'");
        assertThat(outcome.started()).isNull();
    }

    @Test
    void theWorkerIsLimitedAndRunsOffline() {
        IsolatedTrainer trainer = trainer();
        var command = trainer.command(tmp.resolve("job.json"), tmp.resolve("tmp"), tmp, 30, 1);
        assertThat(command).contains("-Dai.djl.offline=true", "-Xmx" + TrainingLimits.DEFAULT.heapBytes(),
                "-Dai.djl.pytorch.num_threads=1", TrainingProcess.class.getName());
        if (java.nio.file.Files.isExecutable(IsolatedTrainer.PRLIMIT)) {
            assertThat(command.getFirst()).isEqualTo("/usr/bin/prlimit");
            assertThat(command).contains("--data=" + TrainingLimits.DEFAULT.memoryBytes(), "--core=0");
        }
    }
}
