package org.lectern.autograde;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.lectern.grading.model.Layout;
import org.lectern.grading.model.Metric;
import org.lectern.grading.model.ModelSpec;
import org.lectern.grading.model.Normalisation;
import org.lectern.platform.InvalidInputException;

/**
 * What an instructor sets for a model assignment: the input spec (shape, layout, normalisation), the
 * metric, the limits, and how the metric maps to points (linear from {@code zeroPointsAt} to
 * {@code fullPointsAt}, capped). Nulls take the defaults of the digits course model.
 */
public record ModelTaskDraft(Integer channels, Integer height, Integer width, String layout, Double divisor, List<Double> mean,
                             List<Double> std, Integer classes, String metric, Integer topK, Long maxFileBytes, Long maxParameters,
                             Integer evaluationSeconds, Integer memoryMb, Double zeroPointsAt, Double fullPointsAt,
                             Boolean showNames) {

    /** The digits model of models/train_digits.py: 1x8x8 in NCHW, pixels / 16, 10 classes, accuracy. */
    public static ModelTaskDraft digits() {
        return new ModelTaskDraft(1, 8, 8, "NCHW", 16.0, null, null, 10, "accuracy", null, 1_000_000L, 100_000L, 60, 1024, 0.5, 0.95,
                true);
    }

    public ModelTaskDraft withDefaults() {
        ModelTaskDraft d = digits();
        return new ModelTaskDraft(or(channels, d.channels), or(height, d.height), or(width, d.width), or(layout, d.layout),
                or(divisor, d.divisor), mean, std, or(classes, d.classes), or(metric, d.metric), topK, or(maxFileBytes, d.maxFileBytes),
                or(maxParameters, d.maxParameters), or(evaluationSeconds, d.evaluationSeconds), or(memoryMb, d.memoryMb),
                or(zeroPointsAt, d.zeroPointsAt), or(fullPointsAt, d.fullPointsAt), or(showNames, d.showNames));
    }

    /** The grading module's spec; refuses what cannot be evaluated, with the field named. */
    public ModelSpec spec() {
        ModelTaskDraft d = withDefaults();
        Layout l;
        try {
            l = Layout.valueOf(d.layout.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("layout: NCHW or NHWC.");
        }
        if (d.channels < 1 || d.height < 1 || d.width < 1 || d.classes < 2) {
            throw new InvalidInputException("channels, height and width are at least 1 and classes at least 2.");
        }
        if (d.divisor <= 0) {
            throw new InvalidInputException("divisor: greater than 0 (pixels are divided by it).");
        }
        Normalisation n = d.mean == null && d.std == null ? Normalisation.dividedBy(d.divisor)
                : new Normalisation(d.divisor, d.mean, d.std);
        return ModelSpec.of(d.channels, d.height, d.width, l, n, d.classes, d.maxFileBytes, d.maxParameters);
    }

    public Metric metricSpec() {
        String m = withDefaults().metric.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (m) {
            case "accuracy" -> Metric.accuracy();
            case "top-k" -> Metric.topK(topK == null ? 5 : topK);
            case "macro-f1" -> Metric.macroF1();
            default -> throw new InvalidInputException("metric: accuracy, top-k or macro-f1.");
        };
    }

    /** The share of the points a metric value earns: 0 at or below zeroPointsAt, 1 at or above fullPointsAt. */
    public BigDecimal fraction(double metricValue) {
        ModelTaskDraft d = withDefaults();
        if (!(d.fullPointsAt > d.zeroPointsAt)) {
            throw new InvalidInputException("fullPointsAt must be above zeroPointsAt.");
        }
        double f = (metricValue - d.zeroPointsAt) / (d.fullPointsAt - d.zeroPointsAt);
        return BigDecimal.valueOf(Math.max(0, Math.min(1, f))).setScale(6, RoundingMode.HALF_UP);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
