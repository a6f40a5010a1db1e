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
 * @param versions      import name to its version ("2.1.0"; "" when the package does not say), for the packages found
 */
public record PythonEnvironment(String pythonVersion, Set<String> packages, java.util.Map<String, String> versions) {

    /**
     * Checked in this order; numpy always, torch and the rest when present. {@code past} is the python3-future
     * package's (every CS231n starter begins {@code from past.builtins import xrange}).
     */
    public static final List<String> CANDIDATES =
            List.of("numpy", "torch", "torchvision", "scipy", "pandas", "sklearn", "matplotlib", "pytest", "past");

    public PythonEnvironment(String pythonVersion, Set<String> packages) {
        this(pythonVersion, packages, java.util.Map.of());
    }

    private static final int TIMEOUT_SECONDS = 120; // importing torch the first time can take a while

    public PythonEnvironment {
        packages = Set.copyOf(packages);
        versions = java.util.Map.copyOf(versions);
    }

    /** "Python 3.11.2; numpy 1.24.2, torch 1.13.1": what a result records it ran with. */
    public String describe(java.util.Collection<String> names) {
        StringBuilder text = new StringBuilder("Python ").append(pythonVersion);
        String listed = names.stream().filter(packages::contains).sorted()
                .map(name -> (name + " " + versions.getOrDefault(name, "")).strip())
                .collect(java.util.stream.Collectors.joining(", "));
        return listed.isEmpty() ? text.toString() : text.append("; ").append(listed).toString();
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
                        module = importlib.import_module(name)
                        version = getattr(module, "__version__", "")
                        if name == "past":
                            version = getattr(importlib.import_module("future"), "__version__", "")
                        print(name, str(version).split()[0] if str(version).strip() else "")
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
            Set<String> found = new TreeSet<>();
            java.util.Map<String, String> versions = new java.util.TreeMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] parts = line.split("\\s+", 2);
                if (CANDIDATES.contains(parts[0])) {
                    found.add(parts[0]);
                    versions.put(parts[0], parts.length > 1 && parts[1].matches("[A-Za-z0-9.+_-]{1,40}") ? parts[1] : "");
                }
            }
            return new PythonEnvironment(lines.getFirst(), found, versions);
        } finally {
            JobFolder.delete(scratch);
        }
    }
}
