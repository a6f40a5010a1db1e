package org.lectern.notebooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds small notebooks for tests, so each test shows only the cells it is about. */
final class NotebookJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode cells = root.putArray("cells");

    NotebookJson() {
        root.put("nbformat", 4).put("nbformat_minor", 5);
        root.putObject("metadata");
    }

    static Notebook codeCells(String... sources) {
        NotebookJson notebook = new NotebookJson();
        for (String source : sources) {
            notebook.code(source);
        }
        return notebook.parse();
    }

    static byte[] resource(String name) {
        try (InputStream in = NotebookJson.class.getResourceAsStream("/notebooks/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    NotebookJson code(String source) {
        ObjectNode cell = cells.addObject().put("cell_type", "code").putNull("execution_count");
        cell.put("source", source);
        cell.putArray("outputs");
        return this;
    }

    NotebookJson markdown(String source) {
        cells.addObject().put("cell_type", "markdown").put("source", source);
        return this;
    }

    /** Adds a code cell with one output given as raw JSON, e.g. a display_data with a text/html part. */
    NotebookJson codeWithOutput(String source, String outputJson) {
        ObjectNode cell = cells.addObject().put("cell_type", "code").put("execution_count", 1).put("source", source);
        cell.putArray("outputs").add(JSON.readTree(outputJson));
        return this;
    }

    ObjectNode root() {
        return root;
    }

    byte[] bytes() {
        return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    }

    Notebook parse() {
        return Notebook.parse(bytes());
    }
}
