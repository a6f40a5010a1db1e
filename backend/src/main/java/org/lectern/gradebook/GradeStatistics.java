package org.lectern.gradebook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * Summary figures of a set of scores for staff: how many, mean, median, and a ten-bin histogram of percentages.
 *
 * @param mean   null when there are no values
 * @param median null when there are no values
 */
public record GradeStatistics(int count, BigDecimal mean, BigDecimal median) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static GradeStatistics of(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return new GradeStatistics(0, null, null);
        }
        BigDecimal mean = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64);
        List<BigDecimal> s = values.stream().sorted().toList();
        int n = s.size();
        BigDecimal median = n % 2 == 1 ? s.get(n / 2) : s.get(n / 2 - 1).add(s.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
        return new GradeStatistics(n, mean, median);
    }

    /** The item's scores in points, of the students who have one. */
    public static List<BigDecimal> scores(List<GradebookRows.StudentRow> rows, String itemKey) {
        return rows.stream().map(r -> r.items().get(itemKey).score()).filter(Objects::nonNull).toList();
    }

    /** The item's scores as percentages of what each was out of. */
    public static List<BigDecimal> percents(List<GradebookRows.StudentRow> rows, String itemKey) {
        return rows.stream().map(r -> r.items().get(itemKey)).filter(l -> l.score() != null && l.max() != null && l.max().signum() > 0)
                .map(l -> l.score().multiply(HUNDRED).divide(l.max(), MathContext.DECIMAL64)).toList();
    }

    /** The students' course totals in percent, of those who have one. */
    public static List<BigDecimal> totalPercents(List<GradebookRows.StudentRow> rows) {
        return rows.stream().map(GradebookRows.StudentRow::totalPercent).filter(Objects::nonNull).toList();
    }

    /** Counts per ten-point bin (0–9, …, 90–100); out-of-range percentages go to the end bins. */
    public static int[] histogram(List<BigDecimal> percents) {
        int[] bins = new int[10];
        for (BigDecimal p : percents) {
            bins[Math.min(9, Math.max(0, p.intValue() / 10))]++;
        }
        return bins;
    }
}
