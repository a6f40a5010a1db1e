package org.lectern.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GradingSchemeTest {

    @ParameterizedTest(name = "{0}% -> {1}")
    @CsvSource({
            "100, A",
            "105.5, A",        // extra credit can pass 100
            "93, A",
            "92.995, A",       // shows as 93.00
            "92.994999, A-",   // shows as 92.99
            "90, A-",
            "89.99, B+",
            "83.00, B",
            "82.999, B",       // shows as 83.00
            "60, D",
            "59.994, F",
            "0, F",
    })
    void lettersAreJudgedOnTheDisplayedTotal(String total, String letter) {
        assertThat(GradingScheme.cse493g1().letterFor(new BigDecimal(total))).isEqualTo(letter);
    }

    @Test
    void noTotalNoLetter() {
        assertThat(GradingScheme.cse493g1().letterFor(null)).isNull();
    }

    static Stream<Arguments> shares() {
        return Stream.of(
                Arguments.of(GradingScheme.cse493g1(), "Assignments", List.of("0", "8", "8", "8", "8", "8")),
                Arguments.of(GradingScheme.cse493g1(), "Quizzes", List.of("4.8", "4.8", "4.8", "4.8", "4.8")),
                Arguments.of(GradingScheme.cse493g1(), "Project", List.of("2", "4", "20", "10")),
                Arguments.of(GradingScheme.cse493g1(), "Participation", List.of("5")),
                Arguments.of(GradingScheme.comp541Example(), "Programming Assignments", List.of("5", "5", "5", "5")),
                Arguments.of(GradingScheme.comp541Example(), "Course Project", List.of("2", "4", "6", "8", "12", "4")),
                Arguments.of(GradingScheme.comp541Example(), "Paper Reviews",
                        List.of("0.5", "0.5", "0.5", "0.5", "0.5", "0.5", "0.5", "0.5", "0.5", "0.5")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("shares")
    void theSeedsWeights(GradingScheme scheme, String category, List<String> expected) {
        Category c = scheme.categories().stream().filter(x -> x.name().equals(category)).findFirst().orElseThrow();
        assertThat(c.shares().values()).map(BigDecimal::stripTrailingZeros)
                .containsExactlyElementsOf(expected.stream().map(s -> new BigDecimal(s).stripTrailingZeros()).toList());
    }

    @Test
    void comp541ExampleGradesDifferently() {
        // everything at 80% except the midterm at 50%: 83 x 80% + 17 x 50% = 66.4 + 8.5 = 74.9 -> B-
        var scores = new java.util.LinkedHashMap<String, ItemScore>();
        for (GradedItem item : GradingScheme.comp541Example().items()) {
            scores.put(item.key(), ItemScore.graded(item.pointsPossible().multiply(new BigDecimal("0.8"))));
        }
        scores.put("midterm", ItemScore.graded(new BigDecimal("50")));
        CourseGrade grade = GradeCalculator.compute(GradingScheme.comp541Example(), scores);
        assertThat(grade.totalPercent()).isEqualByComparingTo("74.9");
        assertThat(grade.letter()).isEqualTo("B-");
        assertThat(grade.category("Paper Reviews").dropped()).containsExactly("review1", "review2");
    }

    static List<LetterCutoff> passFail() {
        return List.of(LetterCutoff.of("P", "50"), LetterCutoff.of("F", "0"));
    }

    static Stream<Arguments> invalid() {
        List<GradedItem> one = List.of(GradedItem.of("x", 10));
        return Stream.of(
                Arguments.of("weights add up to 90", (Supplier<Object>) () -> new GradingScheme(
                        List.of(Category.of("A", "90", 0, one)), passFail())),
                Arguments.of("an item in two categories", (Supplier<Object>) () -> new GradingScheme(
                        List.of(Category.of("A", "50", 0, one), Category.of("B", "50", 0, one)), passFail())),
                Arguments.of("two categories with one name", (Supplier<Object>) () -> new GradingScheme(
                        List.of(Category.of("A", "50", 0, one), Category.of("A", "50", 0, List.of(GradedItem.of("y", 1)))),
                        passFail())),
                Arguments.of("cutoffs going up", (Supplier<Object>) () -> new GradingScheme(
                        List.of(Category.of("A", "100", 0, one)),
                        List.of(LetterCutoff.of("F", "0"), LetterCutoff.of("P", "50")))),
                Arguments.of("no letter at the bottom", (Supplier<Object>) () -> new GradingScheme(
                        List.of(Category.of("A", "100", 0, one)), List.of(LetterCutoff.of("P", "50")))),
                Arguments.of("item weights over the category's", (Supplier<Object>) () -> Category.of("P", "10", 0,
                        List.of(GradedItem.weighted("p1", 10, "6"), GradedItem.weighted("p2", 10, "6"), GradedItem.of("p3", 10)))),
                Arguments.of("item weights short of the category's", (Supplier<Object>) () -> Category.of("P", "10", 0,
                        List.of(GradedItem.weighted("p1", 10, "6"), GradedItem.weighted("p2", 10, "3")))),
                Arguments.of("a cap on an ordinary category", (Supplier<Object>) () -> new Category("A", BigDecimal.TEN, 0,
                        false, BigDecimal.ONE, one)),
                Arguments.of("negative drops", (Supplier<Object>) () -> Category.of("A", "10", -1, one)),
                Arguments.of("an item twice in a category", (Supplier<Object>) () -> Category.of("A", "10", 0,
                        List.of(GradedItem.of("x", 1), GradedItem.of("x", 2)))),
                Arguments.of("zero points possible", (Supplier<Object>) () -> GradedItem.of("x", 0)),
                Arguments.of("excused and overridden", (Supplier<Object>) () -> new ItemScore(null, null, true,
                        new ScoreOverride(BigDecimal.ONE, "why"))),
                Arguments.of("an override without a reason", (Supplier<Object>) () -> new ScoreOverride(BigDecimal.ONE, " ")),
                Arguments.of("a negative score", (Supplier<Object>) () -> ItemScore.graded(BigDecimal.valueOf(-1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsNonsense(String what, Supplier<Object> build) {
        assertThatThrownBy(build::get).isInstanceOf(IllegalArgumentException.class);
    }
}
