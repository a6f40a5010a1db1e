package org.lectern.workspace;

import java.util.ArrayList;
import java.util.List;
import org.lectern.notebooks.Cell;
import org.lectern.notebooks.Notebook;
import org.lectern.notebooks.NotebookCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A notebook's runnable code (each code cell with IPython-only lines removed, by {@link NotebookCode}) and the executed
 * notebook: the original JSON with each run cell's outputs (stdout, stderr, figures, the error) in nbformat 4 shape and
 * its execution count, other outputs cleared. Pure.
 */
public final class ExecutedNotebook {

    /** One executed cell's output, by its index among the code cells. */
    public record Output(int cell, String stdout, String stderr, List<String> pngBase64, String error) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExecutedNotebook() {
    }

    /** The code of each code cell, in order. */
    public static List<String> codeCells(Notebook notebook) {
        List<String> out = new ArrayList<>();
        for (Cell c : notebook.cells()) {
            if (c.type() == Cell.Type.CODE) {
                String python = NotebookCode.extract(new Notebook(List.of(c), notebook.language())).python();
                out.add(python.replaceFirst("\\A# In\\[1\\]:\\n", ""));
            }
        }
        return out;
    }

    /** The original notebook's JSON with the run's outputs in its code cells. */
    public static byte[] withOutputs(byte[] original, List<Output> outputs) {
        JsonNode root = JSON.readTree(original);
        int code = 0;
        for (JsonNode cell : root.path("cells")) {
            if (!"code".equals(cell.path("cell_type").asString("")) || !(cell instanceof ObjectNode o)) {
                continue;
            }
            int index = code++;
            ArrayNode outs = o.putArray("outputs");
            o.putNull("execution_count");
            for (Output r : outputs) {
                if (r.cell() != index) {
                    continue;
                }
                o.put("execution_count", index + 1);
                stream(outs, "stdout", r.stdout());
                stream(outs, "stderr", r.stderr());
                for (String png : r.pngBase64()) {
                    ObjectNode d = outs.addObject();
                    d.put("output_type", "display_data");
                    d.putObject("data").put("image/png", png);
                    d.putObject("metadata");
                }
                if (r.error() != null) {
                    ObjectNode e = outs.addObject();
                    e.put("output_type", "error");
                    String[] lines = r.error().strip().split("\n");
                    String last = lines[lines.length - 1];
                    int colon = last.indexOf(':');
                    e.put("ename", colon > 0 ? last.substring(0, colon) : last);
                    e.put("evalue", colon > 0 ? last.substring(colon + 1).strip() : "");
                    ArrayNode tb = e.putArray("traceback");
                    for (String l : lines) {
                        tb.add(l);
                    }
                }
            }
        }
        return JSON.writeValueAsBytes(root);
    }

    private static void stream(ArrayNode outs, String name, String text) {
        if (text != null && !text.isEmpty()) {
            ObjectNode s = outs.addObject();
            s.put("output_type", "stream");
            s.put("name", name);
            s.put("text", text);
        }
    }
}
