package org.lectern.notebooks;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * The one sanitiser for HTML that reaches a page from anything a person typed: notebooks (markdown
 * cells, text/html outputs), and the UI's Markdown with math (exercise prompts, poll and quiz
 * questions). It runs on the FINAL HTML of a render, never on pieces, so nothing put back after
 * Markdown (math spans) can break out of an attribute: jsoup's relaxed safelist drops scripts, event
 * handlers, style, and links other than http(s), ftp and mailto (so javascript: goes); inline images
 * are allowed only as PNG or JPEG data URLs because notebooks embed their figures that way.
 */
public final class HtmlSanitizer {

    private static final Safelist SAFELIST = new NotebookSafelist();
    private static final java.util.regex.Pattern LANGUAGE_CLASS = java.util.regex.Pattern.compile("language-[A-Za-z0-9+#-]{1,30}");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private HtmlSanitizer() {}

    public static String clean(String html) {
        return Jsoup.clean(html, "", SAFELIST, OUTPUT);
    }

    private static final class NotebookSafelist extends Safelist {

        NotebookSafelist() {
            super(Safelist.relaxed());
        }

        @Override
        public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
            // A fenced block's language (commonmark writes class="language-python"): the highlighter reads it; nothing else.
            if ("code".equals(tagName) && "class".equals(attribute.getKey())) {
                return LANGUAGE_CLASS.matcher(attribute.getValue()).matches();
            }
            if ("img".equals(tagName) && "src".equals(attribute.getKey()) && Base64Images.isDataUrl(attribute.getValue())) {
                return Base64Images.isSafeDataUrl(attribute.getValue().strip());
            }
            return super.isSafeAttribute(tagName, element, attribute);
        }
    }
}
