package org.lectern.latepolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LateDayLedgerTest {

    static final ZoneId SEATTLE = ZoneId.of("America/Los_Angeles");
    static final LatePolicy CSE = LatePolicy.cse493g1();
    static final LatePolicy COMP = LatePolicy.comp541();

    // Mondays and a Friday in January 2024, all at 23:59 Seattle time.
    static final ZonedDateTime MON_8 = due("2024-01-08T23:59");
    static final ZonedDateTime WED_10 = due("2024-01-10T23:59");
    static final ZonedDateTime MON_15 = due("2024-01-15T23:59");
    static final ZonedDateTime MON_22 = due("2024-01-22T23:59");
    static final ZonedDateTime FRI_26 = due("2024-01-26T23:59");
    static final ZonedDateTime MON_29 = due("2024-01-29T23:59");

    static ZonedDateTime due(String local) {
        return LocalDateTime.parse(local).atZone(SEATTLE);
    }

    static Instant local(String local) {
        return due(local).toInstant();
    }

    /** An instant inside late day {@code days} (an hour before it ends); 0 = an hour before the deadline. */
    static Instant daysLate(ZonedDateTime deadline, int days, LatePolicy policy) {
        return LateDays.endOfLateDay(deadline, days, policy).minusHours(1).toInstant();
    }

    static BigDecimal dec(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    static LateItem item(String key, String possible, String raw, ZonedDateTime deadline, Instant submitted, ItemRule rule) {
        return new LateItem(key, dec(possible), dec(raw), deadline, submitted, rule);
    }

    static LateItem late(String key, String possible, String raw, ZonedDateTime deadline, int days, LatePolicy policy, ItemRule rule) {
        return item(key, possible, raw, deadline, daysLate(deadline, days, policy), rule);
    }

    record Row(String key, LateStatus status, int daysLate, int free, int penalised, String penaltyPercent, String finalScore) {
    }

    static Row row(String key, LateStatus status, int daysLate, int free, int penalised, String percent, String finalScore) {
        return new Row(key, status, daysLate, free, penalised, percent, finalScore);
    }

    static Stream<Arguments> ledgers() {
        ItemRule std = ItemRule.standard();
        ItemRule lateDaysButNothingMore = new ItemRule(true, AcceptsLate.NO, null, null, null);
        return Stream.of(
                Arguments.of("per-item max: 3 days late with max 2 -> 2 free + 1 at 25%", CSE, List.of(),
                        List.of(late("a1", "100", "100", MON_8, 3, CSE, std)),
                        List.of(row("a1", LateStatus.LATE, 3, 2, 1, "25", "75")), 2),
                Arguments.of("10 minutes after the deadline with 15 minutes' grace is on time", CSE, List.of(),
                        List.of(item("a1", "100", "90", MON_8, MON_8.plusMinutes(10).toInstant(), std)),
                        List.of(row("a1", LateStatus.ON_TIME, 0, 0, 0, "0", "90")), 0),
                Arguments.of("final report takes no late days: 1 day late is penalised in full", CSE, List.of(),
                        List.of(late("report", "100", "80", MON_8, 1, CSE, ItemRule.noLateDays())),
                        List.of(row("report", LateStatus.LATE, 1, 0, 1, "25", "55")), 0),
                Arguments.of("final report accepts no late work: 1 day late is refused", CSE, List.of(),
                        List.of(late("report", "100", "80", MON_8, 1, CSE, ItemRule.noLateWork())),
                        List.of(row("report", LateStatus.REFUSED_NOT_ACCEPTED, 1, 0, 1, "100", "0")), 0),
                Arguments.of("over the cap (6): refused, and no free days spent on it", CSE, List.of(),
                        List.of(late("a1", "100", "100", MON_8, 7, CSE, std)),
                        List.of(row("a1", LateStatus.REFUSED_OVER_CAP, 7, 0, 7, "100", "0")), 0),
                Arguments.of("at the cap: 2 free + 4 x 25% = 100%", CSE, List.of(),
                        List.of(late("a1", "100", "100", MON_8, 6, CSE, std)),
                        List.of(row("a1", LateStatus.LATE, 6, 2, 4, "100", "0")), 2),
                Arguments.of("budget exhaustion across items: 2 + 2 + 1, then nothing left", CSE, List.of(),
                        List.of(late("a1", "100", "100", MON_8, 2, CSE, std),
                                late("a2", "100", "100", MON_15, 2, CSE, std),
                                late("a3", "100", "100", MON_22, 2, CSE, std),
                                late("a4", "100", "100", MON_29, 1, CSE, std)),
                        List.of(row("a1", LateStatus.LATE, 2, 2, 0, "0", "100"),
                                row("a2", LateStatus.LATE, 2, 2, 0, "0", "100"),
                                row("a3", LateStatus.LATE, 2, 1, 1, "25", "75"),
                                row("a4", LateStatus.LATE, 1, 0, 1, "25", "75")), 5),
                Arguments.of("COMP541: 7 grace days on one item, then 20% a day", COMP, List.of(),
                        List.of(late("hw1", "100", "100", MON_8, 7, COMP, std),
                                late("hw2", "100", "90", MON_29, 1, COMP, std)),
                        List.of(row("hw1", LateStatus.LATE, 7, 7, 0, "0", "100"),
                                row("hw2", LateStatus.LATE, 1, 0, 1, "20", "70")), 7),
                Arguments.of("COMP541: 13 days late is over its cap of 12", COMP, List.of(),
                        List.of(late("hw1", "100", "100", MON_8, 13, COMP, std)),
                        List.of(row("hw1", LateStatus.REFUSED_OVER_CAP, 13, 0, 13, "100", "0")), 0),
                Arguments.of("the penalty never takes a score below 0", CSE, List.of(),
                        List.of(late("report", "100", "10", MON_8, 1, CSE, ItemRule.noLateDays())),
                        List.of(row("report", LateStatus.LATE, 1, 0, 1, "25", "0")), 0),
                Arguments.of("item overrides: at most 1 free day, 10% a day", CSE, List.of(),
                        List.of(late("proposal", "100", "100", MON_8, 3, CSE,
                                std.withMaxDaysPerItem(1).withPenaltyPercentPerDay(BigDecimal.TEN))),
                        List.of(row("proposal", LateStatus.LATE, 3, 1, 2, "20", "80")), 1),
                Arguments.of("item cap override: 2 days late with a cap of 1 is refused", CSE, List.of(),
                        List.of(late("milestone", "100", "100", MON_8, 2, CSE, std.withMaxDaysLate(1))),
                        List.of(row("milestone", LateStatus.REFUSED_OVER_CAP, 2, 0, 2, "100", "0")), 0),
                Arguments.of("late days but no penalised lateness: covered is fine, uncovered is refused and spends nothing",
                        CSE, List.of(),
                        List.of(late("x", "100", "100", MON_8, 2, CSE, lateDaysButNothingMore),
                                late("y", "100", "100", MON_15, 3, CSE, lateDaysButNothingMore)),
                        List.of(row("x", LateStatus.LATE, 2, 2, 0, "0", "100"),
                                row("y", LateStatus.REFUSED_NOT_ACCEPTED, 3, 0, 3, "100", "0")), 2),
                Arguments.of("ungraded work still uses its days", CSE, List.of(),
                        List.of(late("a1", "100", null, MON_8, 1, CSE, std)),
                        List.of(row("a1", LateStatus.LATE, 1, 1, 0, "0", null)), 1),
                Arguments.of("nothing submitted uses nothing", CSE, List.of(),
                        List.of(item("a1", "100", null, MON_8, null, std)),
                        List.of(row("a1", LateStatus.NOT_SUBMITTED, 0, 0, 0, "0", null)), 0),
                Arguments.of("extension to a new due time: submitted before it is on time", CSE,
                        List.of(Extension.until("a1", WED_10.toInstant(), "illness")),
                        List.of(item("a1", "100", "95", MON_8, local("2024-01-10T23:00"), std)),
                        List.of(row("a1", LateStatus.ON_TIME, 0, 0, 0, "0", "95")), 0),
                Arguments.of("extension by 2 days: Friday -> Sunday 23:59, Monday 00:30 is 1 late day", CSE,
                        List.of(Extension.byDays("a1", 2, "family emergency")),
                        List.of(item("a1", "100", "100", FRI_26, local("2024-01-29T00:30"), std)),
                        List.of(row("a1", LateStatus.LATE, 1, 1, 0, "0", "100")), 1),
                Arguments.of("an extension never moves a deadline earlier", CSE,
                        List.of(Extension.until("a1", MON_8.minusDays(3).toInstant(), "typo")),
                        List.of(item("a1", "100", "100", MON_8, MON_8.minusHours(1).toInstant(), std)),
                        List.of(row("a1", LateStatus.ON_TIME, 0, 0, 0, "0", "100")), 0),
                Arguments.of("of two extensions the more generous counts", CSE,
                        List.of(Extension.byDays("a1", 1, "first request"), Extension.byDays("a1", 3, "doctor's note")),
                        List.of(item("a1", "100", "100", MON_8, local("2024-01-11T20:00"), std)),
                        List.of(row("a1", LateStatus.ON_TIME, 0, 0, 0, "0", "100")), 0),
                Arguments.of("an extension for another item changes nothing", CSE,
                        List.of(Extension.byDays("a9", 3, "illness")),
                        List.of(late("a1", "100", "100", MON_8, 1, CSE, std)),
                        List.of(row("a1", LateStatus.LATE, 1, 1, 0, "0", "100")), 1),
                Arguments.of("deadline order follows extended deadlines", CSE.withFreeDays(2),
                        List.of(Extension.until("a1", MON_15.toInstant(), "illness")),
                        List.of(late("a1", "100", "100", MON_15, 2, CSE, std).withSubmittedAt(daysLate(MON_15, 2, CSE)),
                                late("a2", "100", "100", WED_10, 2, CSE, std)),
                        List.of(row("a2", LateStatus.LATE, 2, 2, 0, "0", "100"),
                                row("a1", LateStatus.LATE, 2, 0, 2, "50", "50")), 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ledgers")
    void ledger(String what, LatePolicy policy, List<Extension> extensions, List<LateItem> items,
                List<Row> expected, int daysUsed) {
        LateDayLedger ledger = LateDayLedger.compute(policy, extensions, items);
        assertThat(ledger.entries()).extracting(LedgerEntry::key)
                .containsExactlyElementsOf(expected.stream().map(Row::key).toList());
        for (Row row : expected) {
            LedgerEntry entry = ledger.entry(row.key());
            assertThat(entry.status()).as(row.key() + " status").isEqualTo(row.status());
            assertThat(entry.refused()).isEqualTo(row.status().refused());
            assertThat(entry.daysLate()).as(row.key() + " days late").isEqualTo(row.daysLate());
            assertThat(entry.freeDaysApplied()).as(row.key() + " free days").isEqualTo(row.free());
            assertThat(entry.daysPenalised()).as(row.key() + " days penalised").isEqualTo(row.penalised());
            assertThat(entry.penaltyPercent()).as(row.key() + " penalty").isEqualByComparingTo(row.penaltyPercent());
            if (row.finalScore() == null) {
                assertThat(entry.finalScore()).as(row.key() + " final score").isNull();
            } else {
                assertThat(entry.finalScore()).as(row.key() + " final score").isEqualByComparingTo(row.finalScore());
            }
        }
        assertThat(ledger.daysUsed()).isEqualTo(daysUsed);
        assertThat(ledger.daysRemaining()).isEqualTo(policy.freeDays() - daysUsed);
    }

    @Test
    void extensionsShowOnTheEntry() {
        Extension extension = Extension.byDays("a1", 2, "family emergency");
        LedgerEntry entry = LateDayLedger.compute(CSE, List.of(extension),
                List.of(item("a1", "100", "100", FRI_26, local("2024-01-29T00:30"), ItemRule.standard()))).entry("a1");
        assertThat(entry.extension()).isEqualTo(extension);
        assertThat(entry.dueAt()).isEqualTo(due("2024-01-28T23:59"));
    }

    // --- allocation ---------------------------------------------------------------------------

    static Stream<Arguments> allocations() {
        LatePolicy two = CSE.withFreeDays(2);
        ItemRule std = ItemRule.standard();
        // a1: 10 points worth 0.1% each (1% of the grade); a2: 100 points worth 0.4% each (40%).
        List<LateItem> smallThenBig = List.of(
                new LateItem("a1", dec("10"), dec("10"), MON_8, daysLate(MON_8, 2, CSE), std, dec("0.1")),
                new LateItem("a2", dec("100"), dec("100"), MON_15, daysLate(MON_15, 2, CSE), std, dec("0.4")));
        // a0 weighs nothing (CSE 493G1's A0): the optimum spends nothing on it.
        List<LateItem> zeroWeightFirst = List.of(
                new LateItem("a0", dec("100"), dec("100"), MON_8, daysLate(MON_8, 2, CSE), std, BigDecimal.ZERO),
                new LateItem("a1", dec("100"), dec("100"), MON_15, daysLate(MON_15, 2, CSE), std, dec("0.08")));
        // Free days that would not change a score of 0 are kept, not spent.
        List<LateItem> nothingToSave = List.of(
                new LateItem("a1", dec("100"), dec("0"), MON_8, daysLate(MON_8, 1, CSE), std, dec("0.08")));
        // The floor at 0 makes gains grow with days: x needs both days to matter; y (20% a day) gains
        // more from the first day than x does, so handing out days one at a time by best gain is wrong.
        List<LateItem> convex = List.of(
                new LateItem("y", dec("100"), dec("100"), MON_8, daysLate(MON_8, 1, CSE),
                        std.withPenaltyPercentPerDay(BigDecimal.valueOf(20)), BigDecimal.ONE),
                new LateItem("x", dec("100"), dec("30"), MON_15, daysLate(MON_15, 2, CSE), std, BigDecimal.ONE));
        // n may use free days but takes no penalised lateness, so it needs both days or scores 0.
        List<LateItem> allOrNothing = List.of(
                new LateItem("s", dec("100"), dec("100"), MON_8, daysLate(MON_8, 1, CSE), std, BigDecimal.ONE),
                new LateItem("n", dec("100"), dec("100"), MON_15, daysLate(MON_15, 2, CSE),
                        new ItemRule(true, AcceptsLate.NO, null, null, null), BigDecimal.ONE));
        return Stream.of(
                // s 1 free -> 100; n 1 free, 1 uncovered -> refused, 0, its day not spent.
                Arguments.of("deadline order can leave an all-or-nothing item short", two, Allocation.DEADLINE_ORDER,
                        allOrNothing, new int[] {1, 0}, "100"),
                // s 0 free -> 75; n 2 free -> 100.
                Arguments.of("the optimum covers the all-or-nothing item", two, Allocation.MAXIMISE_GRADE,
                        allOrNothing, new int[] {0, 2}, "175"),
                // deadline order: a1 2 free -> 10 x 0.1 = 1; a2 0 free, 50% off -> 50 x 0.4 = 20; total 21.
                Arguments.of("deadline order spends the days on the first late item", two, Allocation.DEADLINE_ORDER,
                        smallThenBig, new int[] {2, 0}, "21"),
                // optimum: a1 0 free, 50% of 10 off -> 5 x 0.1 = 0.5; a2 2 free -> 100 x 0.4 = 40; total 40.5.
                Arguments.of("the optimum spends them where they weigh most", two, Allocation.MAXIMISE_GRADE,
                        smallThenBig, new int[] {0, 2}, "40.5"),
                Arguments.of("deadline order spends days on a zero-weight item", two, Allocation.DEADLINE_ORDER,
                        zeroWeightFirst, new int[] {2, 0}, "4.00"),
                Arguments.of("the optimum skips a zero-weight item", two, Allocation.MAXIMISE_GRADE,
                        zeroWeightFirst, new int[] {0, 2}, "8.00"),
                Arguments.of("the optimum keeps days that would not change anything", two, Allocation.MAXIMISE_GRADE,
                        nothingToSave, new int[] {0}, "0"),
                // y 1 free + x 1 free: 100 + 5 = 105; y 0 + x 2: 80 + 30 = 110.
                Arguments.of("the optimum is not a one-day-at-a-time greedy", two, Allocation.MAXIMISE_GRADE,
                        convex, new int[] {0, 2}, "110"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allocations")
    void allocation(String what, LatePolicy policy, Allocation allocation, List<LateItem> items, int[] freeDays,
                    String weightedScore) {
        LateDayLedger ledger = LateDayLedger.compute(policy.withAllocation(allocation), List.of(), items);
        assertThat(ledger.entries().stream().mapToInt(LedgerEntry::freeDaysApplied).toArray()).containsExactly(freeDays);
        assertThat(ledger.weightedScore()).isEqualByComparingTo(weightedScore);
    }

    static Stream<Long> seeds() {
        return IntStream.rangeClosed(1, 40).mapToObj(i -> (long) i);
    }

    record RandomCase(LatePolicy policy, List<LateItem> items, int[] late) {
    }

    static RandomCase randomCase(long seed) {
        Random random = new Random(seed);
        int freeDays = random.nextInt(6);
        Integer perItem = random.nextBoolean() ? 2 : null;
        BigDecimal rate = BigDecimal.valueOf(List.of(10, 20, 25, 30, 50).get(random.nextInt(5)));
        LatePolicy policy = new LatePolicy(freeDays, perItem, rate, false, java.time.Duration.ZERO, null,
                Allocation.MAXIMISE_GRADE);
        int n = 1 + random.nextInt(6);
        List<LateItem> items = new ArrayList<>();
        int[] late = new int[n];
        for (int i = 0; i < n; i++) {
            ZonedDateTime deadline = MON_8.plusDays(7L * i);
            late[i] = random.nextInt(5);
            BigDecimal possible = BigDecimal.valueOf(List.of(10, 50, 100).get(random.nextInt(3)));
            BigDecimal raw = possible.multiply(BigDecimal.valueOf(random.nextInt(101))).movePointLeft(2);
            BigDecimal weight = new BigDecimal(List.of("0", "0.1", "0.5", "1", "2").get(random.nextInt(5)));
            items.add(new LateItem("i" + i, possible, raw, deadline, daysLate(deadline, late[i], policy),
                    ItemRule.standard(), weight));
        }
        return new RandomCase(policy, items, late);
    }

    /** Random small cases against brute force over every allocation: the optimum is exact. */
    @ParameterizedTest(name = "random case {0}")
    @MethodSource("seeds")
    void maximiseGradeMatchesBruteForce(long seed) {
        RandomCase c = randomCase(seed);
        LatePolicy policy = c.policy();
        BigDecimal best = bruteForce(c.items(), c.late(), 0, policy.freeDays(), policy.maxDaysPerItem(),
                policy.penaltyPercentPerDay());
        LateDayLedger optimal = LateDayLedger.compute(policy, List.of(), c.items());
        LateDayLedger inOrder = LateDayLedger.compute(policy.withAllocation(Allocation.DEADLINE_ORDER), List.of(), c.items());

        assertThat(optimal.weightedScore()).isEqualByComparingTo(best);
        assertThat(optimal.weightedScore()).isGreaterThanOrEqualTo(inOrder.weightedScore());
        assertThat(optimal.daysRemaining()).isBetween(0, policy.freeDays());
    }

    @Test
    void theRandomCasesIncludeOnesWhereDeadlineOrderLoses() {
        long losses = seeds().map(LateDayLedgerTest::randomCase).filter(c -> {
            BigDecimal optimal = LateDayLedger.compute(c.policy(), List.of(), c.items()).weightedScore();
            BigDecimal inOrder = LateDayLedger.compute(c.policy().withAllocation(Allocation.DEADLINE_ORDER),
                    List.of(), c.items()).weightedScore();
            return optimal.compareTo(inOrder) > 0;
        }).count();
        assertThat(losses).isGreaterThanOrEqualTo(5);
    }

    private static BigDecimal bruteForce(List<LateItem> items, int[] late, int i, int left, Integer perItem, BigDecimal rate) {
        if (i == items.size()) {
            return BigDecimal.ZERO;
        }
        LateItem item = items.get(i);
        int most = Math.min(left, perItem == null ? late[i] : Math.min(perItem, late[i]));
        BigDecimal best = null;
        for (int f = 0; f <= most; f++) {
            BigDecimal percent = rate.multiply(BigDecimal.valueOf(late[i] - f)).min(BigDecimal.valueOf(100));
            BigDecimal score = item.rawScore().subtract(item.pointsPossible().multiply(percent).movePointLeft(2))
                    .max(BigDecimal.ZERO);
            BigDecimal total = score.multiply(item.weightPerPoint())
                    .add(bruteForce(items, late, i + 1, left - f, perItem, rate));
            best = best == null || total.compareTo(best) > 0 ? total : best;
        }
        return best;
    }

    // --- what if ------------------------------------------------------------------------------

    /** a1 and a2 used 2 days each, so 1 of CSE 493G1's 5 is left; a3 (due Friday 26th) is not in yet. */
    static LateDayLedger oneDayLeft() {
        ItemRule std = ItemRule.standard();
        return LateDayLedger.compute(CSE, List.of(), List.of(
                late("a1", "100", "100", MON_8, 2, CSE, std),
                late("a2", "100", "100", MON_15, 2, CSE, std),
                item("a3", "100", null, FRI_26, null, std)));
    }

    static Stream<Arguments> whatIfs() {
        return Stream.of(
                Arguments.of("before the deadline", "2024-01-26T20:00", LateStatus.ON_TIME, 0, 0, 0, "0", 1,
                        "2024-01-27T00:14"),
                Arguments.of("Sunday night: the weekend is 1 day, the last one", "2024-01-28T22:00", LateStatus.LATE,
                        1, 1, 0, "0", 0, "2024-01-29T00:14"),
                Arguments.of("Monday: 2 days late but only 1 left, so 1 is penalised", "2024-01-29T12:00",
                        LateStatus.LATE, 2, 1, 1, "25", 0, "2024-01-30T00:14"),
                Arguments.of("over the cap: 7 days (Sunday 4th) is refused, the last day is kept", "2024-02-04T12:00",
                        LateStatus.REFUSED_OVER_CAP, 7, 0, 7, "100", 1, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("whatIfs")
    void whatIf(String what, String at, LateStatus status, int daysLate, int free, int penalised, String percent,
                int remainingAfter, String sameCostUntil) {
        LateDayLedger ledger = oneDayLeft();
        WhatIf whatIf = ledger.whatIf("a3", local(at));
        assertThat(whatIf.status()).isEqualTo(status);
        assertThat(whatIf.daysLate()).isEqualTo(daysLate);
        assertThat(whatIf.freeDaysUsed()).isEqualTo(free).isLessThanOrEqualTo(whatIf.daysRemainingBefore());
        assertThat(whatIf.daysPenalised()).isEqualTo(penalised);
        assertThat(whatIf.penaltyPercent()).isEqualByComparingTo(percent);
        assertThat(whatIf.daysRemainingBefore()).isEqualTo(1);
        assertThat(whatIf.daysRemainingAfter()).isEqualTo(remainingAfter);
        assertThat(whatIf.sameCostUntil()).isEqualTo(sameCostUntil == null ? null : local(sameCostUntil));
        assertThat(whatIf.itemsLosingFreeDays()).isEmpty();
        assertThat(ledger.daysRemaining()).as("asking changes nothing").isEqualTo(1);
    }

    @Test
    void whatIfNamesItemsWhoseDaysWouldMove() {
        // a2 (due later) already took both days; a1 is due earlier, so in deadline order it comes first.
        LatePolicy two = CSE.withFreeDays(2);
        LateDayLedger ledger = LateDayLedger.compute(two, List.of(), List.of(
                item("a1", "100", null, MON_8, null, ItemRule.standard()),
                late("a2", "100", "100", MON_15, 2, CSE, ItemRule.standard())));
        WhatIf whatIf = ledger.whatIf("a1", daysLate(MON_8, 1, CSE));
        assertThat(whatIf.freeDaysUsed()).isEqualTo(1);
        assertThat(whatIf.daysRemainingBefore()).isZero();
        assertThat(whatIf.daysRemainingAfter()).isZero();
        assertThat(whatIf.itemsLosingFreeDays()).containsExactly("a2");
    }

    @Test
    void rejectsUnknownAndDuplicateItems() {
        assertThatThrownBy(() -> oneDayLeft().whatIf("a9", Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        LateItem a1 = item("a1", "100", null, MON_8, null, ItemRule.standard());
        assertThatThrownBy(() -> LateDayLedger.compute(CSE, List.of(), List.of(a1, a1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
