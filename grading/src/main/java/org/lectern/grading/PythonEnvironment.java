package org.lectern.grading;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * What the worker's Python offers student code: its version and which optional packages import.
 *
 * @param pythonVersion "3.11.2"
 * @param packages      the import names of {@link #CANDIDATES} that imported
 */
public record PythonEnvironment(String pythonVersion, Set<String> packages) {

    /** Checked in this order; numpy always, torch and the rest when present. */
    public static final List<String> CANDIDATES =
            List.of("numpy", "torch", "torchvision", "scipy", "pandas", "sklearn", "matplotlib", "pytest");

    private static final int TIMEOUT_SECONDS = 120; // importing torch the first time can take a while

    public PythonEnvironment {
        packages = Set.copyOf(packages);
    }

    public boolean has(String name) {
        return packages.contains(name);
    }

    /**
     * Imports each candidate with {@code /usr/bin/python3} outside the sandbox (trusted code, our packages), in
     * isolated mode so that neither the environment nor the working folder can change the answer.
     */
    public static PythonEnvironment probe() throws IOException, InterruptedException {
        String script = """
                import importlib, platform, sys
                print(platform.python_version())
                for name in sys.argv[1:]:
                    try:
                        importlib.import_module(name)
                        print(name)
                    except BaseException:
                        pass
                """;
        List<String> command = new java.util.ArrayList<>(List.of(PytestHarness.PYTHON, "-I", "-B", "-c", script));
        command.addAll(CANDIDATES);
        Path scratch = Files.createTempDirectory("lectern-probe-");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(scratch.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().put("PATH", "/usr/bin:/bin");
            builder.environment().put("LANG", "C.UTF-8");
            Process process = builder.start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("probing " + PytestHarness.PYTHON + " took longer than " + TIMEOUT_SECONDS + " s");
            }
            List<String> lines = output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (process.exitValue() != 0 || lines.isEmpty()) {
                throw new IOException(PytestHarness.PYTHON + " did not run (exit " + process.exitValue() + ")");
            }
            Set<String> found = new TreeSet<>(lines.subList(1, lines.size()));
            found.retainAll(CANDIDATES);
            return new PythonEnvironment(lines.getFirst(), found);
        } finally {
            JobFolder.delete(scratch);
        }
    }
}
