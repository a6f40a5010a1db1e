package org.lectern.grading.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;

/**
 * CPU and GPU workers score the same models for one leaderboard, so they run one ONNX Runtime release, the same on
 * both. The versions are the build's effective properties, handed over by Surefire, so a change to either in a pom
 * fails here; and the native library that runs is the release the build names (what a run records).
 */
class OnnxRuntimeVersionsTest {

    @Test
    void cpuAndGpuWorkersRunOneOnnxRuntimeRelease() {
        String cpu = System.getProperty("onnxruntime.version");
        String gpu = System.getProperty("onnxruntime-gpu.version");
        assertThat(cpu).as("onnxruntime.version from the build").isNotBlank().doesNotStartWith("$");
        assertThat(gpu).as("onnxruntime-gpu.version from the build").isNotBlank().doesNotStartWith("$");
        assertThat(gpu).as("GPU workers' ONNX Runtime %s against CPU workers' %s", gpu, cpu).isEqualTo(cpu);
    }

    @Test
    void theRuntimeOnTheClassPathIsTheOneTheBuildNames() throws Exception {
        String artifact = System.getProperty("onnxruntime.artifactId");
        String version = System.getProperty(artifact.equals("onnxruntime_gpu") ? "onnxruntime-gpu.version" : "onnxruntime.version");
        String jar = OrtSession.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertThat(jar).endsWith("/" + artifact + "-" + version + ".jar");
        // What a model run records as its runtime (the native library's own version), with DJL's engine started first
        // as a worker starts it (it must create the process's one environment).
        ModelEvaluator.onnxRuntimeEngine();
        assertThat(ModelEvaluator.onnxRuntimeVersion()).isEqualTo(version);
    }
}
