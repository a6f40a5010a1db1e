package org.lectern.grading.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.grading.model.DevicePreference;
import org.lectern.grading.model.EvaluationData;
import org.lectern.grading.model.EvaluationLimits;
import org.lectern.grading.model.Fixtures;
import org.lectern.grading.model.WorkerLauncher;

/** A real worker JVM: started, asked, killed, started again. */
class LiveInferenceWorkerTest {

    private static final EvaluationLimits LIMITS = new EvaluationLimits(Duration.ofSeconds(60), 512L << 20, 96L << 20);

    @TempDir
    Path tmp;

    private LiveInferenceWorker worker(Path model) {
        return new LiveInferenceWorker(model, LIMITS, Duration.ofSeconds(10), DevicePreference.CPU,
                WorkerLauncher.currentJvm(LiveInferenceProcess.class), tmp.resolve("live"), tmp.resolve("djl").toString());
    }

    private static float[] trainingImage(int i) throws Exception {
        EvaluationData train = EvaluationData.load(Fixtures.models().resolve("digits-train"));
        return train.image(i);
    }

    @Test
    void itAnswersFromAWarmProcessAndRestartsOneThatDied() throws Exception {
        EvaluationData train = EvaluationData.load(Fixtures.models().resolve("digits-train"));
        try (LiveInferenceWorker worker = worker(Fixtures.model("digits-cnn-explained.onnx"))) {
            assertThat(worker.state()).isEqualTo(LiveInferenceWorker.State.STOPPED);
            worker.start();
            assertThat(worker.state()).isEqualTo(LiveInferenceWorker.State.READY);
            assertThat(worker.device()).isEqualTo("cpu");
            long pid = worker.process().orElseThrow().pid();

            Explanation first = worker.explain(trainingImage(5));
            try (DigitExplainer here = DigitExplainer.load(Fixtures.model("digits-cnn-explained.onnx"),
                    DevicePreference.CPU, 1, tmp.resolve("djl").toString())) {
                assertThat(first.probabilities()).as("the same answer as the model in this JVM")
                        .containsExactly(here.explain(trainingImage(5)).probabilities());
            }
            assertThat(first.occlusion()).hasSize(64);
            assertThat(worker.process().orElseThrow().pid()).as("the same warm process").isEqualTo(pid);

            ProcessHandle old = worker.process().orElseThrow();
            old.destroyForcibly();
            old.onExit().get();
            Explanation again = worker.explain(trainingImage(0));
            assertThat(again.predicted()).isEqualTo(train.label(0));
            assertThat(worker.process().orElseThrow().pid()).isNotEqualTo(pid);
        }
    }

    @Test
    void aBadRequestGetsItsOwnErrorAndTheWorkerGoesOn() throws Exception {
        try (LiveInferenceWorker worker = worker(Fixtures.model("digits-cnn-explained.onnx"))) {
            assertThatThrownBy(() -> worker.explain(new float[10])).isInstanceOf(LiveInferenceException.class)
                    .hasMessage("an image has 64 pixels, not 10");
            assertThat(worker.explain(trainingImage(1)).probabilities()).hasSize(10);
        }
    }

    @Test
    void aModelThatCannotBeLoadedSaysSo() throws Exception {
        try (LiveInferenceWorker worker = worker(Fixtures.fixture("random-bytes.onnx"))) {
            assertThatThrownBy(worker::start).isInstanceOf(LiveInferenceException.class)
                    .hasMessageStartingWith("the live model could not be loaded: the model could not be loaded:");
            assertThat(worker.state()).isEqualTo(LiveInferenceWorker.State.FAILED);
            assertThat(worker.lastError()).isNotBlank();
        }
    }
}
