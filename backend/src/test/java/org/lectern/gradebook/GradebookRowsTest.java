package org.lectern.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lectern.course.CourseRole;
import org.lectern.course.Member;
import org.lectern.latepolicy.Extension;

class GradebookRowsTest {

    static final Instant DUE = Instant.parse("2024-01-10T12:00:00Z");
    static final Instant LATER = DUE.plus(Duration.ofDays(5));
    static final long ANA = 7;

    /** One free late day, then 10% a day, refused beyond 2 days; A1 is an assignment, Q1 a quiz. */
    static final PolicyDocument POLICY = new PolicyDocument(
            new PolicyDocument.LateDaysJson(1, null, BigDecimal.TEN, false, 0, 2, null),
            List.of(new PolicyDocument.CategoryJson("Homework", BigDecimal.valueOf(100), 0, false, null, List.of(
                    new PolicyDocument.ItemJson("A1", BigDecimal.TEN, null, null, null),
                    new PolicyDocument.ItemJson("Q1", BigDecimal.TEN, null, null, null)))),
            List.of());

    static BigDecimal dec(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    /** The counted version, submitted {@code hoursAfterDue} hours after the deadline, graded total of possible. */
    static GradebookRows.Counted counted(int hoursAfterDue, String total, String possible) {
        return new GradebookRows.Counted(DUE.plus(Duration.ofHours(hoursAfterDue)), dec(total), dec(possible));
    }

    /** What the viewer is and what is stored for Ana. */
    record Given(boolean staff, boolean released, GradebookRows.Counted counted, GradebookRows.Entry entry, GradebookRows.Override override,
                 Integer extensionDays, Instant now) {
    }

    /** The cell as the gradebook shows it. */
    record Cell(String score, String raw, int lateDays, String penalty, boolean released, String status, String overrideReason) {
    }

    static Given staff(boolean released, GradebookRows.Counted c) {
        return new Given(true, released, c, null, null, null, LATER);
    }

    static Given student(boolean released, GradebookRows.Counted c) {
        return new Given(false, released, c, null, null, null, LATER);
    }

    static Given with(Given g, GradebookRows.Entry e, GradebookRows.Override o) {
        return new Given(g.staff(), g.released(), g.counted(), e, o, g.extensionDays(), g.now());
    }

    static Given extended(Given g, int days) {
        return new Given(g.staff(), g.released(), g.counted(), g.entry(), g.override(), days, g.now());
    }

    static Given at(Given g, Instant now) {
        return new Given(g.staff(), g.released(), g.counted(), g.entry(), g.override(), g.extensionDays(), now);
    }

    static GradebookRows.Entry entry(String item, String score) {
        return new GradebookRows.Entry(item, ANA, dec(score), false);
    }

    static GradebookRows.Entry excused(String item) {
        return new GradebookRows.Entry(item, ANA, null, true);
    }

    static GradebookRows.Override override(String item, String score, String reason) {
        return new GradebookRows.Override(item, ANA, dec(score), reason);
    }

    static Cell cell(String score, String raw, int lateDays, String penalty, boolean released, String status, String reason) {
        return new Cell(score, raw, lateDays, penalty, released, status, reason);
    }

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of("staff see an unreleased total, rescaled to the item's points", "A1",
                        staff(false, counted(-1, "5", "20")), cell("2.5", "2.5", 0, "0", false, "counted", null)),
                Arguments.of("a student sees nothing of an unreleased item, not even an override", "A1",
                        with(student(false, counted(-1, "5", "20")), null, override("A1", "0", "integrity case 3")),
                        cell(null, null, 0, "0", false, "not_released", null)),
                Arguments.of("a student sees nothing of an unreleased item's entered score", "A1",
                        with(student(false, counted(-1, "5", "20")), entry("A1", "9"), null),
                        cell(null, null, 0, "0", false, "not_released", null)),
                Arguments.of("a student sees a released total", "A1",
                        student(true, counted(-1, "5", "20")), cell("2.5", "2.5", 0, "0", true, "counted", null)),
                Arguments.of("an override beats an entered score and the autograder", "A1",
                        with(staff(true, counted(-1, "10", "10")), entry("A1", "7"), override("a1", "0", "integrity case 3")),
                        cell("0", "10", 0, "0", true, "counted", "integrity case 3")),
                Arguments.of("excused beats the autograder", "A1",
                        with(staff(true, counted(-1, "10", "10")), excused("A1"), null), cell(null, "10", 0, "0", true, "excused", null)),
                Arguments.of("an entered score beats the autograder", "A1",
                        with(staff(true, counted(-1, "10", "10")), entry("A1", "7"), null), cell("7", "10", 0, "0", true, "counted", null)),
                Arguments.of("one day late spends the free day", "A1",
                        staff(true, counted(23, "8", "10")), cell("8", "8", 1, "0", true, "counted", null)),
                Arguments.of("two days late: the free day, then 10% of the points", "A1",
                        staff(true, counted(47, "8", "10")), cell("7", "8", 2, "10", true, "counted", null)),
                Arguments.of("three days late is past the cap: refused, scored zero", "A1",
                        staff(true, counted(71, "8", "10")), cell("0", "8", 3, "100", true, "refused_over_cap", null)),
                Arguments.of("an extension of two days makes two days late on time", "A1",
                        extended(staff(true, counted(47, "8", "10")), 2), cell("8", "8", 0, "0", true, "counted", null)),
                Arguments.of("released and past due with nothing submitted: missing", "A1",
                        student(true, null), cell(null, null, 0, "0", true, "missing_counted_as_zero", null)),
                Arguments.of("before the deadline nothing submitted is not missing", "A1",
                        at(student(true, null), DUE.minus(Duration.ofDays(1))), cell(null, null, 0, "0", true, "not_released", null)),
                Arguments.of("a submitted version still being graded is not missing", "A1",
                        staff(true, counted(-1, null, null)), cell(null, null, 0, "0", true, "not_released", null)),
                Arguments.of("an unreleased item past due with nothing submitted is blank for staff", "A1",
                        staff(false, null), cell(null, null, 0, "0", false, "not_released", null)),
                Arguments.of("a reported quiz score shows to the student: a quiz has no release step", "Q1",
                        with(student(false, null), entry("Q1", "6"), null), cell("6", null, 0, "0", true, "counted", null)),
                Arguments.of("a quiz without a score shows nothing", "Q1",
                        student(false, null), cell(null, null, 0, "0", false, "not_released", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void cell(String name, String item, Given g, Cell expected) {
        Member ana = new Member(ANA, "Ana Example", "ana@example.edu", CourseRole.STUDENT, "AA", "s7", true);
        Map<Long, GradebookRows.Counted> counted = new HashMap<>();
        if (g.counted() != null) {
            counted.put(ANA, g.counted());
        }
        Map<Long, List<Extension>> extensions = g.extensionDays() == null ? Map.of()
                : Map.of(ANA, List.of(Extension.byDays("A1", g.extensionDays(), "illness")));
        List<GradebookRows.Entry> entries = new ArrayList<>();
        if (g.entry() != null) {
            entries.add(g.entry());
        }
        List<GradebookRows.Override> overrides = g.override() == null ? List.of() : List.of(g.override());

        List<GradebookRows.StudentRow> rows = GradebookRows.rows(POLICY, List.of(ana),
                Map.of("A1", new GradebookRows.Assigned(DUE, g.released(), counted)), entries, overrides, extensions, g.staff(),
                ZoneOffset.UTC, g.now());

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.accountId()).isEqualTo(ANA);
            assertThat(r.items().keySet()).containsExactly("A1", "Q1");
        });
        GradebookRows.ItemLine l = rows.getFirst().items().get(item);
        Cell actual = new Cell(plain(l.score()), plain(l.rawScore()), l.lateDays(), plain(l.penaltyPercent()), l.released(), l.status(),
                l.overrideReason());
        assertThat(actual).isEqualTo(expected);
    }

