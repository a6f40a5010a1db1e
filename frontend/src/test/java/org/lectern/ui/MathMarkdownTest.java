package org.lectern.ui;

import org.lectern.ui.MathMarkdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile Markdown (a poll question reaches every student's browser): whatever is typed, the HTML set as
 * innerHTML has no script, no event handler, no javascript: link, and the text still shows.
 */
class MathMarkdownTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            [a]($x" onmouseover="window.__pwned=1$)                 | a
            $x" onmouseover="window.__pwned=1$                      | onmouseover
            [a](javascript:window.__pwned=1)                        | a
            <img src=x onerror="window.__pwned=1">                  | img src=x
            </script><script>window.__pwned=1</script>              | window.__pwned=1
            $</div><img src=x onerror=window.__pwned=1>$            | onerror
            [x](<javascript:alert(1)>) and *bold*                   | bold
            ![p](javascript:alert(1)) caption                       | caption
            $$\\href{javascript:alert(1)}{x}$$ <svg onload=alert(1)> | href
            """)
    void hostileTextRendersAsHarmlessHtml(String markdown, String stillVisible) {
        String html = MathMarkdown.html(markdown);
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script, svg, iframe, object, embed, style")).as(html).isEmpty();
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(a -> {
                assertThat(a.getKey()).as(html).doesNotStartWith("on");
                assertThat(a.getValue().strip().toLowerCase()).as(html).doesNotStartWith("javascript:");
            });
        }
        assertThat(doc.text()).as(html).contains(stillVisible);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            What is $x_1 + y$?                     | What is $x_1 + y$?
            Compute $$\\sum_i a_i < b$$ now        | Compute $$\\sum_i a_i < b$$ now
            A *kernel* of size $3 \\times 3$       | A kernel of size $3 \\times 3$
            """)
    void mathAndMarkdownStillRender(String markdown, String text) {
        Document doc = Jsoup.parseBodyFragment(MathMarkdown.html(markdown));
        assertThat(doc.text()).isEqualTo(text);
    }
}
