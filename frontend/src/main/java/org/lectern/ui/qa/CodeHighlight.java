package org.lectern.ui.qa;

import com.vaadin.flow.component.Component;

/**
 * Colours the code blocks of rendered Markdown with highlight.js, served from the app's own jar (the highlightjs
 * webjar), never from a CDN. highlight.js reads each block's text and writes escaped spans back, so it adds no markup a
 * post could control; a block marked ```python is coloured as Python, others by detection. Notebooks' code cells
 * (marked language-python) are coloured the same way.
 */
public final class CodeHighlight {

    static final String VERSION = "11.11.1";

    private CodeHighlight() {
    }

    public static void apply(Component c) {
        c.addAttachListener(e -> {
            var page = e.getUI().getPage();
            page.addStyleSheet("webjars/highlightjs/" + VERSION + "/styles/github.min.css");
            // A classic script, not a module: highlight.min.js declares its global with "var".
            c.getElement().executeJs("""
                    const el = this;
                    if (!window.hljs && !document.getElementById('lectern-hljs')) {
                      const s = document.createElement('script');
                      s.id = 'lectern-hljs';
                      s.src = $0;
                      document.head.appendChild(s);
                    }
                    (function colour(tries) {
                      if (window.hljs) {
                        el.querySelectorAll('pre code').forEach(b => { if (!b.dataset.highlighted) window.hljs.highlightElement(b); });
                        el.setAttribute('data-highlighted', 'true');
                      } else if (tries > 0) {
                        setTimeout(() => colour(tries - 1), 50);
                      }
                    })(200);""", "webjars/highlightjs/" + VERSION + "/highlight.min.js");
        });
    }
}
