package org.lectern.grading;

/**
 * Resource limits for one sandboxed run.
 *
 * @param cpuSeconds     CPU time per process (RLIMIT_CPU): SIGXCPU at this many seconds, SIGKILL one second later
 * @param wallSeconds    wall-clock time for the whole run, enforced by {@code timeout -s KILL}
 * @param memoryBytes    data segment per process (RLIMIT_DATA); RLIMIT_AS would break imports such as torch
 *                       that reserve large address ranges without using them
 * @param maxProcesses   processes and threads of the sandbox uid (RLIMIT_NPROC), including the two bwrap processes
 * @param maxOutputBytes bytes kept of stdout and of stderr each; the rest is read and dropped
 * @param maxFileBytes   largest file the code may write (RLIMIT_FSIZE)
 * @param tmpBytes       size of the private tmpfs at /tmp (and of the one at /dev/shm)
 * @param jobBytes       size of the writable job folder, where the machine allows a capped mount per run
 *
 * <p>Where the machine delegates control groups, the run as a whole (every process, /tmp, /dev/shm and the job
 * folder together) is also held to {@link #runMemoryBytes()}, with processes counted together too.
 */
public record SandboxLimits(int cpuSeconds, int wallSeconds, long memoryBytes, int maxProcesses,
                            int maxOutputBytes, long maxFileBytes, long tmpBytes, long jobBytes) {

    /** The job folder's default cap: room for a notebook's data files and outputs. */
    public static final long DEFAULT_JOB_BYTES = 256L << 20;

    public static final SandboxLimits DEFAULT =
            new SandboxLimits(60, 120, 1L << 30, 64, 1 << 20, 64L << 20, 256L << 20, DEFAULT_JOB_BYTES);

    public SandboxLimits(int cpuSeconds, int wallSeconds, long memoryBytes, int maxProcesses,
                         int maxOutputBytes, long maxFileBytes, long tmpBytes) {
        this(cpuSeconds, wallSeconds, memoryBytes, maxProcesses, maxOutputBytes, maxFileBytes, tmpBytes,
                DEFAULT_JOB_BYTES);
    }

    public SandboxLimits {
        if (cpuSeconds < 1 || wallSeconds < 1) {
            throw new IllegalArgumentException("time limits must be at least 1 s");
        }
        if (memoryBytes < (16L << 20)) {
            throw new IllegalArgumentException("memory limit below 16 MiB: not even Python starts");
        }
        // bwrap itself needs two processes of the uid, the command a third.
        if (maxProcesses < 4) {
            throw new IllegalArgumentException("maxProcesses must be at least 4");
        }
        if (maxOutputBytes < 1 || maxFileBytes < 1 || tmpBytes < (1L << 20) || jobBytes < (1L << 20)) {
            throw new IllegalArgumentException(
                    "output, file, tmp and job folder limits must be positive (tmp and job folder at least 1 MiB)");
        }
    }

    /**
     * Memory for the whole run: the per-process limit once, plus full /tmp, /dev/shm and job folder (tmpfs pages
     * are memory and are charged to the run). Many processes together get no more than one could alone.
     */
    public long runMemoryBytes() {
        return memoryBytes + 2 * tmpBytes + jobBytes;
    }

    public SandboxLimits withJobBytes(long bytes) {
        return new SandboxLimits(cpuSeconds, wallSeconds, memoryBytes, maxProcesses, maxOutputBytes, maxFileBytes,
                tmpBytes, bytes);
    }

    public SandboxLimits withCpuSeconds(int seconds) {
        return new SandboxLimits(seconds, wallSeconds, memoryBytes, maxProcesses, maxOutputBytes, maxFileBytes, tmpBytes, jobBytes);
    }

    public SandboxLimits withWallSeconds(int seconds) {
        return new SandboxLimits(cpuSeconds, seconds, memoryBytes, maxProcesses, maxOutputBytes, maxFileBytes, tmpBytes, jobBytes);
    }

    public SandboxLimits withMemoryBytes(long bytes) {
        return new SandboxLimits(cpuSeconds, wallSeconds, bytes, maxProcesses, maxOutputBytes, maxFileBytes, tmpBytes, jobBytes);
    }

    public SandboxLimits withMaxProcesses(int processes) {
        return new SandboxLimits(cpuSeconds, wallSeconds, memoryBytes, processes, maxOutputBytes, maxFileBytes, tmpBytes, jobBytes);
    }

    public SandboxLimits withMaxOutputBytes(int bytes) {
        return new SandboxLimits(cpuSeconds, wallSeconds, memoryBytes, maxProcesses, bytes, maxFileBytes, tmpBytes, jobBytes);
    }

    public SandboxLimits withMaxFileBytes(long bytes) {
        return new SandboxLimits(cpuSeconds, wallSeconds, memoryBytes, maxProcesses, maxOutputBytes, bytes, tmpBytes, jobBytes);
    }

    /** "1 GiB", "256 MiB", "1.5 KiB", "100 bytes": sizes as students read them. */
    public static String describeBytes(long bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
        return number + " " + units[unit];
    }
}
