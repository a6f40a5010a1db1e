package org.lectern.notebooks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Text with ANSI colour codes (IPython's tracebacks, coloured prints) as escaped HTML with spans of fixed class names,
 * the way Jupyter colours them. Only SGR codes become markup (colours, bold); every other escape sequence is dropped,
 * and the text itself is always escaped, so nothing in it can become a tag or an attribute.
 */
public final class AnsiHtml {

    private static final Pattern ESCAPE = Pattern.compile("\u001B\\[([0-9;]*)([A-Za-z])|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|\u001B.?");
    private static final String[] COLOURS = {"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"};

    private AnsiHtml() {
    }

    public static String toHtml(String text) {
        StringBuilder html = new StringBuilder();
        Matcher m = ESCAPE.matcher(text);
        int at = 0;
        String fg = null;
        boolean bold = false;
        boolean open = false;
        while (m.find()) {
            if (m.start() > at) {
                html.append(Entities.escape(text.substring(at, m.start())));
            }
            at = m.end();
            if (m.group(2) == null || !m.group(2).equals("m")) {
                continue; // cursor moves, titles, anything but colour
            }
            String params = m.group(1).isEmpty() ? "0" : m.group(1);
            for (String part : params.split(";")) {
                int code;
                try {
                    code = part.isEmpty() ? 0 : Integer.parseInt(part);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (code == 0) {
                    fg = null;
                    bold = false;
                } else if (code == 1) {
                    bold = true;
                } else if (code == 22) {
                    bold = false;
                } else if (code >= 30 && code <= 37) {
                    fg = COLOURS[code - 30];
                } else if (code >= 90 && code <= 97) {
                    fg = COLOURS[code - 90];
                    bold = true; // Jupyter shows the bright colours as the intense ones
                } else if (code == 39) {
                    fg = null;
                }
            }
            if (open) {
                html.append("</span>");
                open = false;
            }
            if (fg != null || bold) {
                html.append("<span class=\"").append(fg == null ? "" : "ansi-" + fg + "-fg").append(fg != null && bold ? " " : "")
                        .append(bold ? "ansi-bold" : "").append("\">");
                open = true;
            }
        }
        if (at < text.length()) {
            html.append(Entities.escape(text.substring(at)));
        }
        if (open) {
            html.append("</span>");
        }
        return html.toString();
    }
}
