package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A handed-in notebook as Jupyter shows it, in a real browser: math in Markdown typeset by KaTeX (served by Lectern),
 * a Markdown table, an image attached to a cell, code coloured by highlight.js, an SVG figure, a pandas-style HTML
 * table with the notebook's script and event handler removed (and never run), and a traceback in IPython's colours.
 */
class NotebookRenderingIT extends BrowserTest {

    /** A 1x1 red PNG. */
    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    static final String NOTEBOOK = """
            {"nbformat": 4, "nbformat_minor": 5,
             "metadata": {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}},
             "cells": [
              {"cell_type": "markdown", "metadata": {},
               "attachments": {"dot.png": {"image/png": "%s"}},
               "source": ["The loss is $L = \\\\frac{1}{N}\\\\sum_i \\\\ell_i$ and its gradient\\n", "\\n",
                          "$$\\\\nabla_W L = \\\\frac{\\\\partial L}{\\\\partial W}$$\\n", "\\n",
                          "| layer | units |\\n", "|---|---|\\n", "| hidden | 128 |\\n", "\\n",
                          "![the dot](attachment:dot.png)"]},
              {"cell_type": "code", "metadata": {}, "execution_count": 1,
               "source": ["import numpy as np\\n", "def relu(x):\\n", "    return np.maximum(0, x)\\n", "relu(1) / 0"],
               "outputs": [
                {"output_type": "display_data", "metadata": {},
                 "data": {"image/svg+xml": "<svg xmlns=\\"http://www.w3.org/2000/svg\\" width=\\"40\\" height=\\"20\\"><rect width=\\"40\\" height=\\"20\\" fill=\\"#208ffb\\"/></svg>",
                          "text/plain": "<Figure size 40x20>"}},
                {"output_type": "execute_result", "execution_count": 1, "metadata": {},
                 "data": {"text/html": "<table class=\\"dataframe\\" id=\\"frame\\"><thead><tr><th>x</th></tr></thead><tbody><tr><td>42</td></tr></tbody></table><script>window.__notebookScript = 1</script><img src=\\"x\\" onerror=\\"window.__notebookScript = 2\\">",
                          "text/plain": "   x\\n0  42"}},
                {"output_type": "error", "ename": "ZeroDivisionError", "evalue": "division by zero",
                 "traceback": ["\\u001b[0;31m---------------------------------------------------------------------------\\u001b[0m",
                               "\\u001b[0;31mZeroDivisionError\\u001b[0m                         Traceback (most recent call last)",
                               "\\u001b[0;31mZeroDivisionError\\u001b[0m: division by zero"]}
               ]}
             ]}
            """.formatted(PNG);

    @Test
    void aNotebookShowsAsJupyterShowsItWithItsHtmlSanitised() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        String created = instructor.postJson("/api/v1/courses/" + courseId + "/assignments", """
                {"shortName": "NB1", "title": "Notebook as Jupyter shows it", "releaseAt": "2024-01-01T00:00:00Z",
                 "dueAt": "2099-01-01T00:00:00Z", "points": 10}""");
        String assignmentId = Api.field(created, "id");
        Api student = new Api("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        String receipt = student.multipart("POST", "/api/v1/assignments/" + assignmentId + "/submissions",
                Map.of("relu.ipynb", NOTEBOOK.getBytes(StandardCharsets.UTF_8)), Map.of());
        String submissionId = Api.field(receipt, "submissionId");

        browser.signIn("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/submissions/" + submissionId);
        // Math: inline and display, typeset by the KaTeX Lectern serves.
        browser.waitFor(By.cssSelector(".nb-markdown .katex"));
        browser.waitFor(By.cssSelector(".nb-markdown .katex-display"));
        // The Markdown table, and the image attached to the cell (loaded: it has a width).
        browser.waitForText(By.cssSelector(".nb-markdown table td"), "hidden");
        browser.waiting().until(d -> (Boolean) browser.script(
                "const i = document.querySelector('.nb-markdown img[src^=\"data:image/png\"]'); return !!i && i.complete && i.naturalWidth === 1;"));
        // Code coloured by highlight.js.
        browser.waitFor(By.cssSelector("pre.nb-code code .hljs-keyword"));
        // The SVG figure, drawn as an image.
        browser.waiting().until(d -> (Boolean) browser.script(
                "const i = document.querySelector('img.nb-image[src^=\"data:image/svg+xml\"]'); return !!i && i.complete && i.naturalWidth === 40;"));
        // The HTML output's table, without its script or handler, neither of which ran.
        browser.waitForText(By.cssSelector(".nb-html table td"), "42");
        assertThat(browser.all(By.cssSelector(".nb script, .nb [onerror]"))).isEmpty();
        assertThat(browser.script("return window.__notebookScript === undefined;")).isEqualTo(true);
        // The traceback in IPython's red.
        By red = By.xpath("//pre[contains(@class, 'nb-error')]/span[contains(@class, 'ansi-red-fg') and normalize-space() = 'ZeroDivisionError']");
        browser.waitFor(red);
        assertThat(browser.driver().findElement(red).getCssValue("color")).isIn("rgb(231, 92, 88)", "rgba(231, 92, 88, 1)");
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("notebook-as-jupyter");
    }
}
