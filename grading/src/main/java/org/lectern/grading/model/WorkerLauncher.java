package org.lectern.grading.model;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.lectern.grading.WorkerJvm;

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

    /** Passed on to the worker when set here, e.g. a pre-unpacked ONNX Runtime so that no job unpacks its own. */
    private static final List<String> INHERITED_PROPERTIES = List.of("onnxruntime.native.path");

    public WorkerLauncher {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * The java command line up to and including the main class: the heap limit, {@link WorkerJvm#options} (crash
     * files in {@code errorDir}, the temporary directory, DJL offline with its cache), this JVM's GPU-related
     * properties, then {@code extraOptions} and the launcher's own options.
     */
    public List<String> javaCommand(long heapBytes, Path tmp, Path errorDir, String cacheDir, List<String> extraOptions) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Xmx" + heapBytes);
        command.addAll(WorkerJvm.options(errorDir, tmp, cacheDir));
        for (String property : INHERITED_PROPERTIES) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.addAll(extraOptions);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        return command;
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
