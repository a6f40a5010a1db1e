package org.lectern.grading;

/** How a sandboxed run ended. */
public enum Termination {
    /** The program exited by itself, with any exit status. */
    NORMAL,
    /** Stopped by the wall-clock limit. */
    WALL_TIMEOUT,
    /** Stopped by the CPU-time limit: SIGXCPU, or SIGKILL at the hard limit when SIGXCPU was ignored. */
    CPU_LIMIT,
    /** The run as a whole (all its processes and its tmpfs files together) reached its memory limit. */
    MEMORY_LIMIT,
    /** Ended by some other signal: a crash, a file over the size limit, an outside kill. */
    KILLED
}
