package org.lectern.grading;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every worker JVM a job starts has in common (model evaluation, training runs, the warm live-exercise worker): a cleared environment, the JVM
 * options that keep it small and Deep Java Library offline, a kill that takes its children too.
 */
public final class WorkerJvm {

    private static final Logger log = LoggerFactory.getLogger(WorkerJvm.class);
    /** Passed on from the parent when set: where the GPU's libraries are and which devices the worker may use. */
    private static final List<String> INHERITED_ENVIRONMENT = List.of(
            "LD_LIBRARY_PATH", "CUDA_VISIBLE_DEVICES", "NVIDIA_VISIBLE_DEVICES", "CUDA_HOME");

    private WorkerJvm() {
    }

    /** Replaces the builder's environment: a plain PATH and locale, the job folder as home and its tmp, the GPU variables. */
    public static Map<String, String> environment(ProcessBuilder builder, Path home, Path tmp) {
        Map<String, String> environment = builder.environment();
        Map<String, String> inherited = Map.copyOf(environment);
        environment.clear();
        environment.put("PATH", "/usr/bin:/bin");
        environment.put("LANG", "C.UTF-8");
        environment.put("HOME", home.toString());
        environment.put("TMPDIR", tmp.toString());
        for (String name : INHERITED_ENVIRONMENT) {
            if (inherited.containsKey(name)) {
                environment.put(name, inherited.get(name));
            }
        }
        return environment;
    }

    /** The JVM options of a worker in {@code job}: serial GC, no perf data, a crash log in the job, DJL offline with its cache. */
    public static List<String> options(Path job, Path tmp, String djlCacheDir) {
        return List.of(
                "-XX:+UseSerialGC",
                "-XX:-UsePerfData",
                "-XX:ReservedCodeCacheSize=64m",
                "-XX:ErrorFile=" + job.resolve("hs_err_pid%p.log"),
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + tmp,
                "-Dai.djl.offline=true",
                "-DOPT_OUT_TRACKING=true",
                "-DDJL_CACHE_DIR=" + djlCacheDir,
                "-DENGINE_CACHE_DIR=" + djlCacheDir);
    }

    /** SIGKILLs the worker and whatever it started, and waits (at most 10 s) until it is gone. */
    public static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            log.error("worker {} did not die within 10 s of SIGKILL", process.pid());
        }
    }

    /** The last {@code bytes} of a worker's log file, or "" when it cannot be read. */
    public static String logTail(Path logFile, int bytes) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - bytes);
            byte[] tail = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
