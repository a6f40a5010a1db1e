package org.lectern.grading.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.lectern.grading.model.DevicePreference;
import org.lectern.grading.training.EpochMetrics;
import org.lectern.grading.model.WorkerLauncher;
import org.lectern.grading.training.Architecture;
import org.lectern.grading.training.IsolatedTrainer;
import org.lectern.grading.training.OptimizerKind;
import org.lectern.grading.training.TrainingConfig;
import org.lectern.grading.training.TrainingCost;
import org.lectern.grading.training.TrainingDataset;
import org.lectern.grading.training.TrainingEvent;
import org.lectern.grading.training.TrainingLimits;
import org.lectern.grading.training.TrainingOutcome;
import org.lectern.grading.training.TrainingProcess;

/**
 * Training runs on the digits training split, each in its worker JVM as the pool runs them (one PyTorch thread):
 * seconds per epoch for every architecture at a few batch sizes (the median of the epochs after the first, as the
 * worker reports them), then whole runs (JVM start, libtorch, training) against {@link TrainingCost}'s estimate, which
 * is calibrated from these figures. Prints only; the CSV is for refitting the estimate's constants.
 *
 * <p>Arguments, all optional: {@code --epochs=5 --batches=1,8,32,128,512 --jobs=3 --jar=frontend/target/lectern.jar}
 * (with {@code --jar}, the whole runs start from the packaged app's jar, as the pool does).
 */
public final class TrainingBench {

    private TrainingBench() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = 5;
        int[] batches = {1, 8, 32, 128, 512};
        int jobs = 3;
        Path jar = null;
        for (String a : args) {
            if (a.startsWith("--jar=")) {
                jar = Path.of(a.substring(6)).toAbsolutePath();
            }
            if (a.startsWith("--epochs=")) {
                epochs = Integer.parseInt(a.substring(9));
            } else if (a.startsWith("--batches=")) {
                batches = Arrays.stream(a.substring(10).split(",")).mapToInt(Integer::parseInt).toArray();
            } else if (a.startsWith("--jobs=")) {
                jobs = Integer.parseInt(a.substring(7));
            }
        }
        System.out.printf(Locale.ROOT, "cores %d, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));

        TrainingDataset dataset = TrainingDataset.DIGITS;
        Path scratch = Files.createTempDirectory("training-bench-");
        IsolatedTrainer trainer = new IsolatedTrainer(TrainingLimits.DEFAULT, WorkerLauncher.currentJvm(TrainingProcess.class),
                scratch.resolve("jobs"), scratch.resolve("djl-cache").toString(), DevicePreference.CPU);
        TrainingConfig first = new TrainingConfig(Architecture.linear(), OptimizerKind.SGD, 0.1, 64, 0, 1, 42);
        System.out.printf(Locale.ROOT, "first run with an empty DJL cache (libtorch unpacked): %.2f s%n",
                trainer.train(dataset.key(), first, Duration.ofMinutes(5), new IsolatedTrainer.Listener() { }, () -> false)
                        .wall().toMillis() / 1000.0);

        System.out.println("\n## seconds per epoch in the worker (median of epochs 2.." + epochs + "), and the estimate");
        System.out.printf(Locale.ROOT, "%-10s %8s %10s", "arch", "params", "mult-adds");
        for (int b : batches) {
            System.out.printf(Locale.ROOT, " %8s %8s", "b" + b, "est");
        }
        System.out.println();
        StringBuilder csv = new StringBuilder("arch,layers,batch,steps,multiply_adds,seconds\n");
        for (Architecture arch : Architecture.all()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-10s %8d %10d", arch.key(), dataset.parameters(arch),
                    dataset.multiplyAdds(arch)));
            for (int b : batches) {
                TrainingConfig config = new TrainingConfig(arch, OptimizerKind.ADAM, 1e-3, b, 1e-4, epochs, 42);
                List<Double> seconds = new ArrayList<>();
                TrainingOutcome outcome = trainer.train(dataset.key(), config, Duration.ofMinutes(5), new IsolatedTrainer.Listener() {
                    @Override
                    public void epoch(EpochMetrics e) {
                        if (e.epoch() > 1) {
                            seconds.add(e.seconds());
                        }
                    }
                }, () -> false);
                if (!outcome.status().trained()) {
                    throw new IllegalStateException(outcome.status() + ": " + outcome.message() + "\n" + outcome.log());
                }
                row.append(String.format(Locale.ROOT, " %8.4f %8.4f", median(seconds), TrainingCost.epochSeconds(dataset, config)));
                csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%.5f%n", arch.key(), TrainingCost.layers(arch), b,
                        (dataset.trainImages() + b - 1) / b, dataset.multiplyAdds(arch), median(seconds)));
            }
            System.out.println(row);
        }
        System.out.println("\n" + csv);

        if (jar != null) {
            // As the packaged app starts its workers: the fat jar through Spring Boot's PropertiesLauncher.
            trainer = new IsolatedTrainer(TrainingLimits.DEFAULT, new WorkerLauncher(Path.of(System.getProperty("java.home"), "bin", "java"),
                    jar.toString(), List.of("-Dloader.main=" + TrainingProcess.class.getName()),
                    "org.springframework.boot.loader.launch.PropertiesLauncher"), scratch.resolve("jobs"),
                    scratch.resolve("djl-cache").toString(), DevicePreference.CPU);
        }
        System.out.println("\n## whole worker runs (JVM start, libtorch, training), " + jobs + " each"
                + (jar == null ? ", from the class path" : ", from " + jar.getFileName()));
        List<TrainingConfig> runs = List.of(
                new TrainingConfig(Architecture.linear(), OptimizerKind.SGD, 0.1, 64, 0, 1, 42),
                new TrainingConfig(Architecture.mlp1(64), OptimizerKind.ADAM, 1e-3, 64, 1e-4, 15, 42),
                new TrainingConfig(Architecture.mlp2(128), OptimizerKind.ADAM, 1e-3, 16, 1e-4, 20, 42),
                new TrainingConfig(Architecture.cnn(16), OptimizerKind.SGD_MOMENTUM, 0.05, 32, 1e-4, 10, 42));
        for (TrainingConfig config : runs) {
            List<Double> walls = new ArrayList<>();
            List<Double> startups = new ArrayList<>();
            double accuracy = 0;
            for (int i = 0; i < jobs; i++) {
                List<Double> startup = new ArrayList<>();
                TrainingOutcome outcome = trainer.train(dataset.key(), config, Duration.ofMinutes(5), new IsolatedTrainer.Listener() {
                    @Override
                    public void started(TrainingEvent.Started s) {
                        startup.add(s.startupSeconds());
                    }
                }, () -> false);
                if (!outcome.status().trained()) {
                    throw new IllegalStateException(outcome.status() + ": " + outcome.message() + "\n" + outcome.log());
                }
                walls.add(outcome.wall().toMillis() / 1000.0);
                startups.add(startup.getFirst());
                accuracy = outcome.epochs().getLast().validationAccuracy();
            }
            System.out.printf(Locale.ROOT, "%-10s %-55s worker %.2f s (to first epoch %.2f s), estimate %d s, validation accuracy %.1f%%%n",
                    config.architecture().key(), config.describe(), median(walls), median(startups),
                    TrainingCost.estimateSeconds(dataset, config), accuracy * 100);
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
