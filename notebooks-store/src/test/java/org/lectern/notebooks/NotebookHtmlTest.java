package org.lectern.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NotebookHtmlTest {

    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

    private final String homework = NotebookHtml.render(Notebook.parse(NotebookJson.resource("homework.ipynb")));

    @Test
    void wrapsTheNotebookInOneDiv() {
        assertThat(homework).startsWith("<div class=\"nb\">").endsWith("</div>\n");
    }

    @Test
    void rendersMarkdown() {
        assertThat(homework).contains("<h1>Homework 1: linear regression</h1>", "<strong>numpy</strong>");
    }

    @Test
    void rendersCodeEscapedWithAPrompt() {
        Notebook notebook = new NotebookJson().codeWithOutput("if a < b and c > d:\n    print(\"&\")", "{\"output_type\": \"stream\", \"text\": \"\"}").parse();

        assertThat(NotebookHtml.render(notebook)).contains(
                "<div class=\"nb-prompt\">In [1]:</div><pre class=\"nb-code\"><code class=\"language-python\">if a &lt; b and c &gt; d:\n    print(&quot;&amp;&quot;)</code></pre>");
        assertThat(homework).contains("In [ ]:");
    }

    @Test
    void rendersStreamAndErrorOutputsEscaped() {
        assertThat(homework).contains(
                "<pre class=\"nb-output\">slope 2.0\nintercept 1.0\n</pre>",
                "<pre class=\"nb-output nb-error\">ZeroDivisionError: division by zero\n");
        Notebook notebook = new NotebookJson().codeWithOutput("print(x)", "{\"output_type\": \"stream\", \"text\": \"<b>not bold</b>\"}").parse();
        assertThat(NotebookHtml.render(notebook)).contains("<pre class=\"nb-output\">&lt;b&gt;not bold&lt;/b&gt;</pre>");
    }

    @Test
    void rendersImagesAsDataUrls() {
        assertThat(homework).contains("src=\"data:image/png;base64," + PNG + "\"").doesNotContain("&lt;Figure size");
        Notebook jpeg = new NotebookJson().codeWithOutput("show()", "{\"output_type\": \"display_data\", \"data\": {\"image/jpeg\": \"/9j/4AAQ\"}}").parse();
        assertThat(NotebookHtml.render(jpeg)).contains("src=\"data:image/jpeg;base64,/9j/4AAQ\"");
    }

    @Test
    void fallsBackToTextWhenImageDataIsNotBase64() {
        Notebook notebook = new NotebookJson().codeWithOutput("show()", """
                {"output_type": "display_data", "data": {"image/png": "AAAA\\" onerror=\\"alert(1)", "text/plain": "<Figure>"}}""").parse();

        String html = NotebookHtml.render(notebook);

        assertThat(html).doesNotContain("<img", "onerror").contains("<pre class=\"nb-output\">&lt;Figure&gt;</pre>");
    }

    @Test
    void rendersRawCellsAsEscapedText() {
        assertThat(homework).contains("<pre class=\"nb-raw\">raw &lt;text&gt;</pre>");
    }

    static Stream<Arguments> hostileHtml() {
        return Stream.of(
                Arguments.of("<p>hi</p><script>alert(1)</script>", "<script", "alert(1)"),
                Arguments.of("<img src=\"x.png\" onerror=\"alert(1)\">", "onerror", "alert(1)"),
                Arguments.of("<a href=\"javascript:alert(1)\">click</a>", "javascript:", "alert(1)"),
                Arguments.of("<a href=\"JaVaScRiPt:alert(1)\">click</a>", "avascript", "alert(1)"),
                Arguments.of("<iframe src=\"https://evil.example\"></iframe>", "<iframe", "evil.example"),
                Arguments.of("<img src=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\">", "svg", "data:"),
                Arguments.of("<img src=\"data:text/html;base64,PHNjcmlwdD4=\">", "text/html", "data:"),
                Arguments.of("<img src=\"data:image/png;base64,AA\" onerror=\"alert(1)\">", "onerror", "data:"),
                Arguments.of("<div style=\"background:url(javascript:alert(1))\">x</div>", "style", "alert(1)"),
                Arguments.of("<form action=\"https://evil.example\"><input name=\"p\"></form>", "<form", "<input"));
    }

    @ParameterizedTest
    @MethodSource("hostileHtml")
    void sanitisesHtmlOutputs(String hostile, String forbidden, String alsoForbidden) {
        Notebook notebook = new NotebookJson().codeWithOutput("show()",
                "{\"output_type\": \"display_data\", \"data\": {\"text/html\": " + quote(hostile) + "}}").parse();

        assertThat(NotebookHtml.render(notebook)).doesNotContainIgnoringCase(forbidden).doesNotContain(alsoForbidden);
    }

    @ParameterizedTest
    @MethodSource("hostileHtml")
    void sanitisesMarkdownCells(String hostile, String forbidden, String alsoForbidden) {
        Notebook notebook = new NotebookJson().markdown("Some text\n\n" + hostile + "\n\n[link](javascript:alert(1))").parse();

        assertThat(NotebookHtml.render(notebook)).doesNotContainIgnoringCase(forbidden).doesNotContain(alsoForbidden);
    }

    @Test
    void keepsSafeHtmlSuchAsTablesLinksAndInlineImages() {
        String table = "<table class=\"dataframe\"><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>";
        Notebook notebook = new NotebookJson()
                .codeWithOutput("df", "{\"output_type\": \"execute_result\", \"data\": {\"text/html\": " + quote(table) + ", \"text/plain\": \"a 1\"}}")
                .markdown("[docs](https://numpy.org) ![plot](data:image/png;base64," + PNG + ")")
                .parse();

        String html = NotebookHtml.render(notebook);

        assertThat(html).contains(
                "<div class=\"nb-output nb-html\"><table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table></div>",
                "<a href=\"https://numpy.org\">docs</a>",
                "<img src=\"data:image/png;base64," + PNG + "\" alt=\"plot\">");
    }

    @Test
    void truncatesOutputsOver100Kilobytes() {
        String huge = "0123456789\n".repeat(30_000);
        Notebook notebook = new NotebookJson().codeWithOutput("spam()", "{\"output_type\": \"stream\", \"text\": " + quote(huge) + "}").parse();

        String html = NotebookHtml.render(notebook);

        assertThat(html).contains("Output truncated: showing the first 100 KB of 322 KB.");
        assertThat(html.length()).isBetween(100 * 1024, 110 * 1024);
    }

    @Test
    void truncatesHtmlOutputsAndStillSanitisesThem() {
        String huge = "<p>row</p>".repeat(20_000) + "<script>alert(1)</script>";
        Notebook notebook = new NotebookJson().codeWithOutput("show()", "{\"output_type\": \"display_data\", \"data\": {\"text/html\": " + quote(huge) + "}}").parse();

        String html = NotebookHtml.render(notebook);

        assertThat(html).contains("Output truncated").doesNotContain("<script");
        assertThat(html.length()).isLessThan(110 * 1024);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
