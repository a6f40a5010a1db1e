package org.lectern.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lectern.platform.InvalidInputException;

class SurveyTextTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("single, required", "single*: Which program? | Undergrad | M.S. | Ph.D.",
                        new SurveyQuestion(SurveyQuestion.Kind.SINGLE, "Which program?", List.of("Undergrad", "M.S.", "Ph.D."), null, true)),
                Arguments.of("multiple", "multiple: Frameworks? | PyTorch | JAX",
                        new SurveyQuestion(SurveyQuestion.Kind.MULTIPLE, "Frameworks?", List.of("PyTorch", "JAX"), null, false)),
                Arguments.of("scale with its size and ends", "Scale 7 : NumPy comfort | none | expert",
                        new SurveyQuestion(SurveyQuestion.Kind.SCALE, "NumPy comfort", List.of("none", "expert"), 7, false)),
                Arguments.of("scale of 5 by default", "scale: Pace?",
                        new SurveyQuestion(SurveyQuestion.Kind.SCALE, "Pace?", List.of(), 5, false)),
                Arguments.of("short text", "short: Time zone?", new SurveyQuestion(SurveyQuestion.Kind.SHORT_TEXT, "Time zone?", List.of(), null, false)),
                Arguments.of("long text, a colon in the prompt", "long*: Goals: what and why?",
                        new SurveyQuestion(SurveyQuestion.Kind.LONG_TEXT, "Goals: what and why?", List.of(), null, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void oneLine(String what, String line, SurveyQuestion expected) {
        assertThat(SurveyText.parse("# the first-day survey\n\n" + line + "\n")).containsExactly(expected);
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("no kind", "Which program? | A | B", "Line 1: start with single:"),
                Arguments.of("unknown kind", "dropdown: Which? | A | B", "Line 1: start with single:"),
                Arguments.of("one option", "single: Which? | A", "Question 1: a choice question has 2 to 20 non-empty options."),
                Arguments.of("scale too long", "scale 11: Rate", "Question 1: a scale goes from 1 to 2..10."),
                Arguments.of("nothing", "  \n# only a comment", "questions: a survey has 1 to 50 questions."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void refused(String what, String text, String message) {
        assertThatThrownBy(() -> SurveyText.parse(text)).isInstanceOf(InvalidInputException.class).hasMessageStartingWith(message);
    }
}
