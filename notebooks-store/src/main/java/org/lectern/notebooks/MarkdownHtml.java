package org.lectern.notebooks;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The one Markdown-with-math renderer: notebooks' Markdown cells and the UI's prompts and questions. Math ($...$,
 * $$...$$) is set aside before Markdown runs (so an underscore in $x_1$ is not emphasis) and put back escaped, as text
 * for KaTeX's auto-render in the browser; GitHub tables are rendered as Jupyter does; {@code attachment:} images of a
 * notebook cell become data URLs. The finished HTML goes through {@link HtmlSanitizer} as a whole.
 */
public final class MarkdownHtml {

    private static final Pattern MATH = Pattern.compile("\\$\\$.+?\\$\\$|\\$[^$\\n]+?\\$", Pattern.DOTALL);
    private static final Pattern ATTACHMENT = Pattern.compile("src=\"attachment:([^\"]{1,300})\"");
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(List.of(TablesExtension.create()))
            .escapeHtml(true).build();
    /** Notebook Markdown may hold raw HTML (Jupyter shows it); the sanitiser decides what stays. */
    private static final HtmlRenderer HTML_RAW = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build();

    private MarkdownHtml() {
    }

    /** Markdown typed into Lectern: raw HTML is shown as text. */
    public static String render(String markdown) {
        return render(markdown, false, Map.of());
    }

    /** A notebook's Markdown cell: raw HTML sanitised, attachments inlined. */
    public static String notebookCell(String markdown, Map<String, Cell.Attachment> attachments) {
        return render(markdown, true, attachments);
    }

    private static String render(String markdown, boolean rawHtml, Map<String, Cell.Attachment> attachments) {
        List<String> math = new ArrayList<>();
        Matcher m = MATH.matcher(markdown == null ? "" : markdown);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            math.add(m.group());
            m.appendReplacement(b, "LECTERNMATH" + (math.size() - 1) + "X");
        }
        m.appendTail(b);
        String html = (rawHtml ? HTML_RAW : HTML).render(PARSER.parse(b.toString()));
        for (int i = math.size() - 1; i >= 0; i--) {
            html = html.replace("LECTERNMATH" + i + "X", escape(math.get(i)));
        }
        if (!attachments.isEmpty()) {
            Matcher a = ATTACHMENT.matcher(html);
            StringBuilder inlined = new StringBuilder();
            while (a.find()) {
                String name = URLDecoder.decode(a.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
                Cell.Attachment attachment = attachments.get(name);
                String src = attachment == null ? a.group() // left as is: the sanitiser drops the unknown scheme
                        : "src=\"data:" + attachment.mediaType() + ";base64," + attachment.base64() + "\"";
                a.appendReplacement(inlined, Matcher.quoteReplacement(src));
            }
            a.appendTail(inlined);
            html = inlined.toString();
        }
        return HtmlSanitizer.clean(html);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
