package org.lectern.grading.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;

/**
 * CPU and GPU workers score the same models for one leaderboard, so they run one ONNX Runtime release line (the GPU
 * build of the CPU's exact patch release is not on Maven Central). The versions are the build's effective properties,
 * handed over by Surefire, so a change to either in a pom fails here.
 */
class OnnxRuntimeVersionsTest {

    @Test
    void cpuAndGpuWorkersRunOneOnnxRuntimeReleaseLine() {
        String cpu = System.getProperty("onnxruntime.version");
        String gpu = System.getProperty("onnxruntime-gpu.version");
        assertThat(cpu).as("onnxruntime.version from the build").isNotBlank().doesNotStartWith("$");
        assertThat(gpu).as("onnxruntime-gpu.version from the build").isNotBlank().doesNotStartWith("$");
        assertThat(releaseLine(gpu)).as("GPU workers' ONNX Runtime %s against CPU workers' %s", gpu, cpu).isEqualTo(releaseLine(cpu));
    }

    @Test
    void theRuntimeOnTheClassPathIsTheOneTheBuildNames() {
        String artifact = System.getProperty("onnxruntime.artifactId");
        String version = System.getProperty(artifact.equals("onnxruntime_gpu") ? "onnxruntime-gpu.version" : "onnxruntime.version");
        String jar = OrtSession.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertThat(jar).endsWith("/" + artifact + "-" + version + ".jar");
    }

    private static String releaseLine(String version) {
        String[] parts = version.split("\\.");
        return parts[0] + "." + parts[1];
    }
}
