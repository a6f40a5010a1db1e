package org.lectern.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the one sanitiser keeps of a code block's class: a fenced block's language, and nothing else. */
class HtmlSanitizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<pre><code class=\"language-python\">x</code></pre>        | <pre><code class=\"language-python\">x</code></pre>",
            "<pre><code class=\"language-c++\">x</code></pre>           | <pre><code class=\"language-c++\">x</code></pre>",
            "<pre><code class=\"hljs x\">x</code></pre>                 | <pre><code>x</code></pre>",
            "<pre><code class=\"language-python onclick\">x</code></pre> | <pre><code>x</code></pre>",
            "<span class=\"language-python\">x</span>                   | <span>x</span>",
            "<code onclick=\"alert(1)\" class=\"language-js\">x</code>  | <code class=\"language-js\">x</code>"})
    void keepsOnlyALanguageClassOnCode(String html, String cleaned) {
        assertThat(HtmlSanitizer.clean(html)).isEqualTo(cleaned);
    }
}
