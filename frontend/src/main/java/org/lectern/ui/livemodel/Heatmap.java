package org.lectern.ui.livemodel;

import com.vaadin.flow.component.Html;
import java.util.Locale;

/**
 * Small SVG grids of values: the input digit, the occlusion map, filters and activation maps (Vaadin's chart
 * component needs a subscription, and a grid of squares is all these need).
 */
final class Heatmap {

    private Heatmap() {
    }

    /** Greys from white (0) to black ({@code max}); for the input image and activation maps. */
    static Html grey(String id, String label, float[] values, int offset, int side, float max, int pixels) {
        StringBuilder svg = open(id, label, side, pixels);
        float scale = max <= 0 ? 1 : max;
        for (int i = 0; i < side * side; i++) {
            int level = 255 - Math.round(Math.clamp(values[offset + i] / scale, 0f, 1f) * 255);
            cell(svg, i % side, i / side, pixels / side, String.format(Locale.ROOT, "rgb(%d,%d,%d)", level, level, level),
                    values[offset + i]);
        }
        return close(svg);
    }

    /** Red where the value is positive, blue where negative, white at 0, scaled by the largest magnitude. */
    static Html diverging(String id, String label, float[] values, int offset, int side, int pixels) {
        float max = 0;
        for (int i = 0; i < side * side; i++) {
            max = Math.max(max, Math.abs(values[offset + i]));
        }
        StringBuilder svg = open(id, label, side, pixels);
        for (int i = 0; i < side * side; i++) {
            float v = max == 0 ? 0 : values[offset + i] / max;
            int fade = 255 - Math.round(Math.abs(v) * 255);
            String colour = v >= 0 ? String.format(Locale.ROOT, "rgb(255,%d,%d)", fade, fade)
                    : String.format(Locale.ROOT, "rgb(%d,%d,255)", fade, fade);
            cell(svg, i % side, i / side, pixels / side, colour, values[offset + i]);
        }
        return close(svg);
    }

    private static StringBuilder open(String id, String label, int side, int pixels) {
        return new StringBuilder("<svg id=\"").append(id).append("\" class=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(pixels).append("\" height=\"").append(pixels).append("\" viewBox=\"0 0 ").append(pixels).append(' ')
                .append(pixels).append("\" role=\"img\" aria-label=\"").append(label).append("\" data-cells=\"")
                .append(side * side).append("\">");
    }

    private static void cell(StringBuilder svg, int x, int y, int size, String fill, float value) {
        svg.append("<rect x=\"").append(x * size).append("\" y=\"").append(y * size).append("\" width=\"").append(size)
                .append("\" height=\"").append(size).append("\" fill=\"").append(fill).append("\"><title>")
                .append(String.format(Locale.ROOT, "%.3f", value)).append("</title></rect>");
    }

    private static Html close(StringBuilder svg) {
        return new Html(svg.append("</svg>").toString());
    }
}
