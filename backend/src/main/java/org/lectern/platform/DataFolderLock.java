package org.lectern.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lectern per embedded data folder. The lock is an OS file lock beside the folder, so a process
 * killed with SIGKILL releases it at once; holding it, Lectern knows that a PostgreSQL still running on
 * the folder was left by a killed Lectern (pg_ctl detaches the server from its parent) and stops it
 * before starting its own, instead of waiting for a start that cannot succeed.
 */
final class DataFolderLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DataFolderLock.class);
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);
    private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(15);

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder, or says which other Lectern has it. */
    static DataFolderLock take(Path dataDir) {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + ".lock");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Another Lectern is using the data folder " + dataDir.toAbsolutePath()
                        + " (it holds " + file + "). Stop that one first, or give this one its own LECTERN_DATA_DIR.");
            }
            return new DataFolderLock(channel, lock);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new IllegalStateException("Another Lectern in this process is using the data folder " + dataDir.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock the data folder " + dataDir.toAbsolutePath(), e);
        }
    }

    /**
     * Stops a server left running on the folder by a killed Lectern: fast shutdown (SIGINT: sessions
     * ended, data flushed), then immediate shutdown (SIGQUIT: crash recovery at the next start) if it
     * does not go. Only a live postgres process whose postmaster.pid names this very folder is touched.
     */
    void stopOrphanedServer(Path dataDir) {
        Optional<ProcessHandle> orphan = orphanedServer(dataDir);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle server = orphan.get();
        log.warn("An embedded PostgreSQL (pid {}) is still running on {}, left by a Lectern that ended without "
                + "stopping it; stopping it before starting again", server.pid(), dataDir.toAbsolutePath());
        if (signalAndWait(server, "INT", FAST_SHUTDOWN) || signalAndWait(server, "QUIT", IMMEDIATE_SHUTDOWN)) {
            return;
        }
        throw new IllegalStateException("The PostgreSQL left running on " + dataDir.toAbsolutePath() + " (pid "
                + server.pid() + ") did not stop; stop it by hand (kill " + server.pid() + ") and start Lectern again.");
    }

    static Optional<ProcessHandle> orphanedServer(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 2 || !lines.get(0).strip().matches("\\d{1,10}")) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).strip());
            boolean sameFolder = Path.of(lines.get(1).strip()).toAbsolutePath().normalize()
                    .equals(dataDir.toAbsolutePath().normalize());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(h -> sameFolder && h.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        } catch (IOException | RuntimeException e) {
            log.warn("Could not read {}: {}", pidFile, e.toString());
            return Optional.empty();
        }
    }

    private static boolean signalAndWait(ProcessHandle server, String signal, Duration wait) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(server.pid()))
                    .redirectErrorStream(true).start();
            kill.waitFor(10, TimeUnit.SECONDS);
            server.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !server.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !server.isAlive();
        } catch (IOException | java.util.concurrent.ExecutionException e) {
            log.warn("Could not signal pid {}: {}", server.pid(), e.toString());
            return !server.isAlive();
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            log.warn("Could not release the data folder lock", e);
        }
    }
}
