package org.lectern.grading;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The run's writable job folder on a size-capped tmpfs of its own, mounted on the host (as root) for the run:
 * the job folder's files are copied in, the sandbox binds the mount at {@code /job}, and afterwards what the run
 * left is copied back (links as links, never followed) and the mount is removed. Writing past the cap fails
 * with ENOSPC ("No space left on device"). The tmpfs pages are also charged to the run's control group.
 * Without root or where mounting is refused (an unprivileged container), the job folder is used directly and
 * only RLIMIT_FSIZE bounds single files; {@link #description()} says which.
 */
final class JobMount implements AutoCloseable {

    private static final String MOUNT = "/usr/bin/mount";
    private static final String UMOUNT = "/usr/bin/umount";
    private static final String CP = "/usr/bin/cp";
    private static final int TOOL_SECONDS = 60;

    private final Path mountPoint;

    private JobMount(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    Path path() {
        return mountPoint;
    }

    /** Whether runs get a capped job folder here; checked once by mounting and removing one. */
    static boolean available() {
        return Availability.REASON == null;
    }

    static String description() {
        return Availability.REASON == null ? "job folder on a size-capped tmpfs per run"
                : "job folder uncapped (only single files are capped), because " + Availability.REASON;
    }

    private static final class Availability {
        static final String REASON = check();

        private static String check() {
            if (Sandbox.currentUid() != 0) {
                return "the worker does not run as root";
            }
            for (String tool : List.of(MOUNT, UMOUNT, CP)) {
                if (!Files.isExecutable(Path.of(tool))) {
                    return tool + " is missing";
                }
            }
            Path dir = null;
            try {
                dir = Files.createTempDirectory("lectern-mount-check-");
                try (JobMount mount = mount(dir.resolve("job"), 1L << 20, 0)) {
                    return Files.isWritable(mount.path()) ? null : "the test mount was not writable";
                }
            } catch (IOException e) {
                return "mounting a tmpfs failed: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            } finally {
                JobFolder.delete(dir);
            }
        }
    }

    /** Mounts a tmpfs of {@code bytes} at {@code mountPoint} (created), owned by {@code uid}, mode 0700. */
    static JobMount mount(Path mountPoint, long bytes, int uid) throws IOException, InterruptedException {
        Files.createDirectory(mountPoint);
        tool(MOUNT, "-t", "tmpfs", "-o", "size=" + bytes + ",mode=0700,uid=" + uid + ",gid=" + uid
                + ",nosuid,nodev", "lectern-job", mountPoint.toString());
        return new JobMount(mountPoint);
    }

    /** Copies the job folder's contents in, keeping owners, modes and links as they are. */
    void copyIn(Path job) throws IOException, InterruptedException {
        tool(CP, "-a", "--no-dereference", job + "/.", mountPoint + "/");
    }

    /**
     * Replaces the job folder's contents with what the run left. The job folder is emptied first, so the copy
     * never writes through anything already there.
     */
    void copyBack(Path job) throws IOException, InterruptedException {
        try (Stream<Path> children = Files.list(job)) {
            children.forEach(JobFolder::delete);
        }
        tool(CP, "-a", "--no-dereference", mountPoint + "/.", job + "/");
    }

    @Override
    public void close() throws IOException {
        try {
            tool(UMOUNT, "--lazy", mountPoint.toString()); // lazy: a dying sandbox may still hold it open
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (Files.isDirectory(mountPoint, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(mountPoint);
            }
        }
    }

    private static void tool(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        Process process = builder.start();
        byte[] output = process.getInputStream().readNBytes(4096);
        if (!process.waitFor(TOOL_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command[0] + " took longer than " + TOOL_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                    + new String(output, StandardCharsets.UTF_8).strip());
        }
    }
}
