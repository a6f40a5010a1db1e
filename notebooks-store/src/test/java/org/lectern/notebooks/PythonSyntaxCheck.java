package org.lectern.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Asks a real Python parser whether extracted code is valid, rather than trusting our own reading of it. */
final class PythonSyntaxCheck {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private PythonSyntaxCheck() {}

    static void assertParses(String code) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "needs " + PYTHON);
        Process python = new ProcessBuilder(PYTHON.toString(), "-c", "import ast,sys; ast.parse(sys.stdin.read())")
                .redirectErrorStream(true)
                .start();
        try (OutputStream stdin = python.getOutputStream()) {
            stdin.write(code.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as("python3 could not parse:%n%s%n%s", code, output).isZero();
    }
}
