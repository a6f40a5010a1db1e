package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's notebook cell, exactly as it is written there, submits the notebook it runs in with a token: run by
 * Python (Debian's, with requests) as Jupyter runs it (JPY_SESSION_NAME names the open notebook), against this test's
 * server; only the address, the assignment and the file name on its settings line are filled in.
 */
@BackendTest
class ReadmeNotebookCellIT {

    private static final Pattern SETTINGS = Pattern.compile("(?m)^LECTERN, ASSIGNMENT, NAME = \"[^\"]*\", \\d+, \"[^\"]*\"");

    @LocalServerPort int port;
    @Autowired Coursework coursework;

    @Test
    void theReadmeCellSubmitsTheNotebookItRunsIn() throws Exception {
        var s = coursework.setup(false);
        String token = new RestCalls(port).token(s.student());
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher cell = Pattern.compile("```python\n(# Lectern: submit this notebook.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(cell.find()).as("the README's notebook cell").isTrue();
        Matcher settings = SETTINGS.matcher(cell.group(1));
        assertThat(settings.find()).as("the cell's settings line").isTrue();
        String code = settings.replaceFirst(Matcher.quoteReplacement(
                "LECTERN, ASSIGNMENT, NAME = \"http://localhost:" + port + "\", " + s.assignment().id() + ", \"knn.ipynb\""));

        Path dir = Files.createTempDirectory("readme-cell-");
        byte[] notebook = """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                 {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [], "source": "x = 1"}]}
                """.getBytes(StandardCharsets.UTF_8);
        Path open = Files.write(dir.resolve("Untitled.ipynb"), notebook);
        Path script = Files.writeString(dir.resolve("cell.py"), code);
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script.toString()).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("LECTERN_TOKEN", token);
        pb.environment().put("JPY_SESSION_NAME", open.toString());
        Process p = pb.start();
        p.getOutputStream().close(); // never asks for the token: it is in the environment
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as(out).startsWith("201 ");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(notebook));
        assertThat(out).contains("'sha256': '" + sha + "'").contains("'fileName': 'knn.ipynb'");
    }
}
