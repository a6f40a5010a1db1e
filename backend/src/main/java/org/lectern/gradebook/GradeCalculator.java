package org.lectern.gradebook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes a course grade from a scheme and a student's scores.
 * <p>Per item: absent from the scores = not released, never counted; excused = left out; an override
 * replaces the earned score; no earned score = missing, counted as 0 when {@code countMissingAsZero}
 * (a final grade) or left out otherwise (an average of graded work).
 * <p>Dropping, per category: the {@code dropLowest} counted items with the lowest percent go, ties
 * to the earlier item in scheme order. Never dropped: excused or unreleased items (they do not count,
 * so dropping them would waste the drop), overridden items (an override is a staff decision, e.g. an
 * integrity zero, that a drop must not undo), items with no share of the weight (A0; dropping them
 * changes nothing). At least one counted item with weight always stays, so with fewer items than
 * {@code dropLowest} fewer are dropped. Missing work counted as 0 can be dropped.
 * <p>Totals: each category's percent is the share-weighted mean of its counted items' percents. The
 * base is the weight-weighted mean of the ordinary categories that count anything (all of them, 100%,
 * for a final grade). Extra credit adds weight times percent, capped, on top. Each item's contribution
 * is its part of the total, so contributions add up to the total.
 */
public final class GradeCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private GradeCalculator() {
    }

    /** A final grade: missing work counts as 0. */
    public static CourseGrade compute(GradingScheme scheme, Map<String, ItemScore> scores) {
        return compute(scheme, scores, true);
    }

    public static CourseGrade compute(GradingScheme scheme, Map<String, ItemScore> scores, boolean countMissingAsZero) {
        Objects.requireNonNull(scheme, "scheme");
        // Counting matches is linear; the slow search runs only to name the stray key.
        int known = 0;
        for (Category category : scheme.categories()) {
            for (GradedItem item : category.items()) {
                if (scores.containsKey(item.key())) {
                    known++;
                }
            }
        }
        if (known != scores.size()) {
            for (String key : scores.keySet()) {
                if (scheme.categoryOf(key).isEmpty()) {
                    throw new IllegalArgumentException("no item " + key + " in the grading scheme");
                }
            }
        }
        List<Tally> tallies = scheme.categories().stream()
                .map(c -> Tally.of(c, scores, countMissingAsZero))
                .toList();

        BigDecimal countedWeight = BigDecimal.ZERO;
        for (Tally t : tallies) {
            if (!t.category.extraCredit() && t.counts()) {
                countedWeight = countedWeight.add(t.category.weightPercent());
            }
        }
        BigDecimal base = countedWeight.signum() == 0 ? null : BigDecimal.ZERO;
        BigDecimal extra = BigDecimal.ZERO;
        List<ItemResult> items = new ArrayList<>();
        List<CategoryResult> categories = new ArrayList<>();
        for (Tally t : tallies) {
            Category c = t.category;
            BigDecimal percent = t.counts() ? Rounding.divide(t.weightedSum.multiply(HUNDRED), t.countedShare) : null;
            // scale turns a counted item's share times its fraction into percent points of the total
            BigDecimal contribution = BigDecimal.ZERO;
            BigDecimal scale = BigDecimal.ZERO;
            if (percent != null && !c.extraCredit() && base != null) {
                contribution = Rounding.divide(c.weightPercent().multiply(percent), countedWeight);
                scale = Rounding.divide(c.weightPercent().multiply(HUNDRED), t.countedShare.multiply(countedWeight));
                base = base.add(contribution);
            } else if (percent != null && c.extraCredit()) {
                BigDecimal earnedExtra = Rounding.divide(c.weightPercent().multiply(percent), HUNDRED);
                contribution = c.capPercent() == null ? earnedExtra : earnedExtra.min(c.capPercent());
                scale = Rounding.divide(c.weightPercent(), t.countedShare);
                if (earnedExtra.signum() > 0 && contribution.compareTo(earnedExtra) < 0) {
                    scale = scale.multiply(Rounding.divide(contribution, earnedExtra));
                }
                extra = extra.add(contribution);
            }
            for (Line line : t.lines) {
                BigDecimal itemContribution = line.status.counts() && line.fraction() != null
                        ? line.share.multiply(line.fraction()).multiply(scale, Rounding.CONTEXT)
                        : BigDecimal.ZERO;
                items.add(new ItemResult(line.item.key(), c.name(), line.status, line.earned, line.possible,
                        line.fraction() == null ? null : line.fraction().multiply(HUNDRED),
                        itemContribution, line.override));
            }
            categories.add(new CategoryResult(c.name(), c.weightPercent(), c.extraCredit(), percent, contribution,
                    t.lines.stream().filter(l -> l.status == ItemStatus.DROPPED).map(l -> l.item.key()).toList()));
        }
        BigDecimal total = base == null ? null : base.add(extra);
        return new CourseGrade(items, categories, countedWeight, base, extra, total, scheme.letterFor(total));
    }

    /** One item being worked out. */
    private static final class Line {
        final GradedItem item;
        final int order;
        final BigDecimal share;
        final BigDecimal possible;
        final BigDecimal earned;
        final ScoreOverride override;
        ItemStatus status;
        /** earned / possible, divided once: the division dominates a recompute. */
        private BigDecimal fraction;

        Line(GradedItem item, int order, BigDecimal share, ItemScore score, boolean countMissingAsZero) {
            this.item = item;
            this.order = order;
            this.share = share;
            this.possible = score != null && score.possible() != null ? score.possible() : item.pointsPossible();
            this.override = score == null ? null : score.override();
            if (score == null) {
                status = ItemStatus.NOT_RELEASED;
                earned = null;
            } else if (score.excused()) {
                status = ItemStatus.EXCUSED;
                earned = score.earned();
            } else if (override != null) {
                status = ItemStatus.COUNTED;
                earned = override.score();
            } else if (score.earned() != null) {
                status = ItemStatus.COUNTED;
                earned = score.earned();
            } else if (countMissingAsZero) {
                status = ItemStatus.MISSING_COUNTED_AS_ZERO;
                earned = BigDecimal.ZERO;
            } else {
                status = ItemStatus.MISSING_NOT_COUNTED;
                earned = null;
            }
        }

        BigDecimal fraction() {
            if (fraction == null && earned != null) {
                fraction = Rounding.divide(earned, possible);
            }
            return fraction;
        }

        boolean droppable() {
            return status.counts() && override == null && share.signum() > 0;
        }
    }

    /** One category being worked out. */
    private static final class Tally {
        final Category category;
        final List<Line> lines = new ArrayList<>();
        BigDecimal countedShare = BigDecimal.ZERO;
        BigDecimal weightedSum = BigDecimal.ZERO;

        static Tally of(Category category, Map<String, ItemScore> scores, boolean countMissingAsZero) {
            Tally t = new Tally(category);
            Map<String, BigDecimal> shares = category.shares();
            int order = 0;
            for (GradedItem item : category.items()) {
                t.lines.add(new Line(item, order++, shares.get(item.key()), scores.get(item.key()), countMissingAsZero));
            }
            t.drop();
            for (Line line : t.lines) {
                if (line.status.counts()) {
                    t.countedShare = t.countedShare.add(line.share);
                    t.weightedSum = t.weightedSum.add(line.share.multiply(line.fraction(), Rounding.CONTEXT));
                }
            }
            return t;
        }

        private Tally(Category category) {
            this.category = category;
        }

        private void drop() {
            long weighted = lines.stream().filter(l -> l.status.counts() && l.share.signum() > 0).count();
            List<Line> candidates = lines.stream().filter(Line::droppable).sorted(LOWEST_FIRST).toList();
            long n = Math.min(category.dropLowest(), Math.min(candidates.size(), Math.max(0, weighted - 1)));
            candidates.stream().limit(n).forEach(l -> l.status = ItemStatus.DROPPED);
        }

        /** Exact percent order (earned_a * possible_b against earned_b * possible_a), then scheme order. */
        private static final Comparator<Line> LOWEST_FIRST = ((Comparator<Line>) (a, b) ->
                a.earned.multiply(b.possible).compareTo(b.earned.multiply(a.possible)))
                .thenComparingInt(l -> l.order);

        boolean counts() {
            return countedShare.signum() > 0;
        }
    }
}
