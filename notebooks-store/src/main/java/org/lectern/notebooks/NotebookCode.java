package org.lectern.notebooks;

import java.util.ArrayList;
import java.util.List;

/** Turns a notebook into a plain Python module that python and pytest can import. */
public final class NotebookCode {

    private NotebookCode() {}

    /**
     * Joins the code cells, each after a {@code # In[k]:} line where k is the cell's position in the notebook,
     * and drops IPython-only statements, recording each one.
     */
    public static CodeExtraction extract(Notebook notebook) {
        StringBuilder python = new StringBuilder();
        List<Removal> removals = new ArrayList<>();
        List<Cell> cells = notebook.cells();
        for (int index = 0; index < cells.size(); index++) {
            Cell cell = cells.get(index);
            if (cell.type() != Cell.Type.CODE) {
                continue;
            }
            if (!python.isEmpty()) {
                python.append("\n\n");
            }
            python.append("# In[").append(index + 1).append("]:\n");
            String body = cellBody(index + 1, cell.source(), removals);
            if (!body.isEmpty()) {
                python.append(body).append('\n');
            }
        }
        return new CodeExtraction(python.toString(), removals);
    }

    /** A .py submission is already a module; wrapping it lets callers treat both kinds alike. */
    public static CodeExtraction fromPython(String source) {
        return new CodeExtraction(source, List.of());
    }

    private static String cellBody(int cellNumber, String source, List<Removal> removals) {
        String[] lines = source.split("\\r\\n|\\r|\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                if (IPythonSyntax.isCellMagic(lines[i])) {
                    removals.add(new Removal(cellNumber, i + 1, lines[i].strip(), IPythonSyntax.CELL_MAGIC));
                    return "";
                }
                break;
            }
        }
        List<String> kept = new ArrayList<>();
        PythonLineScanner scanner = new PythonLineScanner();
        for (int i = 0; i < lines.length; i++) {
            String reason = scanner.atStatementStart() ? IPythonSyntax.reason(lines[i]) : null;
            if (reason == null) {
                scanner.feed(lines[i]);
                kept.add(lines[i]);
                continue;
            }
            int first = i;
            i = lastLineOfStatement(lines, i, reason, scanner);
            removals.add(new Removal(cellNumber, first + 1, String.join("\n", List.of(lines).subList(first, i + 1)).strip(), reason));
            String indent = lines[first].substring(0, lines[first].length() - lines[first].stripLeading().length());
            if (!indent.isEmpty()) {
                kept.add(indent + "pass"); // deleting the only statement of a block would leave a syntax error
            }
        }
        while (!kept.isEmpty() && kept.getLast().isBlank()) {
            kept.removeLast();
        }
        return String.join("\n", kept);
    }

    private static int lastLineOfStatement(String[] lines, int first, String reason, PythonLineScanner scanner) {
        int last = first;
        if (IPythonSyntax.continuesLikeMagic(reason)) {
            while (lines[last].endsWith("\\") && last + 1 < lines.length) {
                last++;
            }
            return last;
        }
        scanner.feed(lines[last]);
        while (!scanner.atStatementStart() && last + 1 < lines.length) {
            scanner.feed(lines[++last]);
        }
        return last;
    }
}