    static String plain(BigDecimal b) {
        return b == null ? null : b.stripTrailingZeros().toPlainString();
    }

    @Test
    void lateDaysAndTotalsAreChargedAcrossTheStudentsItems() {
        Member ana = new Member(ANA, "Ana Example", "ana@example.edu", CourseRole.STUDENT, null, null, true);
        Member ben = new Member(8, "Ben Example", "ben@example.edu", CourseRole.STUDENT, null, null, true);
        var rows = GradebookRows.rows(POLICY, List.of(ana, ben),
                Map.of("A1", new GradebookRows.Assigned(DUE, true, Map.of(ANA, counted(23, "10", "10"), 8L, counted(-1, "4", "10")))),
                List.of(entry("Q1", "6")), List.of(), Map.of(), true, ZoneOffset.UTC, LATER);

        assertThat(rows).extracting(GradebookRows.StudentRow::name).containsExactly("Ana Example", "Ben Example");
        var a = rows.get(0);
        assertThat(a.lateDaysUsed()).isEqualTo(1);
        assertThat(a.lateDaysRemaining()).isZero();
        assertThat(a.ledger()).extracting(e -> e.key()).containsExactly("A1");
        assertThat(a.totalPercent()).isEqualByComparingTo("80"); // (10 + 6) of 20
        var b = rows.get(1);
        assertThat(b.lateDaysUsed()).isZero();
        assertThat(b.items().get("Q1").score()).isNull(); // Ana's entry is hers alone
        assertThat(b.totalPercent()).isEqualByComparingTo("40"); // Q1 missing is not counted: 4 of 10
    }

    static Stream<Arguments> hybrids() {
        // A1: autograder out of 10, written questions out of 10, assignment points 20, policy points 10.
        return Stream.of(
                // autograded (null: no run yet), written entry (null: not graded), assignment points, hours late -> score, raw
                Arguments.of("8", null, "20", -1, "8", "8"),            // before written grading: the autograded part as before
                Arguments.of("8", "6", "20", -1, "7", "7"),             // (8 + 6) / 20 * 10
                Arguments.of(null, "6", "20", -1, "3", "3"),            // autograder not run: counts 0
                Arguments.of("10", "10", "20", -1, "10", "10"),
                Arguments.of("8", "6", null, -1, "14", "14"),           // assignment points unknown: the plain sum
                Arguments.of("8", "6", "20", 23, "7", "7"));            // one late day, free: the sum is charged like any assignment
    }

    @ParameterizedTest
    @MethodSource("hybrids")
    void hybridItemsAddTheWrittenPartToTheAutogradedOne(String auto, String written, String assignmentPoints, int hoursLate, String score,
                                                        String raw) {
        Member ana = new Member(ANA, "Ana Example", "ana@example.edu", CourseRole.STUDENT, null, null, true);
        List<GradebookRows.Entry> entries = written == null ? List.of() : List.of(entry(ScoreReported.writtenPartOf("A1"), written));
        var rows = GradebookRows.rows(POLICY, List.of(ana), Map.of("A1", new GradebookRows.Assigned(DUE, true,
                        Map.of(ANA, counted(hoursLate, auto, "10")), dec(assignmentPoints))), entries, List.of(), Map.of(), false,
                ZoneOffset.UTC, LATER);
        var line = rows.getFirst().items().get("A1");
        assertThat(plain(line.score())).isEqualTo(score);
        assertThat(plain(line.rawScore())).isEqualTo(raw);
    }
}
