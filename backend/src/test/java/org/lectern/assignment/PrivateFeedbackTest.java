package org.lectern.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a student is shown of a failing private test, by the instructor's choice. */
class PrivateFeedbackTest {

    private static final String REPORT = """
            def test_hidden():
            >       assert relu(-7.25) == 0.0, "negative inputs give zero"
            E       AssertionError: negative inputs give zero""";

    @ParameterizedTest(name = "{0}: brief {1}")
    @CsvSource(nullValues = "null", value = {
            "NOTHING, 'AssertionError: negative inputs give zero', ''",
            "NOTHING, null, ''",
            "MESSAGE, 'AssertionError: negative inputs give zero', 'AssertionError: negative inputs give zero'",
            "MESSAGE, null, ''", // a run stored before briefs existed shows nothing rather than the report
            "FULL, 'AssertionError: negative inputs give zero', REPORT",
            "FULL, null, REPORT"})
    void showsOnlyWhatTheChoiceAllows(PrivateFeedback choice, String brief, String expected) {
        assertThat(choice.shown(REPORT, brief)).isEqualTo(expected.equals("REPORT") ? REPORT : expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"nothing, NOTHING", "Message, MESSAGE", "' FULL ', FULL", "all, null",
            "'', null", "null, null"})
    void parsesTheManifestsWords(String text, PrivateFeedback expected) {
        assertThat(PrivateFeedback.parse(text)).isEqualTo(expected);
    }
}
