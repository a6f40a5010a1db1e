package org.lectern.notebooks;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Turns .ipynb JSON into {@link Notebook}; lenient about optional fields, strict about what makes it a notebook. */
final class NotebookParser {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String RESAVE = " Open it in Jupyter, save it again and upload the saved file.";

    private NotebookParser() {}

    static Notebook parse(byte[] bytes) {
        String text = Text.utf8(bytes).orElseThrow(() ->
                new NotebookFormatException("The notebook is not UTF-8 text." + RESAVE));
        if (text.isBlank()) {
            throw new NotebookFormatException("The notebook file is empty." + RESAVE);
        }
        JsonNode root = readJson(text.startsWith("\uFEFF") ? text.substring(1) : text);
        int nbformat = root.path("nbformat").asInt(4);
        if (nbformat < 4) {
            throw new NotebookFormatException("The notebook uses the old format version " + nbformat
                    + ". Save it as a Jupyter notebook version 4 (any current Jupyter does this when you save) and upload it again.");
        }
        JsonNode cells = root.path("cells");
        if (!cells.isArray()) {
            throw new NotebookFormatException("The file is not a Jupyter notebook: it has no \"cells\" list." + RESAVE);
        }
        List<Cell> parsed = new ArrayList<>();
        for (JsonNode cell : cells) {
            parsed.add(cell(cell));
        }
        return new Notebook(parsed, language(root.path("metadata")));
    }

    private static JsonNode readJson(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.isObject()) {
                throw new NotebookFormatException("The file is not a Jupyter notebook: it has no \"cells\" list." + RESAVE);
            }
            return root;
        } catch (JacksonException e) {
            // Jackson's own location details mean nothing to a student; the line number is what they can use.
            String reason = e.getOriginalMessage() == null ? "unreadable"
                    : e.getOriginalMessage().lines().findFirst().orElse("").replaceAll("\\s*\\(start marker at .*$", "");
            String line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new NotebookFormatException("The notebook is not valid JSON: " + reason + line + "." + RESAVE, e);
        }
    }

    private static String language(JsonNode metadata) {
        for (JsonNode candidate : List.of(metadata.path("kernelspec").path("language"), metadata.path("language_info").path("name"))) {
            if (candidate.isString() && !candidate.stringValue().isBlank()) {
                return candidate.stringValue().strip();
            }
        }
        return "python";
    }

    private static Cell cell(JsonNode cell) {
        Cell.Type type = switch (cell.path("cell_type").asString("")) {
            case "code" -> Cell.Type.CODE;
            case "markdown" -> Cell.Type.MARKDOWN;
            default -> Cell.Type.RAW;
        };
        List<Output> outputs = new ArrayList<>();
        if (type == Cell.Type.CODE) {
            for (JsonNode output : cell.path("outputs")) {
                outputs.add(output(output));
            }
        }
        JsonNode count = cell.path("execution_count");
        java.util.Map<String, Cell.Attachment> attachments = new java.util.LinkedHashMap<>();
        for (var entry : cell.path("attachments").properties()) {
            for (String mediaType : List.of("image/png", "image/jpeg")) {
                String base64 = image(entry.getValue().path(mediaType));
                if (Base64Images.isBase64(base64)) {
                    attachments.put(entry.getKey(), new Cell.Attachment(mediaType, base64));
                    break;
                }
            }
        }
        JsonNode nb = cell.path("metadata").path("nbgrader");
        Cell.Nbgrader nbgrader = nb.isObject() ? new Cell.Nbgrader(nb.path("grade_id").isString() ? nb.path("grade_id").stringValue() : null,
                nb.path("grade").asBoolean(false), nb.path("solution").asBoolean(false), nb.path("locked").asBoolean(false),
                nb.path("points").isNumber() && nb.path("points").asDouble() >= 0 ? nb.path("points").asDouble() : 0) : null;
        return new Cell(type, multiline(cell.path("source")), outputs, count.isIntegralNumber() ? count.intValue() : null,
                attachments, nbgrader);
    }

    private static Output output(JsonNode output) {
        String kind = output.path("output_type").asString("unknown");
        JsonNode data = output.path("data");
        String raw = switch (kind) {
            case "stream" -> multiline(output.path("text"));
            // The traceback already starts with the exception's line, as Jupyter shows it; without one, name it.
            case "error" -> strings(output.path("traceback")).isEmpty()
                    ? output.path("ename").asString("Error") + ": " + output.path("evalue").asString("")
                    : output.path("ename").asString("Error") + ": " + output.path("evalue").asString("")
                    + "\n" + String.join("\n", strings(output.path("traceback")));
            default -> null;
        };
        String text = raw != null ? Text.stripAnsi(raw) : optional(data.path("text/plain"));
        return new Output(kind, text, optional(data.path("text/html")), image(data.path("image/png")), image(data.path("image/jpeg")),
                optional(data.path("image/svg+xml")), raw != null && raw.indexOf('\u001B') >= 0 ? raw : null);
    }

    /** nbformat stores multi-line text either as one string or as a list of lines that keep their newlines. */
    private static String multiline(JsonNode node) {
        return node.isString() ? node.stringValue() : String.join("", strings(node));
    }

    private static String optional(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : multiline(node);
    }

    private static String image(JsonNode node) {
        String base64 = optional(node);
        return base64 == null ? null : base64.replaceAll("\\s+", "");
    }

    private static List<String> strings(JsonNode node) {
        List<String> strings = new ArrayList<>();
        for (JsonNode item : node) {
            if (item.isString()) {
                strings.add(item.stringValue());
            }
        }
        return strings;
    }
}
