package org.lectern.ui.gradebook;

import com.vaadin.flow.component.Html;
import java.math.BigDecimal;
import java.util.List;
import org.lectern.gradebook.GradeStatistics;

/**
 * A small SVG histogram of percentages in ten bins (Vaadin's chart component needs a subscription). Each bar names
 * its range and count on hover (and on keyboard focus); the same figures follow as a table that screen readers read
 * (visually hidden), while the drawing itself is hidden from them so nothing is read twice.
 */
final class Histogram {

    private Histogram() {
    }

    static Html of(String id, List<BigDecimal> percents) {
        return new Html(markup(id, percents));
    }

    static String markup(String id, List<BigDecimal> percents) {
        int[] bins = GradeStatistics.histogram(percents);
        int max = 1;
        int total = 0;
        for (int b : bins) {
            max = Math.max(max, b);
            total += b;
        }
        int w = 300;
        int h = 120;
        int bar = w / 10;
        StringBuilder out = new StringBuilder("<figure class=\"histogram\" style=\"margin:0\">");
        out.append("<svg id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w)
                .append("\" height=\"").append(h + 20).append("\" aria-hidden=\"true\" focusable=\"false\">");
        for (int i = 0; i < 10; i++) {
            int bh = (int) Math.round((double) bins[i] / max * h);
            String label = range(i) + ": " + bins[i] + (bins[i] == 1 ? " score" : " scores");
            // A bar as tall as the chart catches the pointer even where the count is 0 or small.
            out.append("<g class=\"histogram-bin\" data-label=\"").append(label).append("\"><title>").append(label).append("</title>")
                    .append("<rect x=\"").append(i * bar).append("\" y=\"0\" width=\"").append(bar).append("\" height=\"").append(h)
                    .append("\" fill=\"transparent\"></rect>")
                    .append("<rect x=\"").append(i * bar + 1).append("\" y=\"").append(h - bh).append("\" width=\"").append(bar - 2)
                    .append("\" height=\"").append(bh).append("\" fill=\"var(--lumo-primary-color-50pct)\"></rect>");
            if (bins[i] > 0) {
                out.append("<text x=\"").append(i * bar + bar / 2).append("\" y=\"").append(Math.max(10, h - bh - 3))
                        .append("\" font-size=\"10\" text-anchor=\"middle\" fill=\"currentColor\">").append(bins[i]).append("</text>");
            }
            out.append("</g>");
            out.append("<text x=\"").append(i * bar + bar / 2).append("\" y=\"").append(h + 14)
                    .append("\" font-size=\"10\" text-anchor=\"middle\" fill=\"currentColor\">").append(i * 10).append("</text>");
        }
        out.append("</svg>");
        // The table for screen readers sits in a hidden box: a table is never narrower than its content, so hiding the
        // table itself would still make a phone's page scroll sideways.
        out.append("<div class=\"visually-hidden\"><table id=\"").append(id).append("-table\"><caption>Distribution of ")
                .append(total).append(total == 1 ? " score" : " scores").append(" in ranges of ten percent</caption>")
                .append("<thead><tr><th scope=\"col\">Range</th><th scope=\"col\">Scores</th></tr></thead><tbody>");
        for (int i = 0; i < 10; i++) {
            out.append("<tr><th scope=\"row\">").append(range(i)).append("</th><td>").append(bins[i]).append("</td></tr>");
        }
        out.append("</tbody></table></div></figure>");
        return out.toString();
    }

    private static String range(int bin) {
        return bin * 10 + "–" + (bin == 9 ? 100 : bin * 10 + 9) + "%";
    }
}
