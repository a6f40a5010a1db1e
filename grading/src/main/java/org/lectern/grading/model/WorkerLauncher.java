package org.lectern.grading.model;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How to start the JVM that runs {@link ModelEvaluationProcess}.
 *
 * <p>{@link #currentJvm()} reuses this JVM's java binary and class path, which is right for a worker started
 * from a plain class path (tests, {@code java -cp}). From a Spring Boot fat jar the class path is the jar alone and
 * the main class sits in BOOT-INF/classes: launch through Spring Boot's PropertiesLauncher instead, i.e.
 * {@code new WorkerLauncher(java, "app.jar", List.of("-Dloader.main=" + main.getName()),
 * "org.springframework.boot.loader.launch.PropertiesLauncher")}.
 *
 * @param java       the java binary
 * @param classpath  the class path, as for {@code -cp}
 * @param jvmOptions extra options placed before the main class
 * @param mainClass  the class whose main method runs (directly or through a launcher)
 *                   {@link ModelEvaluationProcess#main}
 */
public record WorkerLauncher(Path java, String classpath, List<String> jvmOptions, String mainClass) {

    private static final List<String> INHERITED_ENVIRONMENT = List.of(
            "LD_LIBRARY_PATH", "CUDA_VISIBLE_DEVICES", "NVIDIA_VISIBLE_DEVICES", "CUDA_HOME");
    /** Passed on to the worker when set here, e.g. a pre-unpacked ONNX Runtime so that no job unpacks its own. */
    private static final List<String> INHERITED_PROPERTIES = List.of("onnxruntime.native.path");

    public WorkerLauncher {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * The java command line up to and including the main class: heap limit, a small serial-GC JVM, crash files in
     * {@code errorDir}, the temporary directory, DJL offline with its cache, this JVM's GPU-related properties.
     */
    public List<String> javaCommand(long heapBytes, Path tmp, Path errorDir, String cacheDir) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Xmx" + heapBytes);
        command.addAll(List.of(
                "-XX:+UseSerialGC",
                "-XX:-UsePerfData",
                "-XX:ReservedCodeCacheSize=64m",
                "-XX:ErrorFile=" + errorDir.resolve("hs_err_pid%p.log"),
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + tmp,
                "-Dai.djl.offline=true",
                "-DOPT_OUT_TRACKING=true",
                "-DDJL_CACHE_DIR=" + cacheDir,
                "-DENGINE_CACHE_DIR=" + cacheDir));
        for (String property : INHERITED_PROPERTIES) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        return command;
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

    /**
     * A worker's environment: cleared, then a minimal PATH and locale, its own home and temporary directory, and
     * only the GPU-related variables of this process (a worker never sees the app's secrets).
     */
    public static void isolateEnvironment(Map<String, String> environment, Path home, Path tmp) {
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
    }

    /** This JVM's binary and class path (made absolute), and {@link ModelEvaluationProcess} as the main class. */
    public static WorkerLauncher currentJvm() {
        return currentJvm(ModelEvaluationProcess.class);
    }

    /** This JVM's binary and class path (made absolute), and {@code main} as the main class. */
    public static WorkerLauncher currentJvm(Class<?> main) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classpath = System.getProperty("java.class.path");
        if (classpath == null || classpath.isBlank()) {
            throw new IllegalStateException("this JVM has no class path to pass on");
        }
        // The worker starts in its job folder: relative entries would resolve against that.
        String absolute = Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return new WorkerLauncher(java, absolute, List.of(), main.getName());
    }

    /**
     * This JVM's way to start a worker: through Spring Boot's launcher when it runs from the app's fat
     * jar (its class path is one jar holding BOOT-INF/), else {@link #currentJvm()}.
     */
    public static WorkerLauncher forThisApplication() {
        return forThisApplication(ModelEvaluationProcess.class);
    }

    /** As {@link #forThisApplication()}, for another worker main class (live inference, training). */
    public static WorkerLauncher forThisApplication(Class<?> main) {
        String classpath = System.getProperty("java.class.path", "");
        if (!classpath.contains(File.pathSeparator) && classpath.endsWith(".jar")) {
            Path jar = Path.of(classpath).toAbsolutePath();
            try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                if (zip.getEntry("BOOT-INF/classes/") != null || zip.getEntry("BOOT-INF/lib/") != null) {
                    return new WorkerLauncher(Path.of(System.getProperty("java.home"), "bin", "java"), jar.toString(),
                            List.of("-Dloader.main=" + main.getName()),
                            "org.springframework.boot.loader.launch.PropertiesLauncher");
                }
            } catch (IOException e) {
                // not a readable jar: fall through to the plain class path
            }
        }
        return currentJvm(main);
    }
}
