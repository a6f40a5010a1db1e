package org.lectern.grading.plagiarism;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.lectern.notebooks.Cell;
import org.lectern.notebooks.Notebook;

/**
 * Turns a notebook into the Python that JPlag compares: its code cells, each after a {@code # In[k]:} line, with
 * IPython-only lines commented out, and a map from every line back to its cell.
 *
 * <p>Unlike the autograder's extraction, lines are never dropped (magics become comments), so that the map stays
 * one line to one line and the side-by-side view shows what the student wrote.
 */
public final class NotebookPython {

    /** Cell magics whose body is ordinary Python; the body of any other cell magic (%%bash, %%html) is not Python. */
    private static final Set<String> PYTHON_BODY_CELL_MAGICS = Set.of("time", "timeit", "capture", "prun", "debug", "tb");
    private static final Pattern ASSIGNMENT_FROM_SHELL =
            Pattern.compile("[A-Za-z_][\\w.]*(\\s*,\\s*[A-Za-z_][\\w.]*)*\\s*=\\s*[!%].*");

    private NotebookPython() {
    }

    /**
     * Converts a notebook's JSON.
     *
     * @throws org.lectern.notebooks.NotebookFormatException when the file is not a readable notebook
     */
    public static ComparedFile convert(String name, String ipynbJson) {
        Notebook notebook = Notebook.parse(ipynbJson.getBytes(StandardCharsets.UTF_8));
        StringBuilder python = new StringBuilder();
        List<CellPosition> cells = new ArrayList<>();
        List<Cell> all = notebook.cells();
        for (int index = 0; index < all.size(); index++) {
            Cell cell = all.get(index);
            if (cell.type() != Cell.Type.CODE) {
                continue;
            }
            int number = index + 1;
            python.append("# In[").append(number).append("]:\n");
            cells.add(new CellPosition(number, 0));
            List<String> lines = cellLines(cell.source());
            List<String> converted = convertCell(lines);
            for (int i = 0; i < converted.size(); i++) {
                python.append(converted.get(i)).append('\n');
                cells.add(new CellPosition(number, i + 1));
            }
        }
        return new ComparedFile(name, python.toString(), cells);
    }

    private static List<String> cellLines(String source) {
        List<String> lines = new ArrayList<>(List.of(source.split("\\r\\n|\\r|\\n", -1)));
        if (lines.size() > 1 && lines.getLast().isEmpty()) {
            lines.removeLast(); // the newline that ends the last line does not start another
        }
        return lines;
    }

    private static List<String> convertCell(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        int first = firstCodeLine(lines);
        if (first >= 0 && lines.get(first).strip().startsWith("%%")) {
            String magic = lines.get(first).strip().substring(2).split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            boolean pythonBody = PYTHON_BODY_CELL_MAGICS.contains(magic);
            for (int i = 0; i < lines.size(); i++) {
                out.add(i == first || !pythonBody ? commentOut(lines.get(i), false) : lines.get(i));
            }
            return out;
        }
        StatementTracker tracker = new StatementTracker();
        boolean continuingMagic = false;
        for (String line : lines) {
            if (continuingMagic || tracker.atStatementStart() && isIPythonOnly(line)) {
                out.add(commentOut(line, !continuingMagic));
                continuingMagic = line.stripTrailing().endsWith("\\");
                continue;
            }
            tracker.feed(line);
            out.add(line);
        }
        return out;
    }

    private static int firstCodeLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** Line magics ({@code %matplotlib}), shell escapes ({@code !pip}), captures ({@code x = !ls}) and help ({@code f?}). */
    static boolean isIPythonOnly(String line) {
        String code = line.strip();
        if (code.isEmpty() || code.startsWith("#")) {
            return false;
        }
        return code.startsWith("%") || code.startsWith("!") && !code.startsWith("!=") || code.startsWith("?")
                || withoutComment(code).stripTrailing().endsWith("?") || ASSIGNMENT_FROM_SHELL.matcher(code).matches();
    }

    /** The line up to a {@code #} that is not inside a string: "x = 1  # why?" asks no help. */
    private static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /**
     * A commented-out line keeps its indentation; inside a block it becomes {@code pass} so that a block whose only
     * statement was a magic still parses.
     */
    private static String commentOut(String line, boolean keepBlockValid) {
        String stripped = line.strip();
        if (stripped.isEmpty()) {
            return line;
        }
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        return keepBlockValid && !indent.isEmpty() ? indent + "pass  # " + stripped : indent + "# " + stripped;
    }

    /**
     * Knows, line by line, whether the next line starts a statement: not inside brackets, a triple-quoted string or a
     * backslash continuation. A line starting with {@code %} inside {@code (a\n % b)} is arithmetic, not a magic.
     */
    private static final class StatementTracker {
        private int depth;
        private String openTriple;
        private boolean continued;

        boolean atStatementStart() {
            return depth == 0 && openTriple == null && !continued;
        }

        void feed(String line) {
            int i = 0;
            int n = line.length();
            if (openTriple != null) {
                int close = line.indexOf(openTriple);
                if (close < 0) {
                    return;
                }
                i = close + 3;
                openTriple = null;
            }
            while (i < n) {
                char c = line.charAt(i);
                if (c == '#') {
                    break;
                }
                if (c == '"' || c == '\'') {
                    String triple = String.valueOf(c).repeat(3);
                    if (line.startsWith(triple, i)) {
                        int close = line.indexOf(triple, i + 3);
                        if (close < 0) {
                            openTriple = triple;
                            continued = false;
                            return;
                        }
                        i = close + 3;
                        continue;
                    }
                    i = endOfString(line, i, c);
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth = Math.max(0, depth - 1);
                }
                i++;
            }
            continued = line.stripTrailing().endsWith("\\");
        }

        private static int endOfString(String line, int start, char quote) {
            int i = start + 1;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == quote) {
                    return i + 1;
                } else {
                    i++;
                }
            }
            return i;
        }
    }
}
