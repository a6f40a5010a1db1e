package org.lectern.ui.gradebook;

import com.vaadin.flow.component.Html;
import java.math.BigDecimal;
import java.util.List;
import org.lectern.gradebook.GradeStatistics;

/** A small SVG histogram of percentages in ten bins (Vaadin's chart component needs a subscription). */
final class Histogram {

    private Histogram() {
    }

    static Html of(String id, List<BigDecimal> percents) {
        int[] bins = GradeStatistics.histogram(percents);
        int max = 1;
        for (int b : bins) {
            max = Math.max(max, b);
        }
        int w = 300;
        int h = 120;
        int bar = w / 10;
        StringBuilder svg = new StringBuilder("<svg id=\"" + id + "\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + (h + 20)
                + "\" role=\"img\" aria-label=\"histogram\">");
        for (int i = 0; i < 10; i++) {
            int bh = (int) Math.round((double) bins[i] / max * h);
            svg.append("<rect x=\"").append(i * bar + 1).append("\" y=\"").append(h - bh).append("\" width=\"").append(bar - 2)
                    .append("\" height=\"").append(bh).append("\" fill=\"var(--lumo-primary-color-50pct)\"><title>")
                    .append(i * 10).append("–").append(i == 9 ? 100 : i * 10 + 9).append("%: ").append(bins[i]).append("</title></rect>");
            svg.append("<text x=\"").append(i * bar + bar / 2).append("\" y=\"").append(h + 14)
                    .append("\" font-size=\"10\" text-anchor=\"middle\" fill=\"currentColor\">").append(i * 10).append("</text>");
        }
        svg.append("</svg>");
        return new Html(svg.toString());
    }
}
