package org.lectern.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GradeCalculatorTest {

    static final GradingScheme CSE = GradingScheme.cse493g1();

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    static ItemScore score(String earned) {
        return ItemScore.graded(dec(earned));
    }

    /**
     * A CSE 493G1 student, by hand:
     * <pre>
     * A0 100/100                                   weight 0             ->  0
     * A1-A5 90 80 100 70 60 of 100: 400/500 = 80%  x 40                 -> 32
     * quizzes 10 5 8 9 7 of 10, drop quiz2 (50%): 34/40 = 85% x 24      -> 20.4
     * project 100% x 2 + 50% x 4 + 80% x 20 + 90% x 10 = 2 + 2 + 16 + 9 -> 29 (80.56% of 36)
     * base 32 + 20.4 + 29 = 81.4; participation 80% x 5 = 4 extra       -> 85.4, B
     * </pre>
     */
    static Map<String, ItemScore> student() {
        Map<String, ItemScore> scores = new LinkedHashMap<>();
        scores.put("a0", score("100"));
        scores.put("a1", score("90"));
        scores.put("a2", score("80"));
        scores.put("a3", score("100"));
        scores.put("a4", score("70"));
        scores.put("a5", score("60"));
        scores.put("quiz1", score("10"));
        scores.put("quiz2", score("5"));
        scores.put("quiz3", score("8"));
        scores.put("quiz4", score("9"));
        scores.put("quiz5", score("7"));
        scores.put("project-proposal", score("100"));
        scores.put("project-milestone", score("50"));
        scores.put("project-final-report", score("80"));
        scores.put("project-poster", score("90"));
        scores.put("participation", score("80"));
        return scores;
    }

    static Arguments variant(String what, Consumer<Map<String, ItemScore>> change, boolean countMissingAsZero,
                             String total, String letter) {
        return Arguments.of(what, change, countMissingAsZero, total, letter);
    }

    static Stream<Arguments> cse493g1Students() {
        return Stream.of(
                variant("as above: 81.4 + 4", s -> { }, true, "85.40", "B"),
                // participation 100% x 5 = 5 -> 81.4 + 5
                variant("full participation", s -> s.put("participation", score("100")), true, "86.40", "B"),
                // 150% x 5 = 7.5, capped at 5
                variant("bonus participation is capped at 5", s -> s.put("participation", score("150")), true,
                        "86.40", "B"),
                // no extra credit, nothing else changes
                variant("participation not recorded", s -> s.remove("participation"), true, "81.40", "B-"),
                // project without the report: (2 x 100% + 4 x 50% + 10 x 90%) / 16 = 13/16 = 81.25%, x 36 = 29.25
                // -> 32 + 20.4 + 29.25 + 4
                variant("final report excused: the project re-normalises", s -> s.put("project-final-report",
                        ItemScore.excusedScore()), true, "85.65", "B"),
                // A5 is 0: 340/500 = 68% x 40 = 27.2 -> 27.2 + 20.4 + 29 + 4
                variant("A5 missing counts as 0", s -> s.put("a5", ItemScore.missing()), true, "80.60", "B-"),
                // A5 left out: 340/400 = 85% x 40 = 34 -> 34 + 20.4 + 29 + 4
                variant("A5 missing, not counted", s -> s.put("a5", ItemScore.missing()), false, "87.40", "B+"),
                // quiz2 fixed at 0 cannot be dropped; quiz5 (70%) goes: 10+0+8+9 = 27/40 = 67.5% x 24 = 16.2
                // -> 32 + 16.2 + 29 + 4
                variant("an overridden quiz is never dropped", s -> s.put("quiz2",
                        ItemScore.overridden(dec("0"), "academic integrity")), true, "81.20", "B-"),
                // quiz1 out: 5 8 9 7, drop quiz2: 24/30 = 80% x 24 = 19.2 -> 32 + 19.2 + 29 + 4
                variant("an excused quiz is never the dropped one", s -> s.put("quiz1", ItemScore.excusedScore()),
                        true, "84.20", "B"),
                // quiz3 is 0 and dropped instead of quiz2: 10+5+9+7 = 31/40 = 77.5% x 24 = 18.6 -> 32 + 18.6 + 29 + 4
                variant("missing work counted as 0 can be the dropped one", s -> s.put("quiz3", ItemScore.missing()),
                        true, "83.60", "B"),
                // A0 counts for nothing either way
                variant("A0 at 0 changes nothing", s -> s.put("a0", score("0")), true, "85.40", "B"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cse493g1Students")
    void cse493g1EndToEnd(String what, Consumer<Map<String, ItemScore>> change, boolean countMissingAsZero,
                          String total, String letter) {
        Map<String, ItemScore> scores = student();
        change.accept(scores);
        CourseGrade grade = GradeCalculator.compute(CSE, scores, countMissingAsZero);
        assertThat(Rounding.forDisplay(grade.totalPercent())).isEqualByComparingTo(total);
        assertThat(grade.letter()).isEqualTo(letter);
        BigDecimal sum = grade.items().stream().map(ItemResult::contribution).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(Rounding.forDisplay(sum)).as("item contributions add up to the total").isEqualByComparingTo(total);
    }

    @Test
    void theBaselineStudentInDetail() {
        CourseGrade grade = GradeCalculator.compute(CSE, student());
        assertThat(grade.countedWeightPercent()).isEqualByComparingTo("100");
        assertThat(grade.basePercent()).isEqualByComparingTo("81.4");
        assertThat(grade.extraCreditPercent()).isEqualByComparingTo("4");
        assertThat(grade.categories()).extracting(c -> Rounding.forDisplay(c.percent()).toPlainString())
                .containsExactly("80.00", "85.00", "80.56", "80.00");
        assertThat(grade.categories()).extracting(c -> Rounding.forDisplay(c.contribution()).toPlainString())
                .containsExactly("32.00", "20.40", "29.00", "4.00");
        assertThat(grade.category("Quizzes").dropped()).containsExactly("quiz2");
        assertThat(grade.item("quiz2").dropped()).isTrue();
        assertThat(grade.item("quiz2").contribution()).isEqualByComparingTo("0");
        assertThat(grade.item("quiz1").contribution()).isEqualByComparingTo("6");         // 100% of 6
        assertThat(grade.item("a1").contribution()).isEqualByComparingTo("7.2");          // 90% of 8
        assertThat(grade.item("project-final-report").contribution()).isEqualByComparingTo("16");
        // A0 appears, counted, and contributes nothing
        assertThat(grade.item("a0").status()).isEqualTo(ItemStatus.COUNTED);
        assertThat(grade.item("a0").percent()).isEqualByComparingTo("100");
        assertThat(grade.item("a0").contribution()).isEqualByComparingTo("0");
    }

    static Stream<Arguments> quizDrops() {
        return Stream.of(
                Arguments.of("lowest goes", List.of("10", "5", "8", "9", "7"), List.of("quiz2"), "85"),
                Arguments.of("tie: the earlier quiz goes", List.of("10", "5", "5", "9", "7"), List.of("quiz2"), "77.5"),
                Arguments.of("all equal: quiz1 goes", List.of("6", "6", "6", "6", "6"), List.of("quiz1"), "60"),
                // percent, not points: 4/8 = 50% is lower than 6/10 = 60%
                Arguments.of("out of different totals", List.of("10", "6/10", "4/8", "9", "7"), List.of("quiz3"), "80"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quizDrops")
    void dropLowest(String what, List<String> quizzes, List<String> dropped, String quizPercent) {
        Map<String, ItemScore> scores = new LinkedHashMap<>();
        for (int i = 0; i < quizzes.size(); i++) {
            String[] parts = quizzes.get(i).split("/");
            scores.put("quiz" + (i + 1), parts.length == 2 ? ItemScore.graded(dec(parts[0]), dec(parts[1])) : score(parts[0]));
        }
        CourseGrade grade = GradeCalculator.compute(CSE, scores);
        assertThat(grade.category("Quizzes").dropped()).containsExactlyElementsOf(dropped);
        assertThat(grade.category("Quizzes").percent()).isEqualByComparingTo(quizPercent);
    }

    static GradingScheme twoQuizzesDropThree() {
        return new GradingScheme(List.of(
                Category.of("Quizzes", "100", 3, List.of(GradedItem.of("q1", 10), GradedItem.of("q2", 10)))),
                List.of(LetterCutoff.of("P", "50"), LetterCutoff.of("F", "0")));
    }

    @ParameterizedTest(name = "q1={0} q2={1} -> dropped {2}, {3}%")
    @CsvSource(delimiter = ';', value = {
            "5; 10; q1; 100",      // two items, drop 3 asked: one goes, one stays
            "5; ; '';  50",        // only one released: nothing dropped
            "; ; ''; ",            // nothing released: no percent at all
    })
    void fewerItemsThanDrops(String q1, String q2, String dropped, String percent) {
        Map<String, ItemScore> scores = new LinkedHashMap<>();
        if (q1 != null) {
            scores.put("q1", score(q1));
        }
        if (q2 != null) {
            scores.put("q2", score(q2));
        }
        CourseGrade grade = GradeCalculator.compute(twoQuizzesDropThree(), scores);
        assertThat(grade.category("Quizzes").dropped())
                .containsExactlyElementsOf(dropped.isEmpty() ? List.of() : List.of(dropped));
        if (percent == null) {
            assertThat(grade.category("Quizzes").percent()).isNull();
            assertThat(grade.totalPercent()).isNull();
            assertThat(grade.letter()).isNull();
        } else {
            assertThat(grade.category("Quizzes").percent()).isEqualByComparingTo(percent);
        }
    }

    static GradingScheme withParticipation(String weight, String cap) {
        return new GradingScheme(List.of(
                Category.of("Work", "100", 0, List.of(GradedItem.of("hw", 100))),
                Category.extraCredit("Participation", weight, cap,
                        List.of(GradedItem.of("lectures", 10), GradedItem.of("sections", 10)))),
                List.of(LetterCutoff.of("A", "90"), LetterCutoff.of("F", "0")));
    }

    @ParameterizedTest(name = "weight {0} cap {1}, lectures {2} sections {3} -> +{4}")
    @CsvSource(delimiter = ';', value = {
            "5; 5;  10; 10; 5",         // 100% x 5 = 5
            "5; 5;  10; 5;  3.75",      // 75% x 5
            "5; 5;  15; 15; 5",         // 150% x 5 = 7.5, capped at 5
            "5; ;   15; 15; 7.5",       // no cap: bonus points count
            "5; 2;  10; 10; 2",         // a cap below the weight
            "5; 5;  ;   ;   0",         // nothing recorded adds nothing
    })
    void extraCredit(String weight, String cap, String lectures, String sections, String added) {
        Map<String, ItemScore> scores = new LinkedHashMap<>();
        scores.put("hw", score("80"));
        if (lectures != null) {
            scores.put("lectures", score(lectures));
            scores.put("sections", score(sections));
        }
        CourseGrade grade = GradeCalculator.compute(withParticipation(weight, cap), scores);
        assertThat(grade.extraCreditPercent()).isEqualByComparingTo(added);
        assertThat(grade.totalPercent()).isEqualByComparingTo(dec("80").add(dec(added)));
        BigDecimal itemExtra = grade.item("lectures").contribution().add(grade.item("sections").contribution());
        assertThat(Rounding.forDisplay(itemExtra)).isEqualByComparingTo(Rounding.forDisplay(dec(added)));
    }

    @Test
    void aGradeSoFarCountsOnlyWhatIsReleased() {
        // only A1 (90%) and quiz1 (80%) are out: (40 x 90 + 24 x 80) / 64 = 5520 / 64 = 86.25
        CourseGrade grade = GradeCalculator.compute(CSE, Map.of("a1", score("90"), "quiz1", score("8")));
        assertThat(grade.countedWeightPercent()).isEqualByComparingTo("64");
        assertThat(grade.totalPercent()).isEqualByComparingTo("86.25");
        assertThat(grade.letter()).isEqualTo("B");
        assertThat(grade.item("a2").status()).isEqualTo(ItemStatus.NOT_RELEASED);
        assertThat(grade.category("Project").counted()).isFalse();
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(null, true, ItemStatus.NOT_RELEASED, null),
                Arguments.of(ItemScore.missing(), true, ItemStatus.MISSING_COUNTED_AS_ZERO, "0"),
                Arguments.of(ItemScore.missing(), false, ItemStatus.MISSING_NOT_COUNTED, null),
                Arguments.of(ItemScore.excusedScore(), true, ItemStatus.EXCUSED, null),
                Arguments.of(score("70"), true, ItemStatus.COUNTED, "70"),
                Arguments.of(ItemScore.overridden(dec("95"), "regrade after appeal"), true, ItemStatus.COUNTED, "95"));
    }

    @ParameterizedTest(name = "{0}, missing as zero {1} -> {2}")
    @MethodSource("statuses")
    void itemStatus(ItemScore score, boolean countMissingAsZero, ItemStatus status, String earned) {
        Map<String, ItemScore> scores = new LinkedHashMap<>();
        scores.put("a1", score("100"));
        if (score != null) {
            scores.put("a2", score);
        }
        ItemResult a2 = GradeCalculator.compute(CSE, scores, countMissingAsZero).item("a2");
        assertThat(a2.status()).isEqualTo(status);
        if (earned == null) {
            assertThat(a2.earned()).isNull();
        } else {
            assertThat(a2.earned()).isEqualByComparingTo(earned);
        }
        assertThat(a2.overridden()).isEqualTo(score != null && score.override() != null);
    }

    @Test
    void scoresForItemsNotInTheSchemeAreRejected() {
        assertThatThrownBy(() -> GradeCalculator.compute(CSE, Map.of("a6", score("10"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a6");
    }
}
