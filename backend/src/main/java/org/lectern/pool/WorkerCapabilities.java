package org.lectern.pool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.lectern.grading.PythonEnvironment;
import org.lectern.grading.Sandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this node can run, found once at start: the sandbox (bubblewrap working, and how runs are limited here),
 * the Python packages student code may import, and whether a GPU is present.
 *
 * @param sandbox        whether a sandboxed /bin/true ran
 * @param sandboxLimits  {@link Sandbox#limitsDescription()}: "sandbox limits: cgroup v1 at …", or "no sandbox: …" and why
 * @param python         the Python version, or null when there is no usable Python
 * @param packages       import names that imported here
 * @param gpu            whether an NVIDIA device is present
 */
public record WorkerCapabilities(boolean sandbox, String sandboxLimits, String python, Set<String> packages, boolean gpu) {

    private static final Logger log = LoggerFactory.getLogger(WorkerCapabilities.class);

    public WorkerCapabilities {
        packages = Set.copyOf(packages);
    }

    public static WorkerCapabilities probe() {
        boolean sandbox = Sandbox.available();
        String python = null;
        Set<String> packages = Set.of();
        try {
            PythonEnvironment env = PythonEnvironment.probe();
            python = env.pythonVersion();
            packages = env.packages();
        } catch (Exception e) {
            log.warn("no usable Python on this node: {}", e.toString());
        }
        boolean gpu = Files.exists(Path.of("/dev/nvidiactl")) || Files.exists(Path.of("/dev/nvidia0"));
        return new WorkerCapabilities(sandbox, Sandbox.limitsDescription(), python, packages, gpu);
    }

    public boolean canRun(JobNeeds needs) {
        return (!needs.sandbox() || sandbox) && (!needs.gpu() || gpu);
    }

    /** The packages of {@code needed} this node lacks (empty when it has them all). */
    public Set<String> missing(Set<String> needed) {
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(packages);
        return missing;
    }

    /** One line for the log and the admin page. */
    public String describe() {
        return sandboxLimits
                + "; python " + (python == null ? "none" : python + " with " + String.join(", ", new TreeSet<>(packages)))
                + "; " + (gpu ? "GPU present" : "no GPU");
    }
}
