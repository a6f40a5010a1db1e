package org.lectern.notebooks;

import java.util.regex.Pattern;

/** Recognises the IPython-only statements that plain Python cannot import, and says why each must go. */
final class IPythonSyntax {

    static final String CELL_MAGIC = "cell magic: the whole cell is IPython-only";
    static final String LINE_MAGIC = "IPython magic command";
    static final String SHELL = "shell command";
    static final String SHELL_ASSIGNMENT = "assignment from a shell command or magic";
    static final String HELP = "IPython help request";
    static final String GET_IPYTHON = "get_ipython() call";

    private static final Pattern ASSIGNMENT_FROM_SHELL =
            Pattern.compile("[A-Za-z_][\\w.]*(\\s*,\\s*[A-Za-z_][\\w.]*)*\\s*=\\s*[!%].*");
    private static final Pattern GET_IPYTHON_CALL =
            Pattern.compile("([A-Za-z_][\\w.]*\\s*=\\s*)?get_ipython\\(\\)\\s*\\..*");

    private IPythonSyntax() {}

    static boolean isCellMagic(String line) {
        return line.strip().startsWith("%%");
    }

    /** The reason a line that starts a statement is IPython-only, or null for plain Python. */
    static String reason(String line) {
        String code = line.strip();
        if (code.isEmpty() || code.startsWith("#")) {
            return null;
        }
        if (code.startsWith("%")) {
            return LINE_MAGIC;
        }
        if (code.startsWith("!")) {
            return SHELL;
        }
        if (ASSIGNMENT_FROM_SHELL.matcher(code).matches()) {
            return SHELL_ASSIGNMENT;
        }
        if (GET_IPYTHON_CALL.matcher(code).matches()) {
            return GET_IPYTHON;
        }
        // "?" is never Python outside strings and comments, so a trailing one is always IPython's help syntax.
        PythonLineScanner probe = new PythonLineScanner();
        probe.feed(line);
        if (code.startsWith("?") || probe.lastCodeChar() == '?') {
            return HELP;
        }
        return null;
    }

    /** Magics, shell escapes and help requests end at the line end unless it is continued with a backslash. */
    static boolean continuesLikeMagic(String reason) {
        return !GET_IPYTHON.equals(reason);
    }
}
