package org.lectern.notebooks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/**
 * Renders a notebook as an HTML fragment for staff and students to read a submission, as Jupyter shows it: Markdown
 * with tables, math left as text for KaTeX ({@link MarkdownHtml}) and attached images; code marked as Python for the
 * highlighter; HTML outputs sanitised; SVG outputs as images (an SVG in an img element runs no script); tracebacks and
 * streams coloured from their ANSI codes ({@link AnsiHtml}). Everything the student wrote is escaped or sanitised, so
 * the fragment can be embedded in a page as is.
 */
public final class NotebookHtml {

    /** Larger outputs (runaway print loops, huge tables) are cut so a page stays readable. */
    static final int MAX_OUTPUT_CHARS = 100 * 1024;

    private NotebookHtml() {}

    public static String render(Notebook notebook) {
        StringBuilder html = new StringBuilder("<div class=\"nb\">\n");
        for (Cell cell : notebook.cells()) {
            switch (cell.type()) {
                case MARKDOWN -> html.append("<div class=\"nb-cell nb-markdown\">")
                        .append(MarkdownHtml.notebookCell(cell.source(), cell.attachments()))
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
                .append("<pre class=\"nb-code\"><code class=\"language-python\">").append(escape(cell.source())).append("</code></pre>\n");
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
        } else if (output.svg() != null && output.svg().length() <= MAX_OUTPUT_CHARS * 10) {
            html.append("<img class=\"nb-output nb-image\" alt=\"output image\" src=\"data:image/svg+xml;base64,")
                    .append(Base64.getEncoder().encodeToString(output.svg().getBytes(StandardCharsets.UTF_8))).append("\">\n");
        } else if (Base64Images.isBase64(output.pngBase64())) {
            image("png", output.pngBase64(), html);
        } else if (Base64Images.isBase64(output.jpegBase64())) {
            image("jpeg", output.jpegBase64(), html);
        } else if (output.text() != null) {
            String css = "error".equals(output.kind()) ? "nb-output nb-error" : "nb-output";
            String shown = output.ansiText() != null ? AnsiHtml.toHtml(truncated(output.ansiText())) : escape(truncated(output.text()));
            html.append("<pre class=\"").append(css).append("\">").append(shown).append("</pre>\n");
            truncationNote(output.ansiText() != null ? output.ansiText() : output.text(), html);
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
