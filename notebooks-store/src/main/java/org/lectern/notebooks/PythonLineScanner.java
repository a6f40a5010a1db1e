package org.lectern.notebooks;

/**
 * Follows Python's lexical state from line to line, just enough to tell whether the next physical line
 * starts a new statement. Without it a "%" or "!" at the start of a line inside a multi-line string
 * or an open bracket would be mistaken for IPython syntax.
 */
final class PythonLineScanner {

    private char quote;          // 0 when outside a string
    private boolean tripleQuoted;
    private int bracketDepth;
    private boolean backslashContinued;
    private char lastCodeChar;   // last non-blank character of the line outside strings and comments

    boolean atStatementStart() {
        return quote == 0 && bracketDepth == 0 && !backslashContinued;
    }

    /** The last character of the most recent line that is neither blank, in a string, nor in a comment; 0 if none. */
    char lastCodeChar() {
        return lastCodeChar;
    }

    void feed(String line) {
        backslashContinued = false;
        lastCodeChar = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (quote != 0) {
                i = inString(line, i);
                continue;
            }
            if (c == '#') {
                break;
            }
            if (c == '\'' || c == '"') {
                tripleQuoted = line.startsWith(String.valueOf(c).repeat(3), i);
                quote = c;
                i += tripleQuoted ? 3 : 1;
                continue;
            }
            if ("([{".indexOf(c) >= 0) {
                bracketDepth++;
            } else if (")]}".indexOf(c) >= 0) {
                bracketDepth = Math.max(0, bracketDepth - 1);
            } else if (c == '\\' && i == line.length() - 1) {
                backslashContinued = true;
            }
            if (!Character.isWhitespace(c)) {
                lastCodeChar = c;
            }
            i++;
        }
        if (quote != 0 && !tripleQuoted) {
            quote = 0; // an unterminated one-line string is a syntax error; do not let it swallow the next lines
        }
        if (quote != 0) {
            lastCodeChar = 0;
        }
    }

    private int inString(String line, int i) {
        char c = line.charAt(i);
        if (c == '\\') {
            return i + 2;
        }
        if (c == quote && (!tripleQuoted || line.startsWith(String.valueOf(c).repeat(3), i))) {
            quote = 0;
            lastCodeChar = c;
            return i + (tripleQuoted ? 3 : 1);
        }
        return i + 1;
    }
}
