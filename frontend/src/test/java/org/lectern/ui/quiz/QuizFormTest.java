package org.lectern.ui.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuizFormTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2|3|true|[1]", "1, 3|3|false|[0, 2]", "1 3|3|false|[0, 2]", "4|3|true|", "0|3|true|", "1, 2|3|true|", "1, 1|3|false|",
            "x|3|true|", "''|3|true|", "9999|3|false|"})
    void rightChoicesCountFromOneAndMustNameAChoice(String typed, int choices, boolean single, String expected) {
        List<Integer> got = QuizForm.correctIndices(typed, choices, single);
        assertThat(got == null ? null : got.toString()).isEqualTo(expected);
    }
}
