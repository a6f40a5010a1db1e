package org.lectern.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A control group per sandboxed run, so that limits hold for the whole run rather than per process: memory
 * (tmpfs and shared-memory pages count, as the kernel charges them to the writer's group; no swap), processes
 * and CPU share. Without it, 60 processes at the per-process memory limit, or full /tmp and /dev/shm, add up
 * past any single cap.
 *
 * <p>cgroup v2 (one hierarchy at /sys/fs/cgroup): runs are children of {@code /sys/fs/cgroup/lectern}, with
 * memory, pids and cpu enabled for it; this needs the root of our cgroup namespace to delegate those
 * controllers, which a container without a writable, delegated cgroup file system does not. cgroup v1 (one
 * mount per controller): runs are children of {@code lectern} below this JVM's own group in each of memory,
 * pids and cpu. The group is entered by the sandbox's first process (the shell, as root) before it execs the
 * rest of the chain, so student code never runs outside it. Either needs root; otherwise the sandbox falls back
 * to rlimits only, and {@link #description()} says why.
 */
final class RunCgroups {

    private static final Logger log = LoggerFactory.getLogger(RunCgroups.class);
    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final long CPU_PERIOD_MICROS = 100_000;
    /** CPUs a run may use at once: enough for a DataLoader worker beside the main process. */
    static final int RUN_CPUS = 2;

    enum Mode { V2, V1, NONE }

    private final Mode mode;
    /** V2: the one parent; V1: controller → parent (memory, pids, cpu). */
    private final Map<String, Path> parents;
    private final String description;

    private RunCgroups(Mode mode, Map<String, Path> parents, String description) {
        this.mode = mode;
        this.parents = parents;
        this.description = description;
    }

    /** What this machine offers, found once per JVM. */
    static RunCgroups get() {
        return Detected.INSTANCE;
    }

    private static final class Detected {
        static final RunCgroups INSTANCE = detect();
    }

    Mode mode() {
        return mode;
    }

    /** "cgroup v2 at /sys/fs/cgroup/lectern (…)" or "rlimits only, because …": for the log and the admin page. */
    String description() {
        return description;
    }

    static RunCgroups detect() {
        if (Sandbox.currentUid() != 0) {
            return none("the worker does not run as root, and only root may create and enter control groups");
        }
        try {
            if (Files.exists(ROOT.resolve("cgroup.controllers"))) {
                return detectV2();
            }
            if (Files.isDirectory(ROOT.resolve("memory")) && Files.isDirectory(ROOT.resolve("pids"))) {
                return detectV1();
            }
            return none("no cgroup file system with the memory and pids controllers is mounted at " + ROOT);
        } catch (IOException | RuntimeException e) {
            return none("setting up a test group failed: " + e.getMessage());
        }
    }

    private static RunCgroups detectV2() throws IOException {
        String available = Files.readString(ROOT.resolve("cgroup.controllers"));
        for (String needed : List.of("memory", "pids")) {
            if (!available.contains(needed)) {
                return none("the cgroup v2 root offers no " + needed + " controller (" + available.strip() + ")");
            }
        }
        String enable = available.contains("cpu") ? "+memory +pids +cpu" : "+memory +pids";
        try {
            enableControllers(ROOT, enable);
            Path parent = ROOT.resolve("lectern");
            Files.createDirectories(parent);
            enableControllers(parent, enable);
            RunCgroups groups = new RunCgroups(Mode.V2, Map.of("", parent),
                    "cgroup v2 at " + parent + " (memory incl. tmpfs and shm, no swap, pids, cpu per run)");
            groups.probe();
            return groups;
        } catch (IOException e) {
            return none("controllers cannot be delegated below " + ROOT + " (" + e.getMessage()
                    + "); in a container, give it its own writable cgroup v2 subtree");
        }
    }

    private static void enableControllers(Path group, String enable) throws IOException {
        String now = Files.readString(group.resolve("cgroup.subtree_control"));
        if (now.contains("memory") && now.contains("pids")) {
            return;
        }
        Files.writeString(group.resolve("cgroup.subtree_control"), enable);
    }

    private static RunCgroups detectV1() throws IOException {
        Map<String, String> own = ownV1Paths();
        Map<String, Path> parents = new LinkedHashMap<>();
        for (String controller : List.of("memory", "pids", "cpu")) {
            Path mount = ROOT.resolve(controller);
            if (!Files.exists(mount.resolve("cgroup.procs"))) {
                if (controller.equals("cpu")) {
                    continue; // CPU share is the one limit the wall-time limit covers anyway
                }
                return none("the cgroup v1 " + controller + " controller is not mounted at " + mount);
            }
            String relative = own.getOrDefault(controller, "/").replaceFirst("^/", "");
            Path parent = (relative.isEmpty() ? mount : mount.resolve(relative)).resolve("lectern");
            Files.createDirectories(parent);
            parents.put(controller, parent);
        }
        RunCgroups groups = new RunCgroups(Mode.V1, parents,
                "cgroup v1 at " + parents.values() + " (memory incl. tmpfs and shm, no swap, pids, cpu per run)");
        groups.probe();
        return groups;
    }

    /** controller → this process's group in it, from /proc/self/cgroup ("4:memory:/x/y"). */
    private static Map<String, String> ownV1Paths() throws IOException {
        Map<String, String> paths = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3) {
                for (String controller : parts[1].split(",")) {
                    paths.put(controller, parts[2]);
                }
            }
        }
        return paths;
    }

    /** Creates, limits and removes one group, so that a machine that lets us mkdir but not write limits falls back. */
    private void probe() throws IOException {
        try (Run run = create(SandboxLimits.DEFAULT)) {
            if (run.procsFiles().isEmpty()) {
                throw new IOException("no cgroup.procs");
            }
        }
    }

    private static RunCgroups none(String why) {
        return new RunCgroups(Mode.NONE, Map.of(), "rlimits only, because " + why);
    }

    /** A fresh group for one run with its limits written, or null when runs get rlimits only. */
    Run create(SandboxLimits limits) throws IOException {
        if (mode == Mode.NONE) {
            return null;
        }
        String name = "run-" + UUID.randomUUID();
        Map<String, Path> groups = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Path> parent : parents.entrySet()) {
                Path group = parent.getValue().resolve(name);
                Files.createDirectory(group);
                groups.put(parent.getKey(), group);
            }
            long memory = limits.runMemoryBytes();
            long cpuQuota = CPU_PERIOD_MICROS * RUN_CPUS;
            int pids = limits.maxProcesses() + 1; // `timeout` stays in the group as the chain's parent
            if (mode == Mode.V2) {
                Path group = groups.get("");
                write(group, "memory.max", Long.toString(memory));
                writeIfPresent(group, "memory.swap.max", "0");
                writeIfPresent(group, "memory.oom.group", "1"); // an OOM ends the whole run, not one process
                write(group, "pids.max", Integer.toString(pids));
                writeIfPresent(group, "cpu.max", cpuQuota + " " + CPU_PERIOD_MICROS);
            } else {
                Path mem = groups.get("memory");
                write(mem, "memory.limit_in_bytes", Long.toString(memory));
                writeIfPresent(mem, "memory.memsw.limit_in_bytes", Long.toString(memory)); // memory + swap = memory
                writeIfPresent(mem, "memory.swappiness", "0");
                write(groups.get("pids"), "pids.max", Integer.toString(pids));
                Path cpu = groups.get("cpu");
                if (cpu != null) {
                    write(cpu, "cpu.cfs_period_us", Long.toString(CPU_PERIOD_MICROS));
                    write(cpu, "cpu.cfs_quota_us", Long.toString(cpuQuota));
                }
            }
            return new Run(mode, groups);
        } catch (IOException | RuntimeException e) {
            new Run(mode, groups).close();
            throw e;
        }
    }

    private static void write(Path group, String file, String value) throws IOException {
        Files.writeString(group.resolve(file), value);
    }

    private static void writeIfPresent(Path group, String file, String value) throws IOException {
        if (Files.exists(group.resolve(file))) {
            write(group, file, value);
        }
    }

    /** One run's group(s): entered by the chain's first process, read for OOM kills, removed after the run. */
    static final class Run implements AutoCloseable {
        private static final int REMOVE_SECONDS = 5;
        private final Mode mode;
        private final Map<String, Path> groups;

        private Run(Mode mode, Map<String, Path> groups) {
            this.mode = mode;
            this.groups = groups;
        }

        /** The cgroup.procs files the first process writes its pid to. */
        List<String> procsFiles() {
            return groups.values().stream().map(g -> g.resolve("cgroup.procs").toString()).toList();
        }

        /** Processes the kernel killed because the run as a whole reached its memory limit. */
        long oomKills() {
            Path memory = mode == Mode.V2 ? groups.get("") : groups.get("memory");
            if (memory == null) {
                return 0;
            }
            String file = mode == Mode.V2 ? "memory.events" : "memory.oom_control";
            try {
                for (String line : Files.readAllLines(memory.resolve(file))) {
                    if (line.startsWith("oom_kill ")) {
                        return Long.parseLong(line.substring("oom_kill ".length()).strip());
                    }
                }
            } catch (IOException | NumberFormatException e) {
                log.debug("could not read {} of {}: {}", file, memory, e.toString());
            }
            return 0;
        }

        /** Kills every process of the run now. */
        void killAll() {
            groups.values().forEach(Run::killAll);
        }

        /** Kills what is left in the group and removes it. */
        @Override
        public void close() {
            for (Path group : groups.values()) {
                remove(group);
            }
        }

        private void remove(Path group) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(REMOVE_SECONDS);
            while (Files.exists(group)) {
                killAll(group);
                try {
                    Files.delete(group); // rmdir: fails while processes are left
                    return;
                } catch (IOException busy) {
                    if (System.nanoTime() > deadline) {
                        log.warn("could not remove the run's control group {}: {}", group, busy.toString());
                        return;
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                }
            }
        }

        private static void killAll(Path group) {
            try {
                Path kill = group.resolve("cgroup.kill");
                if (Files.exists(kill)) {
                    Files.writeString(kill, "1");
                    return;
                }
                List<ProcessHandle> left = new ArrayList<>();
                for (String pid : Files.readAllLines(group.resolve("cgroup.procs"))) {
                    if (!pid.isBlank()) {
                        ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(left::add);
                    }
                }
                left.forEach(ProcessHandle::destroyForcibly);
            } catch (IOException | RuntimeException e) {
                log.debug("could not empty {}: {}", group, e.toString());
            }
        }
    }
}
