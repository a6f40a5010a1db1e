package org.lectern.notebooks;

import java.util.Locale;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.nodes.Entities;

/**
 * Renders a notebook as an HTML fragment for staff and students to read a submission. Everything the
 * student wrote is escaped or sanitised, so the fragment can be embedded in a page as is.
 */
public final class NotebookHtml {

    /** Larger outputs (runaway print loops, huge tables) are cut so a page stays readable. */
    static final int MAX_OUTPUT_CHARS = 100 * 1024;

    // commonmark core has no GFM tables (that is a separate artifact), so markdown is rendered as plain CommonMark.
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer MARKDOWN_HTML = HtmlRenderer.builder().build();

    private NotebookHtml() {}

    public static String render(Notebook notebook) {
        StringBuilder html = new StringBuilder("<div class=\"nb\">\n");
        for (Cell cell : notebook.cells()) {
            switch (cell.type()) {
                case MARKDOWN -> html.append("<div class=\"nb-cell nb-markdown\">")
                        .append(HtmlSanitizer.clean(MARKDOWN_HTML.render(MARKDOWN.parse(cell.source()))))
                        .append("</div>\n");
                case RAW -> html.append("<div class=\"nb-cell nb-raw\"><pre class=\"nb-raw\">")
                        .append(escape(cell.source())).append("</pre></div>\n");
                case CODE -> codeCell(cell, html);
            }
        }
        return html.append("</div>\n").toString();
    }

    private static void codeCell(Cell cell, StringBuilder html) {
        String count = cell.executionCount() == null ? " " : cell.executionCount().toString();
        html.append("<div class=\"nb-cell nb-code-cell\">")
                .append("<div class=\"nb-prompt\">In [").append(count).append("]:</div>")
                .append("<pre class=\"nb-code\"><code>").append(escape(cell.source())).append("</code></pre>\n");
        for (Output output : cell.outputs()) {
            output(output, html);
        }
        html.append("</div>\n");
    }

    /** Picks one representation per output, preferring the richest, as Jupyter does. */
    private static void output(Output output, StringBuilder html) {
        if (output.html() != null) {
            html.append("<div class=\"nb-output nb-html\">")
                    .append(HtmlSanitizer.clean(truncated(output.html())))
                    .append("</div>\n");
            truncationNote(output.html(), html);
        } else if (Base64Images.isBase64(output.pngBase64())) {
            image("png", output.pngBase64(), html);
        } else if (Base64Images.isBase64(output.jpegBase64())) {
            image("jpeg", output.jpegBase64(), html);
        } else if (output.text() != null) {
            String css = "error".equals(output.kind()) ? "nb-output nb-error" : "nb-output";
            html.append("<pre class=\"").append(css).append("\">").append(escape(truncated(output.text()))).append("</pre>\n");
            truncationNote(output.text(), html);
        }
    }

    private static void image(String type, String base64, StringBuilder html) {
        html.append("<img class=\"nb-output nb-image\" alt=\"output image\" src=\"data:image/")
                .append(type).append(";base64,").append(base64).append("\">\n");
    }

    private static String truncated(String text) {
        if (text.length() <= MAX_OUTPUT_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_OUTPUT_CHARS - 1)) ? MAX_OUTPUT_CHARS - 1 : MAX_OUTPUT_CHARS;
        return text.substring(0, end);
    }

    private static void truncationNote(String text, StringBuilder html) {
        if (text.length() > MAX_OUTPUT_CHARS) {
            html.append("<p class=\"nb-truncated\">Output truncated: showing the first ")
                    .append(MAX_OUTPUT_CHARS / 1024).append(" KB of ")
                    .append(String.format(Locale.ROOT, "%,d", text.length() / 1024)).append(" KB.</p>\n");
        }
    }

    private static String escape(String text) {
        return Entities.escape(text);
    }
}
