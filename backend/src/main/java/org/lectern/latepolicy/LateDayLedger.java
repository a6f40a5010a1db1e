package org.lectern.latepolicy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One student's late days across a course: per item, days late, free days applied, penalty and final
 * score; in total, days used and left.
 * <p>Rules, per item:
 * <ol>
 *   <li>Its deadline is extended by the student's {@link Extension} for it, if any (the most generous
 *       one if several; extensions for items not listed are ignored, they may not be released yet).</li>
 *   <li>Days late are counted by {@link LateDays} from that deadline.</li>
 *   <li>More days late than the cap (item's, else course's): refused, score 0, no free days spent.</li>
 *   <li>Free days cover up to the per-item maximum (0 if the item takes no late days) and what is left
 *       of the budget, spread by the course's {@link Allocation}.</li>
 *   <li>Days not covered: refused if the item does not accept late work ({@link AcceptsLate#NO}, and
 *       then no free days are spent on it), else each takes the penalty percent of points possible off,
 *       100% at most, the score never below 0.</li>
 * </ol>
 * Items are taken in order of their extended deadlines (ties keep the order given). Unsubmitted items
 * use nothing. Ungraded items still use days (lateness does not wait for grading).
 * <p>All arithmetic is exact BigDecimal (percent times points, no division); round only to display.
 */
public final class LateDayLedger {

    private final LatePolicy policy;
    private final List<Extension> extensions;
    private final List<LateItem> items;
    private final List<LedgerEntry> entries;
    private final Map<String, LedgerEntry> byKey;
    private final int daysUsed;
    private final BigDecimal weightedScore;

    private LateDayLedger(LatePolicy policy, List<Extension> extensions, List<LateItem> items,
                          List<LedgerEntry> entries, BigDecimal weightedScore) {
        this.policy = policy;
        this.extensions = extensions;
        this.items = items;
        this.entries = List.copyOf(entries);
        Map<String, LedgerEntry> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.key(), e));
        this.byKey = map;
        this.daysUsed = entries.stream().mapToInt(LedgerEntry::freeDaysApplied).sum();
        this.weightedScore = weightedScore;
    }

    public static LateDayLedger compute(LatePolicy policy, List<Extension> extensions, List<LateItem> items) {
        Objects.requireNonNull(policy, "policy");
        List<Extension> extensionsCopy = List.copyOf(extensions);
        List<LateItem> itemsCopy = List.copyOf(items);
        Map<String, Extension> extensionByKey = mostGenerousExtensions(extensionsCopy, itemsCopy);

        List<Pending> pending = new ArrayList<>();
        for (LateItem item : itemsCopy) {
            Extension extension = extensionByKey.get(item.key());
            ZonedDateTime dueAt = extension != null ? extension.applyTo(item.deadline()) : item.deadline();
            int daysLate = item.submittedAt() == null ? 0 : LateDays.count(dueAt, item.submittedAt(), policy);
            pending.add(new Pending(item, extension, dueAt, daysLate));
        }
        pending.sort(Comparator.comparing(p -> p.dueAt().toInstant())); // stable: ties keep input order

        List<LedgerEntry> entries = switch (policy.allocation()) {
            case DEADLINE_ORDER -> inDeadlineOrder(policy, pending);
            case MAXIMISE_GRADE -> maximisingGrade(policy, pending);
        };
        BigDecimal weighted = BigDecimal.ZERO;
        for (int i = 0; i < pending.size(); i++) {
            weighted = weighted.add(value(pending.get(i), entries.get(i)));
        }
        return new LateDayLedger(policy, extensionsCopy, itemsCopy, entries, weighted);
    }

    /** Entries in the order free days were considered: by extended deadline. */
    public List<LedgerEntry> entries() {
        return entries;
    }

    public LedgerEntry entry(String itemKey) {
        LedgerEntry entry = byKey.get(itemKey);
        if (entry == null) {
            throw new IllegalArgumentException("no item " + itemKey + " in this ledger");
        }
        return entry;
    }

    public LatePolicy policy() {
        return policy;
    }

    public int daysUsed() {
        return daysUsed;
    }

    public int daysRemaining() {
        return policy.freeDays() - daysUsed;
    }

    /**
     * Sum over items of weight per point times final score, ungraded items counted at full marks less
     * their penalty: what {@link Allocation#MAXIMISE_GRADE} maximises.
     */
    public BigDecimal weightedScore() {
        return weightedScore;
    }

    /**
     * What submitting {@code itemKey} at {@code at} would cost, as the ledger would then stand (a
     * resubmission replaces the submission that counted).
     */
    public WhatIf whatIf(String itemKey, Instant at) {
        Objects.requireNonNull(at, "at");
        entry(itemKey); // rejects an unknown key
        List<LateItem> changed = items.stream()
                .map(i -> i.key().equals(itemKey) ? i.withSubmittedAt(at) : i)
                .toList();
        LateDayLedger after = compute(policy, extensions, changed);
        LedgerEntry e = after.entry(itemKey);
        List<String> losing = entries.stream()
                .filter(before -> !before.key().equals(itemKey))
                .filter(before -> after.entry(before.key()).freeDaysApplied() < before.freeDaysApplied())
                .map(LedgerEntry::key)
                .toList();
        Instant sameCostUntil = e.refused() ? null
                : LateDays.endOfLateDay(e.dueAt(), e.daysLate(), policy).toInstant().plus(policy.grace());
        return new WhatIf(itemKey, at, e.dueAt(), e.status(), e.daysLate(), e.freeDaysApplied(), e.daysPenalised(),
                e.penaltyPercent(), daysRemaining(), after.daysRemaining(), sameCostUntil, losing);
    }

    private record Pending(LateItem item, Extension extension, ZonedDateTime dueAt, int daysLate) {
    }

    private static Map<String, Extension> mostGenerousExtensions(List<Extension> extensions, List<LateItem> items) {
        Map<String, LateItem> itemByKey = new HashMap<>();
        for (LateItem item : items) {
            if (itemByKey.put(item.key(), item) != null) {
                throw new IllegalArgumentException("item " + item.key() + " is listed twice");
            }
        }
        Map<String, Extension> chosen = new HashMap<>();
        for (Extension extension : extensions) {
            LateItem item = itemByKey.get(extension.itemKey());
            if (item == null) {
                continue;
            }
            Extension current = chosen.get(item.key());
            if (current == null || extension.applyTo(item.deadline()).isAfter(current.applyTo(item.deadline()))) {
                chosen.put(item.key(), extension);
            }
        }
        return chosen;
    }

    private static List<LedgerEntry> inDeadlineOrder(LatePolicy policy, List<Pending> pending) {
        List<LedgerEntry> entries = new ArrayList<>();
        int left = policy.freeDays();
        for (Pending p : pending) {
            LedgerEntry entry = entry(policy, p, Math.min(mostFreeDays(policy, p), left));
            left -= entry.freeDaysApplied();
            entries.add(entry);
        }
        return entries;
    }

    /**
     * Exact optimum by dynamic programming over (item, days left): best[i][b] is the highest weighted
     * score items i.. can reach with b days. Ties go to fewer days used (they may help items not yet
     * due), then to more days on earlier items (as deadline order would). Size: items x days x days.
     */
    private static List<LedgerEntry> maximisingGrade(LatePolicy policy, List<Pending> pending) {
        int n = pending.size();
        int budget = policy.freeDays();
        BigDecimal[][] bestValue = new BigDecimal[n + 1][budget + 1];
        int[][] bestDays = new int[n + 1][budget + 1];
        int[][] choice = new int[n][budget + 1];
        for (int b = 0; b <= budget; b++) {
            bestValue[n][b] = BigDecimal.ZERO;
        }
        for (int i = n - 1; i >= 0; i--) {
            Pending p = pending.get(i);
            int most = mostFreeDays(policy, p);
            for (int b = 0; b <= budget; b++) {
                BigDecimal best = null;
                int bestUsed = 0;
                for (int f = Math.min(most, b); f >= 0; f--) {
                    LedgerEntry e = entry(policy, p, f);
                    int used = e.freeDaysApplied();
                    BigDecimal v = value(p, e).add(bestValue[i + 1][b - used]);
                    int daysAll = used + bestDays[i + 1][b - used];
                    int cmp = best == null ? 1 : v.compareTo(best);
                    if (cmp > 0 || (cmp == 0 && daysAll < bestUsed)) {
                        best = v;
                        bestUsed = daysAll;
                        choice[i][b] = f;
                    }
                }
                bestValue[i][b] = best;
                bestDays[i][b] = bestUsed;
            }
        }
        List<LedgerEntry> entries = new ArrayList<>();
        int left = budget;
        for (int i = 0; i < n; i++) {
            LedgerEntry e = entry(policy, pending.get(i), choice[i][left]);
            left -= e.freeDaysApplied();
            entries.add(e);
        }
        return entries;
    }

    /** Most free days the item could use with an unlimited budget. */
    private static int mostFreeDays(LatePolicy policy, Pending p) {
        if (p.item().submittedAt() == null) {
            return 0;
        }
        Integer limit = p.item().rule().freeDayLimit(policy);
        return limit == null ? p.daysLate() : Math.min(p.daysLate(), limit);
    }

    /** The item's entry when offered {@code free} free days (it may decline them: refused items spend none). */
    private static LedgerEntry entry(LatePolicy policy, Pending p, int free) {
        LateItem item = p.item();
        BigDecimal raw = item.rawScore();
        if (item.submittedAt() == null) {
            return new LedgerEntry(item.key(), p.dueAt(), p.extension(), LateStatus.NOT_SUBMITTED, 0, 0, 0,
                    BigDecimal.ZERO, BigDecimal.ZERO, raw, raw);
        }
        int daysLate = p.daysLate();
        if (daysLate == 0) {
            return new LedgerEntry(item.key(), p.dueAt(), p.extension(), LateStatus.ON_TIME, 0, 0, 0,
                    BigDecimal.ZERO, BigDecimal.ZERO, raw, raw);
        }
        ItemRule rule = item.rule();
        Integer cap = rule.maxDaysLate(policy);
        if (cap != null && daysLate > cap) {
            return refused(p, LateStatus.REFUSED_OVER_CAP);
        }
        int penalised = daysLate - free;
        if (penalised > 0 && rule.acceptsLate() == AcceptsLate.NO) {
            return refused(p, LateStatus.REFUSED_NOT_ACCEPTED);
        }
        BigDecimal percent = rule.penaltyPercentPerDay(policy).multiply(BigDecimal.valueOf(penalised))
                .min(LatePolicy.hundred());
        BigDecimal points = item.pointsPossible().multiply(percent).movePointLeft(2);
        BigDecimal finalScore = raw == null ? null : raw.subtract(points).max(BigDecimal.ZERO);
        return new LedgerEntry(item.key(), p.dueAt(), p.extension(), LateStatus.LATE, daysLate, free, penalised,
                percent, points, raw, finalScore);
    }

    private static LedgerEntry refused(Pending p, LateStatus status) {
        LateItem item = p.item();
        return new LedgerEntry(item.key(), p.dueAt(), p.extension(), status, p.daysLate(), 0, p.daysLate(),
                LatePolicy.hundred(), item.pointsPossible(), item.rawScore(), BigDecimal.ZERO);
    }

    /** Weight times final score; an ungraded item is assumed to earn full marks before its penalty. */
    private static BigDecimal value(Pending p, LedgerEntry e) {
        BigDecimal score = e.finalScore() != null ? e.finalScore()
                : p.item().pointsPossible().subtract(e.penaltyPoints()).max(BigDecimal.ZERO);
        return score.multiply(p.item().weightPerPoint());
    }
}
