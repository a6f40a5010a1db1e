package org.lectern.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A notebook rendered as Jupyter shows it: math, tables, attachments, SVG and HTML outputs, colours; hostile parts inert. */
class NotebookAsJupyterTest {

    /** 1x1 PNG. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private static String render(String cells) {
        String json = """
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [CELLS]}""".replace("CELLS", cells);
        return NotebookHtml.render(Notebook.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void markdownKeepsMathForKatexAndRendersTablesAndAttachedImages() {
        String html = render("""
                {"cell_type": "markdown", "metadata": {},
                 "attachments": {"loss curve.png": {"image/png": "PNG"}, "evil.png": {"image/png": "not base64!\\"onerror=alert(1)"}},
                 "source": ["The loss is $L = \\\\sum_i x_i^2$ and $$a_1 * b_1 < c$$\\n", "\\n",
                            "| k | accuracy |\\n", "|---|---|\\n", "| 1 | 0.27 |\\n", "\\n",
                            "![curve](attachment:loss%20curve.png) ![x](attachment:evil.png) ![y](attachment:missing.png)"]}
                """.replace("PNG", PNG));
        assertThat(html).contains("$L = \\sum_i x_i^2$").contains("$$a_1 * b_1 &lt; c$$").doesNotContain("<em>");
        assertThat(html).contains("<table>").contains("<th>accuracy</th>").contains("<td>0.27</td>");
        assertThat(html).contains("src=\"data:image/png;base64," + PNG + "\"");
        assertThat(html).doesNotContain("onerror").doesNotContain("attachment:");
    }

    @Test
    void svgOutputsAreImagesSoTheirScriptsNeverRunAndHtmlOutputsAreSanitised() {
        String svg = "<svg xmlns=\\\"http://www.w3.org/2000/svg\\\"><script>alert(1)</script><circle r=\\\"4\\\"/></svg>";
        String html = render("""
                {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": "plot()",
                 "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"image/svg+xml": "SVG", "text/plain": "<Figure>"}},
                             {"output_type": "execute_result", "execution_count": 1, "metadata": {},
                              "data": {"text/html": "<table><tr><td onclick=\\"x()\\">1</td></tr></table><script>steal()</script>"}}]}
                """.replace("SVG", svg));
        String expected = Base64.getEncoder().encodeToString(svg.replace("\\\"", "\"").getBytes(StandardCharsets.UTF_8));
        assertThat(html).contains("<img class=\"nb-output nb-image\" alt=\"output image\" src=\"data:image/svg+xml;base64," + expected + "\">");
        assertThat(html).doesNotContain("<script").doesNotContain("<svg").doesNotContain("onclick").contains("<td>1</td>");
        assertThat(html).contains("<code class=\"language-python\">plot()</code>");
    }

    @Test
    void tracebacksAreColouredFromTheirAnsiCodesAndStayEscaped() {
        String html = render("""
                {"cell_type": "code", "metadata": {}, "execution_count": 2, "source": "1/0",
                 "outputs": [{"output_type": "error", "ename": "ZeroDivisionError", "evalue": "division by zero",
                   "traceback": ["\\u001b[0;31m---------------------------------------------------------------------------\\u001b[0m",
                                 "\\u001b[0;31mZeroDivisionError\\u001b[0m  Traceback (most recent call last)",
                                 "\\u001b[1;32m<ipython-input-2>\\u001b[0m <script>alert(1)</script> \\u001b]0;title\\u0007\\u001b[2K"]}]}
                """);
        assertThat(html).contains("<span class=\"ansi-red-fg\">ZeroDivisionError</span>")
                .contains("<span class=\"ansi-green-fg ansi-bold\">&lt;ipython-input-2&gt;</span>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("\u001b").doesNotContain("title").doesNotContain("<script");
    }

    @Test
    void ansiCodesBecomeOnlyFixedClassNames() {
        String html = AnsiHtml.toHtml("a\u001b[31;1mb\u001b[39mc\u001b[0md\u001b[<img onerror=x>mE");
        assertThat(html).startsWith("a<span class=\"ansi-red-fg ansi-bold\">b</span><span class=\"ansi-bold\">c</span>d")
                .contains("&lt;img onerror=x&gt;mE").doesNotContain("<img");
    }
}
