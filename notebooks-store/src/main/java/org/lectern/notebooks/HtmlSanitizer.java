package org.lectern.notebooks;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Cleans HTML that a student controls (markdown cells, text/html outputs) before staff open it:
 * jsoup's relaxed safelist drops scripts, event handlers and javascript: links; inline images are
 * allowed only as PNG or JPEG data URLs because notebooks embed their figures that way.
 */
final class HtmlSanitizer {

    private static final Safelist SAFELIST = new NotebookSafelist();
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private HtmlSanitizer() {}

    static String clean(String html) {
        return Jsoup.clean(html, "", SAFELIST, OUTPUT);
    }

    private static final class NotebookSafelist extends Safelist {

        NotebookSafelist() {
            super(Safelist.relaxed());
        }

        @Override
        public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
            if ("img".equals(tagName) && "src".equals(attribute.getKey()) && Base64Images.isDataUrl(attribute.getValue())) {
                return Base64Images.isSafeDataUrl(attribute.getValue().strip());
            }
            return super.isSafeAttribute(tagName, element, attribute);
        }
    }
}
