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
 * @param versions       import name to version of the packages found ("" where a package does not say)
 */
public record WorkerCapabilities(boolean sandbox, String sandboxLimits, String python, Set<String> packages, boolean gpu,
                                 java.util.Map<String, String> versions) {

    private static final Logger log = LoggerFactory.getLogger(WorkerCapabilities.class);

    /** The environment names an instructor may pick for an assignment, as {@link #environments()} names them. */
    public static final java.util.List<String> ENVIRONMENTS = java.util.List.of("numpy", "pytorch-cpu", "pytorch-cuda");

    public WorkerCapabilities {
        packages = Set.copyOf(packages);
        versions = versions == null ? java.util.Map.of() : java.util.Map.copyOf(versions);
    }

    public WorkerCapabilities(boolean sandbox, String sandboxLimits, String python, Set<String> packages, boolean gpu) {
        this(sandbox, sandboxLimits, python, packages, gpu, java.util.Map.of());
    }

    public static WorkerCapabilities probe() {
        boolean sandbox = Sandbox.available();
        String python = null;
        Set<String> packages = Set.of();
        java.util.Map<String, String> versions = java.util.Map.of();
        try {
            PythonEnvironment env = PythonEnvironment.probe();
            python = env.pythonVersion();
            packages = env.packages();
            versions = env.versions();
        } catch (Exception e) {
            log.warn("no usable Python on this node: {}", e.toString());
        }
        boolean gpu = Files.exists(Path.of("/dev/nvidiactl")) || Files.exists(Path.of("/dev/nvidia0"));
        return new WorkerCapabilities(sandbox, Sandbox.limitsDescription(), python, packages, gpu, versions);
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

    /**
     * The named environments this node offers: "numpy" (Python with numpy), "pytorch-cpu" (and torch), "pytorch-cuda"
     * (torch on a node with a GPU). An assignment's packages pick one: numpy alone, or torch.
     */
    public java.util.List<String> environments() {
        java.util.List<String> names = new java.util.ArrayList<>();
        if (python != null && packages.contains("numpy")) {
            names.add("numpy");
        }
        if (python != null && packages.contains("torch")) {
            names.add("pytorch-cpu");
            if (gpu) {
                names.add("pytorch-cuda");
            }
        }
        return names;
    }

    /** What a run of an assignment needing {@code needed} ran with: "Python 3.11.2; numpy 1.24.2, torch 1.13.1". */
    public String environment(Set<String> needed) {
        if (python == null) {
            return null;
        }
        return new org.lectern.grading.PythonEnvironment(python, packages, versions)
                .describe(needed.isEmpty() ? Set.of("numpy") : needed);
    }

    /** One line for the log and the admin page. */
    public String describe() {
        return sandboxLimits
                + "; python " + (python == null ? "none" : python + " with " + String.join(", ", new TreeSet<>(packages)))
                + "; " + (gpu ? "GPU present" : "no GPU")
                + "; environments " + (environments().isEmpty() ? "none" : String.join(", ", environments()));
    }
}
