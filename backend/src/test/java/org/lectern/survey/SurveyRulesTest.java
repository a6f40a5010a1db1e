package org.lectern.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lectern.platform.InvalidInputException;

class SurveyRulesTest {

    static final List<SurveyQuestion> QUESTIONS = SurveyRules.checkQuestions(List.of(
            new SurveyQuestion(SurveyQuestion.Kind.SINGLE, "Year?", List.of("Junior", "Senior", "Grad"), null, true),
            new SurveyQuestion(SurveyQuestion.Kind.MULTIPLE, "Frameworks used?", List.of("PyTorch", "JAX", "TensorFlow"), null, false),
            new SurveyQuestion(SurveyQuestion.Kind.SCALE, "Comfort with linear algebra", List.of("none", "expert"), 5, false),
            new SurveyQuestion(SurveyQuestion.Kind.SHORT_TEXT, "Time zone?", null, null, false),
            new SurveyQuestion(SurveyQuestion.Kind.LONG_TEXT, "Goals?", null, null, false)));

    static List<String> a(String... answers) {
        return Arrays.asList(answers);
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("all answered", a("2", "2, 0", "4", " PST ", "Build a GPT"), a("2", "0,2", "4", "PST", "Build a GPT")),
                Arguments.of("optional ones skipped", a("0"), a("0", null, null, null, null)),
                Arguments.of("blank counts as skipped", a("1", " ", "", null, "\n"), a("1", null, null, null, null)),
                Arguments.of("a repeated choice counts once", a("1", "1,1,2"), a("1", "1,2", null, null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void normalises(String what, List<String> given, List<String> stored) {
        assertThat(SurveyRules.checkAnswers(QUESTIONS, given)).isEqualTo(stored);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("required skipped", a("", "0"), "Question 1: an answer is required."),
                Arguments.of("option out of range", a("3"), "Question 1: no such option."),
                Arguments.of("negative option", a("-1"), "Question 1: no such option."),
                Arguments.of("not a number", a("Senior"), "Question 1: 'Senior' is not a valid choice."),
                Arguments.of("one bad among many", a("0", "0,7"), "Question 2: no such option."),
                Arguments.of("scale too high", a("0", null, "6"), "Question 3: pick 1 to 5."),
                Arguments.of("scale zero", a("0", null, "0"), "Question 3: pick 1 to 5."),
                Arguments.of("short text too long", a("0", null, null, "x".repeat(201)), "Question 4: at most 200 characters."),
                Arguments.of("more answers than questions", a("0", null, null, null, null, "extra"), "There are more answers than questions."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refuses(String what, List<String> given, String message) {
        assertThatThrownBy(() -> SurveyRules.checkAnswers(QUESTIONS, given)).isInstanceOf(InvalidInputException.class).hasMessage(message);
    }

    @Test
    void badQuestionsAreRefused() {
        assertThatThrownBy(() -> SurveyRules.checkQuestions(List.of())).hasMessageContaining("1 to 50 questions");
        assertThatThrownBy(() -> SurveyRules.checkQuestions(List.of(new SurveyQuestion(SurveyQuestion.Kind.SINGLE, "Pick", List.of("only"), null, true))))
                .hasMessageContaining("2 to 20 non-empty options");
        assertThatThrownBy(() -> SurveyRules.checkQuestions(List.of(new SurveyQuestion(SurveyQuestion.Kind.SCALE, "Rate", null, 11, true))))
                .hasMessageContaining("1 to 2..10");
        assertThatThrownBy(() -> SurveyRules.checkQuestions(List.of(new SurveyQuestion(null, "Rate", null, null, true))))
                .hasMessageContaining("needs a kind");
        assertThat(SurveyRules.checkQuestions(List.of(new SurveyQuestion(SurveyQuestion.Kind.SCALE, " Rate ", null, null, true))).getFirst())
                .isEqualTo(new SurveyQuestion(SurveyQuestion.Kind.SCALE, "Rate", List.of(), 5, true));
    }

    @Test
    void resultsCountChoicesAndScalePointsAndListTextAlphabetically() {
        Survey s = new Survey(1, 1, "day1", "First day", true, QUESTIONS, Instant.EPOCH, Instant.EPOCH.plusSeconds(60), BigDecimal.ONE, null);
        var r = SurveyResults.tally(s, List.of(
                a("2", "0,1", "5", "UTC+1", "Zebra goals"),
                a("2", "0", "1", null, "apple goals"),
                a("0", null, null, "PST", null)));
        assertThat(r.respondents()).isEqualTo(3);
        assertThat(r.questions().get(0).bars()).extracting(SurveyResults.Bar::count).containsExactly(1, 0, 2);
        assertThat(r.questions().get(1).bars()).extracting(SurveyResults.Bar::count).containsExactly(2, 1, 0);
        assertThat(r.questions().get(2).bars()).extracting(SurveyResults.Bar::label).containsExactly("1 (none)", "2", "3", "4", "5 (expert)");
        assertThat(r.questions().get(2).bars()).extracting(SurveyResults.Bar::count).containsExactly(1, 0, 0, 0, 1);
        assertThat(r.questions().get(3).texts()).containsExactly("PST", "UTC+1");
        assertThat(r.questions().get(4).texts()).containsExactly("Zebra goals", "apple goals");
    }

    @Test
    void theChartEscapesLabels() {
        String svg = SurveyChart.svg(List.of(new SurveyResults.Bar("<script>alert(1)</script>", 3), new SurveyResults.Bar("B & \"C\"", 1)));
        assertThat(svg).startsWith("<svg").endsWith("</svg>").doesNotContain("<script>")
                .contains("&lt;script&gt;").contains("B &amp; &quot;C&quot;").contains("3 (75%)");
    }
}
