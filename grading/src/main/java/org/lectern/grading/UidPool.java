package org.lectern.grading;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Unprivileged uids for sandboxed runs, one per concurrent run.
 *
 * <p>One uid per run because RLIMIT_NPROC counts the processes of a uid: two runs sharing a uid would share
 * one process budget, and one run's fork loop would starve the other. Within this JVM a set tracks the uids
 * in use; across JVMs on the same machine (several workers) a file lock per uid does. A crashed JVM's locks
 * go with it.
 */
public final class UidPool {

    /** 61000..61063: above the ranges Debian gives to system and normal users, with no passwd entries. */
    public static final UidPool DEFAULT =
            new UidPool(61000, 64, Path.of(System.getProperty("java.io.tmpdir"), "lectern-sandbox-uids"));

    private static final Duration RETRY = Duration.ofMillis(200);

    private final int first;
    private final int count;
    private final Path lockDir;
    private final Set<Integer> inUse = new HashSet<>();
    /**
     * Round-robin start: a finished run leaves its sandbox's init behind as a zombie until the host's init reaps
     * it, and zombies count against RLIMIT_NPROC; reusing the same uid run after run would pile them up.
     */
    private int next;

    public UidPool(int first, int count, Path lockDir) {
        if (first < 1000 || count < 1) {
            throw new IllegalArgumentException("uid pool must start at 1000 or above and hold at least one uid");
        }
        this.first = first;
        this.count = count;
        this.lockDir = lockDir;
    }

    /** A uid held until {@link #close()}. */
    public final class Lease implements AutoCloseable {
        private final int uid;
        private final FileChannel channel;
        private final FileLock lock;

        private Lease(int uid, FileChannel channel, FileLock lock) {
            this.uid = uid;
            this.channel = channel;
            this.lock = lock;
        }

        public int uid() {
            return uid;
        }

        @Override
        public void close() throws IOException {
            try (channel) {
                lock.release();
            } finally {
                release(uid);
            }
        }
    }

    /** Waits until a uid is free, at most {@code maxWait}. */
    public Lease acquire(Duration maxWait) throws IOException, InterruptedException {
        Files.createDirectories(lockDir);
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Lease lease = tryAcquire();
            if (lease != null) {
                return lease;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SandboxException("no free sandbox uid in " + first + ".." + (first + count - 1)
                        + " after " + maxWait.toSeconds() + " s");
            }
            // Woken early when this JVM releases one; the timeout covers releases by other JVMs.
            synchronized (this) {
                wait(Math.max(1, Math.min(left, RETRY.toNanos()) / 1_000_000));
            }
        }
    }

    private Lease tryAcquire() throws IOException {
        int start;
        synchronized (this) {
            start = next;
            next = (next + 1) % count;
        }
        for (int i = 0; i < count; i++) {
            int uid = first + (start + i) % count;
            synchronized (this) {
                if (!inUse.add(uid)) {
                    continue;
                }
            }
            FileChannel channel = FileChannel.open(lockDir.resolve(uid + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                release(uid);
                throw e;
            }
            if (lock == null) { // another JVM on this machine holds it
                channel.close();
                release(uid);
                continue;
            }
            return new Lease(uid, channel, lock);
        }
        return null;
    }

    private synchronized void release(int uid) {
        inUse.remove(uid);
        notifyAll();
    }
}
