package org.lectern.grading;

import java.time.Duration;
import java.util.Locale;

/**
 * What one sandboxed run did.
 *
 * @param exitCode         exit status; 128 + n when the program was ended by signal n
 * @param stdout           standard output, at most {@code limits.maxOutputBytes()} bytes of it (UTF-8, lenient)
 * @param stderr           standard error, capped the same way
 * @param stdoutTruncated  whether stdout was longer than the cap
 * @param stderrTruncated  whether stderr was longer than the cap
 * @param timedOut         whether the wall-time limit stopped it
 * @param wall             wall time from start to end, sandbox setup included
 * @param termination      how it ended
 * @param limits           the limits it ran under, so that explanations can quote them
 * @param uid              the uid the code ran as
 */
public record SandboxResult(int exitCode, String stdout, String stderr, boolean stdoutTruncated,
                            boolean stderrTruncated, boolean timedOut, Duration wall, Termination termination,
                            SandboxLimits limits, int uid) {

    private static final int SIGABRT = 6;
    private static final int SIGKILL = 9;
    private static final int SIGSEGV = 11;
    private static final int SIGXFSZ = 25;

    /** The signal that ended the program, or 0 when it exited by itself (as far as the exit status tells). */
    public int signal() {
        return termination == Termination.NORMAL ? 0 : Math.max(0, exitCode - 128);
    }

    /**
     * Whether the program ran out of memory. Python reports a failed allocation as MemoryError;
     * C code as ENOMEM or std::bad_alloc. Heuristic: a program may print these words for other reasons.
     */
    public boolean memoryExhausted() {
        return mentionsMemory(stderr) || mentionsMemory(stdout);
    }

    private static boolean mentionsMemory(String text) {
        return text.contains("MemoryError") || text.contains("Cannot allocate memory")
                || text.contains("std::bad_alloc") || text.contains("Unable to allocate")
                || text.contains("DefaultCPUAllocator: can't allocate memory");
    }

    private boolean processLimitHit() {
        // fork()/pthread_create() fail with EAGAIN when RLIMIT_NPROC is reached.
        return stderr.contains("Resource temporarily unavailable") || stderr.contains("can't start new thread");
    }

    /** One or two sentences for the student: what happened and which limit, if any, was hit. */
    public String explanation() {
        String main = switch (termination) {
            case WALL_TIMEOUT -> "Your code ran longer than the %d s wall-time limit and was stopped."
                    .formatted(limits.wallSeconds());
            case CPU_LIMIT -> "Your code used more than %d s of CPU time and was stopped."
                    .formatted(limits.cpuSeconds());
            case MEMORY_LIMIT -> "Your code used more than " + SandboxLimits.describeBytes(limits.runMemoryBytes())
                    + " of memory for the whole run (all its processes, /tmp, /dev/shm and its folder together; the"
                    + " memory limit) and was stopped.";
            case KILLED -> killedSentence();
            case NORMAL -> normalSentence();
        };
        if (stdoutTruncated || stderrTruncated) {
            main += " It printed more than " + SandboxLimits.describeBytes(limits.maxOutputBytes())
                    + "; the rest of the output was cut off.";
        }
        return main;
    }

    private String memorySentence() {
        return "Your code used more than " + SandboxLimits.describeBytes(limits.memoryBytes())
                + " of memory (the limit) and failed.";
    }

    private String killedSentence() {
        int signal = signal();
        if (memoryExhausted()) {
            return memorySentence();
        }
        return switch (signal) {
            case SIGXFSZ -> "Your code tried to write a file larger than "
                    + SandboxLimits.describeBytes(limits.maxFileBytes()) + " and was stopped.";
            case SIGSEGV -> "Your code crashed (segmentation fault).";
            case SIGABRT -> "Your code aborted (SIGABRT), often after a failed check in a library.";
            case SIGKILL -> "Your code was killed (SIGKILL), most likely because it used too much memory.";
            default -> String.format(Locale.ROOT, "Your code was stopped by signal %d.", signal);
        };
    }

    /** ENOSPC: the job folder's mount, /tmp or /dev/shm is full. */
    public boolean diskFull() {
        return stderr.contains("No space left on device") || stdout.contains("No space left on device");
    }

    private String normalSentence() {
        if (exitCode != 0 && memoryExhausted()) {
            return memorySentence();
        }
        if (exitCode != 0 && diskFull()) {
            return "Your code ran out of disk space (No space left on device): its folder holds at most "
                    + SandboxLimits.describeBytes(limits.jobBytes()) + ", /tmp and /dev/shm "
                    + SandboxLimits.describeBytes(limits.tmpBytes()) + " each.";
        }
        if (exitCode != 0 && processLimitHit()) {
            return "Your code tried to start more than " + limits.maxProcesses()
                    + " processes or threads (the limit) and failed.";
        }
        return exitCode == 0 ? "Your code ran to the end." : "Your code exited with status " + exitCode + ".";
    }
}
