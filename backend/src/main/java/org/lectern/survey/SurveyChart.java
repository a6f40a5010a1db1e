package org.lectern.survey;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as SVG, drawn on the server so results need no chart library in the browser. Labels are
 * text students typed (options are staff's, but answers may echo anything), so every label is escaped.
 */
public final class SurveyChart {

    static final int WIDTH = 560;
    static final int ROW = 28;
    static final int LABEL = 220;

    private SurveyChart() {
    }

    public static String svg(List<SurveyResults.Bar> bars) {
        int max = Math.max(1, bars.stream().mapToInt(SurveyResults.Bar::count).max().orElse(0));
        int total = bars.stream().mapToInt(SurveyResults.Bar::count).sum();
        int height = Math.max(ROW, bars.size() * ROW);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"survey-chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"100%%\">",
                WIDTH, height));
        for (int i = 0; i < bars.size(); i++) {
            SurveyResults.Bar b = bars.get(i);
            int y = i * ROW;
            int w = (int) Math.round((WIDTH - LABEL - 90) * (double) b.count() / max); // room for "12 (100%)" after the bar
            String label = b.label().length() > 34 ? b.label().substring(0, 33) + "…" : b.label();
            String pct = total == 0 ? "" : String.format(Locale.ROOT, " (%d%%)", Math.round(100.0 * b.count() / total));
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"13\">%s</text>", y + 18, escape(label)))
                    .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#3b6fb6\"><title>%s: %d</title></rect>",
                            LABEL, y + 5, w, ROW - 10, escape(b.label()), b.count()))
                    .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"13\" class=\"survey-count\">%d%s</text>",
                            LABEL + w + 6, y + 18, b.count(), pct));
        }
        return svg.append("</svg>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
