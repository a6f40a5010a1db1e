package org.lectern.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import org.lectern.notebooks.MarkdownHtml;

/**
 * Markdown with KaTeX math, as exercise prompts are written: rendered by the one Markdown-with-math renderer
 * ({@link MarkdownHtml}, which notebooks use too: math set aside before Markdown runs and put back as text, the
 * finished HTML through the one sanitiser), then typeset by KaTeX's auto-render, which the browser runs from the
 * katex webjar the app serves under /webjars/katex (no network needed; the version is the frontend pom's).
 */
public final class MathMarkdown {

    static final String KATEX = "webjars/katex/0.16.47/dist/";

    private MathMarkdown() {
    }

    static String html(String markdown) {
        return MarkdownHtml.render(markdown);
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
        div.addClassName("math-markdown");
        div.getElement().setProperty("innerHTML", html(markdown));
        typeset(div);
        return div;
    }

    /** Loads KaTeX once per page and typesets the component's text when both scripts are there. */
    public static void typeset(Component c) {
        c.addAttachListener(e -> {
            var page = e.getUI().getPage();
            page.addStyleSheet(KATEX + "katex.min.css");
            page.addJavaScript(KATEX + "katex.min.js");
            page.addJavaScript(KATEX + "contrib/auto-render.js");
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

}
