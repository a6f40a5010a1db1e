package org.lectern.grading.plagiarism;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The code under src/test/resources/plagiarism, read from the class path. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String text(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/plagiarism/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> starter() {
        return Map.of("two_layer_net.py", text("starter/two_layer_net.py"));
    }

    /** A student's solution file, submitted under the assignment's file name. */
    static Candidate student(String name) {
        return Candidate.student(name, capitalized(name), Map.of("two_layer_net.py", text("students/" + name + "/two_layer_net.py")));
    }

    static Candidate chatGptReference() {
        return Candidate.reference("ref-chatgpt", "AI solution", "ChatGPT-4o, 2026-10-02",
                Map.of("two_layer_net.py", text("references/chatgpt-4o.py")));
    }

    static Candidate frankNotebook() {
        return Candidate.student("frank", "Frank", Map.of("assignment2.ipynb", text("students/frank/assignment2.ipynb")));
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
