package org.lectern.grading;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a command in a bubblewrap sandbox: the job folder read-write at {@code /job}, {@code /usr} read-only,
 * private size-capped tmpfs at {@code /tmp} and {@code /dev/shm}, fresh {@code /proc} and {@code /dev}, no
 * network, nothing else of the host (no /root, /home, /work, host /tmp, /etc beyond the dynamic loader's
 * cache), and a fixed environment: PATH, HOME=/job, LANG, PYTHONDONTWRITEBYTECODE, PYTHONHASHSEED, and the
 * PWD=/job that bwrap's --chdir adds. {@link #withReadOnly} adds read-only binds (a worker JVM's class path) and
 * {@link #withDevices} device nodes (a GPU's), for model evaluation.
 *
 * <p>The process chain on the host: {@code sh} (opens the side channel as fd 3, bwrap's status as fd 4 and the
 * seccomp program as fd 5, and enters the run's control group)
 * → {@code timeout -s KILL} (wall limit) → {@code setpriv} (as root: drop to a pool uid, no capabilities,
 * no_new_privs) → {@code prlimit} (cpu, data, nproc, nofile, fsize, core) → {@code bwrap}. Killing the outer
 * bwrap ends the sandbox's pid namespace and so every process the code started.
 *
 * <p>As root, each run gets its own uid from a {@link UidPool} and the job folder is chowned to it; RLIMIT_NPROC
 * is not enforced for uid 0, and a shared uid would share the process budget. Not as root, the code runs as
 * the current user, and RLIMIT_NPROC then counts all of that user's processes on the machine, not just the
 * sandbox's: fine for a dedicated worker account, surprising on a developer's desktop.
 *
 * <p>On top, where the machine allows (root, cgroups delegated, tmpfs mounts permitted): a control group per run
 * ({@link RunCgroups}: memory for all processes and tmpfs pages together, no swap, pids, CPU share), entered by
 * the shell before anything else runs; the job folder on a size-capped tmpfs of its own ({@link JobMount}); and
 * always a seccomp filter ({@link SeccompFilter}). {@link #limitsDescription()} says what this machine got.
 *
 * <p>Limits it does not impose: CPU time summed over processes (RLIMIT_CPU is per process; the wall limit and
 * the group's CPU share bound the total).
 */
public final class Sandbox {

    private static final Logger log = LoggerFactory.getLogger(Sandbox.class);

    static final String BWRAP = "/usr/bin/bwrap";
    static final String SETPRIV = "/usr/bin/setpriv";
    static final String PRLIMIT = "/usr/bin/prlimit";
    static final String TIMEOUT = "/usr/bin/timeout";
    static final String SH = "/bin/sh";

    /** Open files per process: generous enough for torch's DataLoader, small enough to bound kernel memory. */
    private static final int MAX_OPEN_FILES = 1024;
    /** How long after the wall limit the JVM kills the chain itself, should {@code timeout} have failed. */
    private static final int BACKSTOP_GRACE_SECONDS = 10;
    /** How long to wait for the output pipes to close after the chain has exited. */
    private static final int DRAIN_SECONDS = 5;
    /** How long a finished run's processes get to disappear before they are killed. */
    private static final int CLEAR_SECONDS = 5;
    private static final int SIGXCPU = 24;
    /** How often a run with a control group is checked for OOM kills. */
    private static final long OOM_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int EXIT_SIGKILL = 128 + 9;

    private static final List<String> ENVIRONMENT = List.of(
            "PATH", "/usr/bin:/bin",
            "HOME", "/job",
            "LANG", "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE", "1",
            "PYTHONHASHSEED", "0");

    private final UidPool uids;
    /** Host paths also visible, read-only and at the same place (a worker JVM's class path). */
    private final List<Path> readOnly;
    /** Device nodes bound in when they exist (a GPU's). */
    private final List<Path> devices;

    public Sandbox() {
        this(UidPool.DEFAULT);
    }

    public Sandbox(UidPool uids) {
        this(uids, List.of(), List.of());
    }

    private Sandbox(UidPool uids, List<Path> readOnly, List<Path> devices) {
        this.uids = uids;
        this.readOnly = List.copyOf(readOnly);
        this.devices = List.copyOf(devices);
    }

    /**
     * This sandbox, with {@code paths} (absolute, each readable by the sandbox uid, none of them secret) also bound
     * read-only at the same place.
     */
    public Sandbox withReadOnly(List<Path> paths) {
        for (Path path : paths) {
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException("a read-only bind must be absolute: " + path);
            }
        }
        return new Sandbox(uids, paths, devices);
    }

    /** The NVIDIA device nodes a GPU job needs bound in ({@link #withDevices} binds those that exist). */
    public static final List<Path> NVIDIA_DEVICES = java.util.stream.Stream.of("/dev/nvidia0", "/dev/nvidia1", "/dev/nvidia2",
            "/dev/nvidia3", "/dev/nvidia4", "/dev/nvidia5", "/dev/nvidia6", "/dev/nvidia7", "/dev/nvidiactl",
            "/dev/nvidia-uvm", "/dev/nvidia-uvm-tools").map(Path::of).toList();

    /** This sandbox, with the device nodes among {@code paths} that exist bound in (e.g. /dev/nvidia0). */
    public Sandbox withDevices(List<Path> paths) {
        return new Sandbox(uids, readOnly, paths);
    }

    /**
     * Runs {@code command} (an absolute path and its arguments, as seen inside the sandbox) in {@code jobDir}.
     *
     * <p>As root, the job folder and everything in it is chowned to the run's uid first, and every folder above
     * it must be searchable by others (o+x), since bwrap opens it as that uid. After the run, treat the job
     * folder as hostile: it may hold symlinks to anywhere on the host, so read it only with NOFOLLOW_LINKS.
     */
    public SandboxResult run(Path jobDir, List<String> command, SandboxLimits limits)
            throws IOException, InterruptedException {
        return run(jobDir, command, limits, null);
    }

    /**
     * As {@link #run(Path, List, SandboxLimits)}, and opens {@code sideChannel}, a host file outside the job folder,
     * for writing as file descriptor 3 of the command. The command can report through it without the report
     * being a file in the job folder; it is truncated first and subject to {@code maxFileBytes}.
     *
     * @throws SandboxException when the sandbox could not be set up (the command did not start)
     */
    public SandboxResult run(Path jobDir, List<String> command, SandboxLimits limits, Path sideChannel)
            throws IOException, InterruptedException {
        Started started = start(jobDir, command, limits, sideChannel, false, false);
        return started.await();
    }

    /**
     * As {@link #run(Path, List, SandboxLimits, Path)}, but returns once the command has been started: the caller
     * talks to it over its stdin and stdout (raw pipes, {@link Started#stdin()} and {@link Started#stdout()});
     * stderr is captured as by run. {@link Started#await()} waits for the end and frees the uid. The same
     * whole-run limits apply as to {@code run}: the control group and, unless the job is read-only, the capped
     * job folder. Unlike {@code run}, what the command writes there is not copied back into {@code jobDir}: a
     * caller may start the next command on the same folder while this one is still being torn down.
     *
     * @param readOnlyJob as root: the job folder is not handed to the run's uid, so the code can read it (given
     *                    o+r and o+x) but not change it; for trusted material such as an autograder's tests
     */
    public Started start(Path jobDir, List<String> command, SandboxLimits limits, Path sideChannel, boolean readOnlyJob)
            throws IOException, InterruptedException {
        return start(jobDir, command, limits, sideChannel, readOnlyJob, true);
    }

    private Started start(Path jobDir, List<String> command, SandboxLimits limits, Path sideChannel,
                          boolean readOnlyJob, boolean piped) throws IOException, InterruptedException {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        Path job = jobDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(job, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("job folder is not a directory: " + job);
        }
        boolean root = currentUid() == 0;
        Path work = Files.createTempDirectory("lectern-sandbox-"); // host-only scratch: 0700, outside the job
        Started started = new Started(job, work, !piped);
        try {
            int uid = currentUid();
            Path bound = job;
            if (root) {
                requireReachable(job);
                started.lease = uids.acquire(Duration.ofSeconds(limits.wallSeconds() * 2L + 60));
                uid = started.lease.uid();
                if (!readOnlyJob) {
                    chownTree(job, uid);
                }
                started.group = RunCgroups.get().create(limits);
                if (!readOnlyJob && JobMount.available()) {
                    // bwrap opens the mount point as the sandbox uid: it may pass through the scratch folder, not list it.
                    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
                    started.mount = JobMount.mount(work.resolve("job"), limits.jobBytes(), uid);
                    started.mount.copyIn(job);
                    bound = started.mount.path();
                }
            }
            started.launched = launch(bound, command, limits, sideChannel, work, uid, started.group, piped);
            return started;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            started.release(false);
            throw e;
        }
    }

    /** Starts the chain; with {@code piped}, stdin and stdout stay the caller's pipes instead of /dev/null and a capture. */
    private Launched launch(Path job, List<String> command, SandboxLimits limits, Path sideChannel, Path work, int uid,
                            RunCgroups.Run group, boolean piped) throws IOException {
        Path status = work.resolve("bwrap-status.json");
        Path seccomp = Files.write(work.resolve("seccomp.bpf"), SeccompFilter.program());
        List<String> argv = commandLine(job, command, limits, sideChannel, status, uid, seccomp,
                group == null ? List.of() : group.procsFiles());
        log.debug("sandbox run as uid {}: {}", uid, argv);

        ProcessBuilder builder = new ProcessBuilder(argv).directory(work.toFile());
        if (!piped) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        builder.environment().clear(); // the JVM's environment (secrets included) never reaches the chain
        builder.environment().put("PATH", "/usr/bin:/bin");

        long start = System.nanoTime();
        Process process = builder.start();
        BoundedCapture out = piped ? null
                : BoundedCapture.start(process.getInputStream(), limits.maxOutputBytes(), "sandbox-stdout");
        BoundedCapture err = BoundedCapture.start(process.getErrorStream(), limits.maxOutputBytes(), "sandbox-stderr");
        return new Launched(process, status, start, out, err, limits, uid, group);
    }

    /** A started chain, waited for by {@link #finish()}. */
    private record Launched(Process process, Path status, long start, BoundedCapture out, BoundedCapture err,
                            SandboxLimits limits, int uid, RunCgroups.Run group) {

        SandboxResult finish() throws IOException, InterruptedException {
            boolean backstop = false;
            boolean outOfMemory = false;
            try {
                long deadline = start + TimeUnit.SECONDS.toNanos(limits.wallSeconds() + BACKSTOP_GRACE_SECONDS);
                boolean exited = false;
                while (!exited && System.nanoTime() < deadline) {
                    exited = process.waitFor(group == null ? deadline - System.nanoTime() : OOM_POLL_NANOS,
                            TimeUnit.NANOSECONDS);
                    // The kernel's OOM killer takes one process at a time (cgroup v1 has no oom.group): the first
                    // kill ends the whole run, so that it neither limps on nor waits out the wall limit.
                    if (!exited && !outOfMemory && group != null && group.oomKills() > 0) {
                        outOfMemory = true;
                        group.killAll();
                    }
                }
                if (!exited) {
                    backstop = true;
                    log.warn("sandbox chain outlived its wall limit by {} s; killing it", BACKSTOP_GRACE_SECONDS);
                    killTree(process);
                    process.waitFor();
                }
            } catch (InterruptedException e) {
                killTree(process);
                throw e;
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            if (out != null) {
                out.await(DRAIN_SECONDS);
            }
            err.await(DRAIN_SECONDS);

            int exit = process.exitValue();
            String stderr = err.text();
            if (!childStarted(status) && !backstop) {
                throw new SandboxException("sandbox did not start (exit " + exit + "): " + firstLines(stderr, 5));
            }
            boolean timedOut = backstop
                    || (exit == EXIT_SIGKILL && wall.toMillis() >= limits.wallSeconds() * 1000L - 100);
            Termination termination = outOfMemory || (group != null && group.oomKills() > 0)
                    ? Termination.MEMORY_LIMIT : classify(exit, timedOut, wall, limits);
            return new SandboxResult(exit, out == null ? "" : out.text(), stderr, out != null && out.truncated(),
                    err.truncated(), timedOut, wall, termination, limits, uid);
        }
    }

    /**
     * A sandboxed command started by {@link #start}; its uid, control group and job mount are held until
     * {@link #await()} has returned. Teardown order matters: kill the group, wait for the uid's processes to go,
     * then copy the job folder back and unmount, so that nothing still writes while the folder is copied.
     */
    public static final class Started {
        private final Path job;
        private final Path work;
        private final boolean copyBack;
        private UidPool.Lease lease;
        private RunCgroups.Run group;
        private JobMount mount;
        private Launched launched;
        private SandboxResult result;
        private boolean released;

        private Started(Path job, Path work, boolean copyBack) {
            this.job = job;
            this.work = work;
            this.copyBack = copyBack;
        }

        /** The command's standard input. */
        public java.io.OutputStream stdin() {
            return launched.process().getOutputStream();
        }

        /** The command's standard output, unbounded: the caller caps what it reads. */
        public java.io.InputStream stdout() {
            return launched.process().getInputStream();
        }

        /** Waits up to {@code millis} for the chain to end by itself; true if it has. */
        public boolean exited(long millis) throws InterruptedException {
            return launched.process().waitFor(millis, TimeUnit.MILLISECONDS);
        }

        /** Ends the sandbox and everything in it (SIGKILL to the chain and its control group). */
        public void kill() {
            if (group != null) {
                group.killAll();
            }
            killTree(launched.process());
        }

        /** Waits for the end (the wall limit bounds it), then frees the uid; the same result on every call. */
        public synchronized SandboxResult await() throws IOException, InterruptedException {
            if (result != null) {
                return result;
            }
            boolean copy = false;
            try {
                result = launched.finish();
                copy = copyBack;
                return result;
            } finally {
                release(copy);
            }
        }

        private void release(boolean copyBack) throws IOException, InterruptedException {
            if (released) {
                return;
            }
            released = true;
            try {
                if (group != null) {
                    group.close();
                }
                if (lease != null) {
                    clearUid(lease.uid());
                }
                if (mount != null) {
                    try (JobMount m = mount) {
                        if (copyBack) {
                            m.copyBack(job);
                        }
                    }
                }
            } finally {
                if (lease != null) {
                    lease.close();
                }
                JobFolder.delete(work);
            }
        }
    }

    private static Termination classify(int exit, boolean timedOut, Duration wall, SandboxLimits limits) {
        if (timedOut) {
            return Termination.WALL_TIMEOUT;
        }
        if (exit == 128 + SIGXCPU) {
            return Termination.CPU_LIMIT;
        }
        // SIGKILL at the hard CPU limit (soft + 1 s) when the code ignored SIGXCPU. The exit status alone cannot
        // tell it from other kills, so: only if the run lasted long enough to have used that much CPU.
        long cpuMillisPossible = wall.toMillis() * Runtime.getRuntime().availableProcessors();
        if (exit == EXIT_SIGKILL && cpuMillisPossible >= limits.cpuSeconds() * 1000L) {
            return Termination.CPU_LIMIT;
        }
        return exit > 128 && exit < 128 + 65 ? Termination.KILLED : Termination.NORMAL;
    }

    /**
     * The chain's command line. {@code cgroupProcs}: the run's cgroup.procs files, which the shell (still root)
     * enters before it execs anything else, so every later process, student code included, is born in the group.
     */
    List<String> commandLine(Path job, List<String> command, SandboxLimits limits, Path sideChannel,
                             Path status, int uid, Path seccomp, List<String> cgroupProcs) {
        List<String> argv = new ArrayList<>();
        // sh opens the descriptors (ProcessBuilder can only set 0-2) and joins the run's control group, then
        // becomes `timeout`. Exit 125 (before bwrap starts) when the group cannot be entered: no run without it.
        argv.addAll(List.of(SH, "-c",
                "exec 3>\"$1\" 4>\"$2\" 5<\"$3\"; n=$4; shift 4; "
                        + "while [ \"$n\" -gt 0 ]; do echo $$ >\"$1\" || exit 125; shift; n=$((n-1)); done; "
                        + "exec \"$@\"",
                "lectern-sandbox",
                sideChannel == null ? "/dev/null" : sideChannel.toAbsolutePath().toString(),
                status.toString(),
                seccomp.toString(),
                Integer.toString(cgroupProcs.size())));
        argv.addAll(cgroupProcs);
        argv.addAll(List.of(TIMEOUT, "-s", "KILL", limits.wallSeconds() + "s"));
        if (uid != currentUid()) {
            argv.addAll(List.of(SETPRIV, "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
                    "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"));
        }
        argv.addAll(List.of(PRLIMIT,
                "--cpu=" + limits.cpuSeconds() + ":" + (limits.cpuSeconds() + 1), // SIGXCPU, then SIGKILL
                "--data=" + limits.memoryBytes(),
                "--nproc=" + limits.maxProcesses(),
                "--nofile=" + MAX_OPEN_FILES,
                "--fsize=" + limits.maxFileBytes(),
                "--core=0",
                "--"));
        argv.addAll(List.of(BWRAP,
                "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session",
                "--cap-drop", "ALL", "--hostname", "sandbox", "--clearenv"));
        for (int i = 0; i < ENVIRONMENT.size(); i += 2) {
            argv.addAll(List.of("--setenv", ENVIRONMENT.get(i), ENVIRONMENT.get(i + 1)));
        }
        argv.addAll(List.of("--ro-bind", "/usr", "/usr"));
        for (String dir : List.of("/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32")) {
            argv.addAll(topLevelDir(dir));
        }
        argv.addAll(List.of(
                "--ro-bind-try", "/etc/alternatives", "/etc/alternatives",
                "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache",
                "--proc", "/proc",
                "--dev", "/dev"));
        for (Path device : devices) {
            argv.addAll(List.of("--dev-bind-try", device.toString(), device.toString()));
        }
        argv.addAll(List.of(
                "--size", Long.toString(limits.tmpBytes()), "--tmpfs", "/dev/shm",
                "--remount-ro", "/dev", // the --dev tmpfs is otherwise writable and unbounded
                "--size", Long.toString(limits.tmpBytes()), "--tmpfs", "/tmp"));
        for (Path path : readOnly) { // after the /tmp tmpfs, which would hide a bind beneath it
            argv.addAll(List.of("--ro-bind", path.toString(), path.toString()));
        }
        argv.addAll(List.of(
                "--bind", job.toString(), "/job",
                "--chdir", "/job",
                "--remount-ro", "/", // bwrap's root tmpfs: no writable /, /etc or /x, which would also be unbounded
                "--seccomp", "5", // SeccompFilter, applied just before the command starts
                "--json-status-fd", "4",
                "--"));
        argv.addAll(command);
        return argv;
    }

    /** /bin, /lib and friends are symlinks into /usr on merged-/usr systems; mirror whatever the host has. */
    private static List<String> topLevelDir(String dir) {
        Path path = Path.of(dir);
        if (Files.isSymbolicLink(path)) {
            try {
                return List.of("--symlink", Files.readSymbolicLink(path).toString(), dir);
            } catch (IOException e) {
                return List.of();
            }
        }
        return Files.isDirectory(path) ? List.of("--ro-bind", dir, dir) : List.of();
    }

    /** bwrap writes {"child-pid": n} to its status fd once the command has been started. */
    private static boolean childStarted(Path status) throws IOException {
        if (!Files.exists(status)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.limit(4).anyMatch(line -> line.contains("\"child-pid\""));
        }
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * Waits until no live process of {@code uid} is left, killing stragglers after {@link #CLEAR_SECONDS}. A killed
     * sandbox's pid namespace dies asynchronously; were the uid handed on before that, the dying processes would
     * count against the next run's process limit. Polls /proc: ProcessHandle.onExit() would also wait for zombies.
     */
    static void clearUid(int uid) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLEAR_SECONDS);
        List<ProcessHandle> left = processesOf(uid);
        while (!left.isEmpty()) {
            if (System.nanoTime() > deadline) {
                log.warn("processes {} of sandbox uid {} outlived their sandbox; killing them",
                        left.stream().map(ProcessHandle::pid).toList(), uid);
                left.forEach(ProcessHandle::destroyForcibly);
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            left = processesOf(uid);
        }
    }

    /**
     * The host's live processes running as {@code uid} (/proc/PID belongs to the process's effective uid).
     * Zombies are left out: bwrap's outer process exits on its init's report without reaping it, so that init
     * becomes a zombie child of the host's init until that reaps it (about a second in the Firecracker VMs we
     * measured on). It is dead, but it still counts against the uid's RLIMIT_NPROC meanwhile, which is one reason
     * the {@link UidPool} hands uids out round-robin.
     */
    static List<ProcessHandle> processesOf(int uid) {
        List<ProcessHandle> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(path -> {
                        try {
                            if ((Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS) == uid
                                    && !isZombie(path)) {
                                ProcessHandle.of(Long.parseLong(path.getFileName().toString())).ifPresent(found::add);
                            }
                        } catch (IOException gone) {
                            // exited while we looked
                        }
                    });
        } catch (IOException e) {
            log.debug("could not list /proc: {}", e.toString());
        }
        return found;
    }

    private static boolean isZombie(Path procEntry) throws IOException {
        String stat = Files.readString(procEntry.resolve("stat"));
        int end = stat.lastIndexOf(')'); // the command name may hold spaces and parentheses
        return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
    }

    /** bwrap runs as the sandbox uid and must be able to walk down to the job folder. */
    private static void requireReachable(Path job) throws IOException {
        for (Path dir = job.getParent(); dir != null; dir = dir.getParent()) {
            if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new SandboxException("job folder " + job + " is not reachable by the sandbox uid: "
                        + dir + " lacks o+x");
            }
        }
    }

    /** Hands the job folder to the sandbox uid. Symlinks are changed themselves, never followed. */
    private static void chownTree(Path job, int uid) throws IOException {
        Files.walkFileTree(job, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                chown(dir, uid);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                chown(file, uid);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void chown(Path path, int uid) throws IOException {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
    }

    static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    private static String firstLines(String text, int lines) {
        return String.join("\n", text.lines().limit(lines).toList());
    }

    /**
     * How runs are limited on this machine, for the worker's start-up log and the admin page: "cgroup v2 at …" or
     * "rlimits only, because …", the job folder's cap, and the seccomp filter.
     */
    public static String limitsDescription() {
        if (!available()) {
            return "no sandbox: " + unavailableReason();
        }
        return "sandbox limits: " + RunCgroups.get().description() + "; " + JobMount.description()
                + "; rlimits per process; seccomp filter (" + SeccompFilter.DENIED.size()
                + " calls denied, x86_64 and aarch64)";
    }

    /** Whether sandboxed runs work on this machine: tools present and a sandboxed /bin/true succeeds. */
    public static boolean available() {
        return Availability.REASON == null;
    }

    /** Why {@link #available()} is false, or null when it is true. */
    public static String unavailableReason() {
        return Availability.REASON;
    }

    /** Checked once per JVM, on first use. */
    private static final class Availability {
        static final String REASON = check();

        private static String check() {
            if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
                return "the sandbox needs Linux";
            }
            for (String tool : List.of(BWRAP, SETPRIV, PRLIMIT, TIMEOUT, SH)) {
                if (!Files.isExecutable(Path.of(tool))) {
                    return tool + " is missing";
                }
            }
            Path job = null;
            try {
                job = Files.createTempDirectory("lectern-sandbox-check-");
                SandboxLimits limits = SandboxLimits.DEFAULT.withWallSeconds(30).withCpuSeconds(10);
                SandboxResult result = new Sandbox().run(job, List.of("/bin/true"), limits);
                if (result.exitCode() != 0) {
                    return "a sandboxed /bin/true exited with " + result.exitCode() + ": "
                            + firstLines(result.stderr(), 3);
                }
                return null;
            } catch (IOException e) {
                return "a sandboxed /bin/true failed: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while checking the sandbox";
            } finally {
                if (job != null) {
                    JobFolder.delete(job);
                }
            }
        }
    }
}
