package org.lectern.ui.training;

import com.vaadin.flow.component.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SVG line chart of per-epoch values (Vaadin's chart component needs a subscription): epochs on x, one polyline
 * per series with a dot per epoch, a legend. Missing values (a loss that diverged) break the line.
 */
final class LineChart {

    /** One line: its label for the legend, its colour, dashed or solid, and a value per epoch (index 0 = epoch 1). */
    record Series(String label, String color, boolean dashed, List<Double> values, String cssClass) {
    }

    /** The palette for comparisons: distinguishable, and readable on Lumo's light theme. */
    static final List<String> COLORS = List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2");

    private static final int WIDTH = 420;
    private static final int HEIGHT = 232;
    private static final int LEFT = 46;
    private static final int RIGHT = 12;
    private static final int TOP = 24;
    private static final int BOTTOM = 34;

    private LineChart() {
    }

    /**
     * @param epochs x runs from 1 to this (at least the longest series)
     * @param yMax   the top of the y axis; null to fit the data (from 0)
     * @param percent y values are shares, shown as percentages
     */
    static Html of(String id, String title, int epochs, Double yMax, boolean percent, List<Series> series) {
        int n = Math.max(epochs, series.stream().mapToInt(s -> s.values().size()).max().orElse(1));
        double top = yMax != null ? yMax : niceTop(series.stream().flatMap(s -> s.values().stream())
                .filter(v -> v != null && Double.isFinite(v)).mapToDouble(Double::doubleValue).max().orElse(1));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        int height = HEIGHT + 18 * ((series.size() + 1) / 2);
        // Width and height give the chart its aspect ratio; CSS lets it shrink with the page.
        svg.append("<svg id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" style=\"max-width:100%;height:auto\" role=\"img\" aria-label=\"").append(escape(title))
                .append("\" data-series=\"").append(series.size()).append("\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"12\" font-size=\"12\" font-weight=\"600\" fill=\"currentColor\">%s</text>",
                LEFT, escape(title)));
        // y grid and labels: five steps
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double y = TOP + plotH - plotH * i / 4;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"currentColor\" stroke-opacity=\"0.12\"/>",
                    LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"currentColor\">%s</text>",
                    LEFT - 4, y + 3, percent ? Math.round(v * 100) + "%" : number(v)));
        }
        // x labels: every epoch up to 10, else about ten
        int step = Math.max(1, (int) Math.ceil(n / 10.0));
        for (int e = 1; e <= n; e += step) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" fill=\"currentColor\">%d</text>",
                    x(e, n, plotW), TOP + (int) plotH + 13, e));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" fill=\"currentColor\">epoch</text>",
                LEFT + plotW / 2, TOP + (int) plotH + 26));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"currentColor\" stroke-opacity=\"0.5\"/>",
                LEFT, TOP, LEFT, TOP + plotH));
        for (Series s : series) {
            for (List<double[]> segment : segments(s.values(), n, top, plotW, plotH)) {
                StringBuilder points = new StringBuilder();
                for (double[] p : segment) {
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1]));
                }
                svg.append("<polyline class=\"").append(s.cssClass()).append("\" fill=\"none\" stroke=\"").append(s.color())
                        .append("\" stroke-width=\"2\"").append(s.dashed() ? " stroke-dasharray=\"5 3\"" : "").append(" points=\"")
                        .append(points.toString().strip()).append("\"/>");
                for (double[] p : segment) {
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>", p[0], p[1], s.color()));
                }
            }
        }
        // legend, two per row
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            int lx = LEFT + (i % 2) * (int) (plotW / 2);
            int ly = HEIGHT + 4 + 18 * (i / 2);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>", lx, ly,
                    lx + 18, ly, s.color(), s.dashed() ? " stroke-dasharray=\"5 3\"" : ""));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"currentColor\">%s</text>", lx + 22, ly + 4,
                    escape(s.label())));
        }
        svg.append("</svg>");
        return new Html(svg.toString());
    }

    /** Runs of consecutive finite values as points; a missing value ends a segment. */
    private static List<List<double[]>> segments(List<Double> values, int n, double top, double plotW, double plotH) {
        List<List<double[]>> out = new ArrayList<>();
        List<double[]> current = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v == null || !Double.isFinite(v)) {
                if (!current.isEmpty()) {
                    out.add(current);
                    current = new ArrayList<>();
                }
                continue;
            }
            double clipped = Math.min(Math.max(v, 0), top);
            current.add(new double[] {x(i + 1, n, plotW), TOP + plotH - plotH * clipped / top});
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static double x(int epoch, int n, double plotW) {
        return n <= 1 ? LEFT + plotW / 2 : LEFT + plotW * (epoch - 1) / (n - 1);
    }

    /** A round top at or above the largest value whose quarters read well: 1, 2, 3, 4, 5, 6 or 8 times a power of ten. */
    static double niceTop(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 2, 3, 4, 5, 6, 8, 10}) {
            if (m * power >= max) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, v < 1 ? "%.2f" : "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
