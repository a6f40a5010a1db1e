package org.lectern.poll;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts one round's votes into the bars a projector shows. Choices keep the question's order (an
 * empty bar says something too). Numbers are grouped by their value at 2 decimals, the most common
 * first, the rest under "other" so a room of typos stays readable; the correct value is always shown.
 */
public final class PollTally {

    /** Bars of number answers before the rest becomes "other". */
    static final int NUMBER_BARS = 6;

    public record Bar(String label, int votes, boolean correct) {
    }

    private PollTally() {
    }

    public static List<Bar> choices(List<String> options, List<String> answers, String correct) {
        int[] counts = new int[options.size()];
        for (String a : answers) {
            int i = Integer.parseInt(a);
            if (i >= 0 && i < counts.length) {
                counts[i]++;
            }
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            bars.add(new Bar(options.get(i), counts[i], correct != null && correct.equals(Integer.toString(i))));
        }
        return bars;
    }

    public static List<Bar> numbers(List<String> answers, String correct) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String a : answers) {
            counts.merge(normalise(a), 1, Integer::sum);
        }
        String right = correct == null ? null : normalise(correct);
        List<Map.Entry<String, Integer>> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey(
                        Comparator.comparing(PollTally::numeric))))
                .toList();
        List<Bar> bars = new ArrayList<>();
        int other = 0;
        for (var e : sorted) {
            boolean isRight = e.getKey().equals(right);
            if (bars.size() < NUMBER_BARS || isRight) {
                bars.add(new Bar(e.getKey(), e.getValue(), isRight));
            } else {
                other += e.getValue();
            }
        }
        if (other > 0) {
            bars.add(new Bar("other", other, false));
        }
        return bars;
    }

    /**
     * Whether a vote is the correct answer, judged as the bars are: the same option, or the same number at the
     * bars' two decimals (so a student whose vote sits in the correct bar is told they were right).
     */
    public static boolean isCorrect(PollKind kind, String answer, String correct) {
        if (answer == null || correct == null) {
            return false;
        }
        if (answer.strip().equals(correct.strip())) {
            return true;
        }
        if (kind == PollKind.CHOICE) {
            return false;
        }
        try {
            return normalise(answer).equals(normalise(correct));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** 2, 2.0 and 2.004 are one bar; the label is the plain value at 2 decimals without trailing zeros. */
    static String normalise(String number) {
        BigDecimal v = new BigDecimal(number.strip()).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return v.signum() == 0 ? "0" : v.toPlainString();
    }

    private static BigDecimal numeric(String label) {
        return new BigDecimal(label);
    }
}
