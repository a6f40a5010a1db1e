package org.lectern.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollTallyTest {

    @Test
    void choicesKeepTheQuestionsOrderAndMarkTheAnswer() {
        var bars = PollTally.choices(List.of("[[1, 2], [3, 4]]", "[[0, 2], [3, 0]]", "[[4]]"), List.of("1", "1", "0", "1"), "1");
        assertThat(bars).containsExactly(
                new PollTally.Bar("[[1, 2], [3, 4]]", 1, false),
                new PollTally.Bar("[[0, 2], [3, 0]]", 3, true),
                new PollTally.Bar("[[4]]", 0, false));
    }

    @Test
    void numbersAreGroupedMostCommonFirstWithTheRestAsOther() {
        var answers = List.of("2", "2.0", "2.004", "3", "3", "3", "4", "5", "6", "7", "8", "9", "9.5");
        var bars = PollTally.numbers(answers, "9.5");
        assertThat(bars).extracting(PollTally.Bar::label).containsExactly("2", "3", "4", "5", "6", "7", "9.5", "other");
        assertThat(bars).extracting(PollTally.Bar::votes).containsExactly(3, 3, 1, 1, 1, 1, 1, 2);
        assertThat(bars.get(6).correct()).isTrue(); // the right value stays visible even when rare
    }

    @ParameterizedTest
    @CsvSource({"2, 2", "2.00, 2", "-0.0, 0", "0.125, 0.13", "1e3, 1000", "-1.5, -1.5"})
    void numbersShowAtTwoDecimals(String typed, String label) {
        assertThat(PollTally.normalise(typed)).isEqualTo(label);
    }

    @ParameterizedTest(name = "{0}: {1} against {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            CHOICE | 1      | 1     | true
            CHOICE | 0      | 1     | false
            CHOICE | ''     | 1     | false
            NUMBER | 2.004  | 2     | true
            NUMBER | 2.0    | 2     | true
            NUMBER | 2.01   | 2     | false
            NUMBER | abc    | 2     | false
            EXERCISE | 3    | 3     | true
            """)
    void aVoteIsRightWhenItSitsInTheCorrectBar(PollKind kind, String answer, String correct, boolean right) {
        assertThat(PollTally.isCorrect(kind, answer == null ? "" : answer, correct)).isEqualTo(right);
    }
}
