package org.lectern.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.lectern.notebooks.HtmlSanitizer;

/**
 * Markdown with KaTeX math, as exercise prompts are written. Math is set aside before Markdown runs
 * (so an underscore in $x_1$ is not emphasis) and put back as text for KaTeX's auto-render, which
 * the browser runs from the copy served under /katex (no network needed). Poll and quiz questions
 * are typed by people, so the finished HTML goes through the one sanitiser ({@link HtmlSanitizer})
 * before it is set as innerHTML: a quote inside a math span cannot leave an attribute, and
 * javascript: links, raw tags and event handlers are gone.
 */
public final class MathMarkdown {

    private static final Pattern MATH = Pattern.compile("\\$\\$.+?\\$\\$|\\$[^$\\n]+?\\$", Pattern.DOTALL);
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).build();

    private MathMarkdown() {
    }

    static String html(String markdown) {
        List<String> math = new ArrayList<>();
        Matcher m = MATH.matcher(markdown == null ? "" : markdown);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            math.add(m.group());
            m.appendReplacement(b, "LECTERNMATH" + (math.size() - 1) + "X");
        }
        m.appendTail(b);
        String html = HTML.render(PARSER.parse(b.toString()));
        for (int i = math.size() - 1; i >= 0; i--) {
            html = html.replace("LECTERNMATH" + i + "X", escape(math.get(i)));
        }
        return HtmlSanitizer.clean(html);
    }

    /** One line of Markdown without its paragraph, for labels inside a table (still sanitised, math typeset later). */
    public static String inlineHtml(String markdown) {
        String html = html(markdown).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0) {
            html = html.substring(3, html.length() - 4);
        }
        return html;
    }

    /** A block of Markdown with its math typeset once it reaches the browser. */
    public static Component of(String markdown) {
        Div div = new Div();
        div.getElement().setProperty("innerHTML", html(markdown));
        typeset(div);
        return div;
    }

    /** Loads KaTeX once per page and typesets the component's text when both scripts are there. */
    public static void typeset(Component c) {
        c.addAttachListener(e -> {
            var page = e.getUI().getPage();
            page.addStyleSheet("katex/katex.min.css");
            page.addJavaScript("katex/katex.min.js");
            page.addJavaScript("katex/contrib/auto-render.js");
            c.getElement().executeJs("""
                    const el = this;
                    (function typeset(tries) {
                      if (window.renderMathInElement) {
                        renderMathInElement(el, {delimiters: [{left: '$$', right: '$$', display: true}, {left: '$', right: '$', display: false}],
                          throwOnError: false});
                        el.setAttribute('data-typeset', 'true');
                      } else if (tries > 0) {
                        setTimeout(() => typeset(tries - 1), 50);
                      }
                    })(200);""");
        });
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
