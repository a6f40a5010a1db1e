package org.lectern.ui.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lectern.gradebook.PolicyDocument;

class LetterLinesTest {

    /** Typed cut-offs → letter:min pairs, or empty for refused; order and the bottom 0 are the scheme's to judge. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A 93\\nA- 90\\nF 0|A:93 A-:90 F:0",
            "  B+   87.5 \\n\\nF 0|B+:87.5 F:0",
            "A: 90\\nF=0|A:90 F:0",
            "A 80\\nB 90\\nF 0|A:80 B:90 F:0",
            "A 101|",
            "A ninety|",
            "A 9 0|",
            "Pass with honours 90|",
            "A -5|",
            "A 90.125|"})
    void linesAreALetterAndAPercent(String typed, String expected) {
        List<PolicyDocument.LetterJson> got = LetterLines.parse(typed.replace("\\n", "\n"));
        String shown = got == null ? null : String.join(" ", got.stream().map(l -> l.letter() + ":" + l.min().toPlainString()).toList());
        assertThat(shown).isEqualTo(expected);
    }

    @Test
    void whatIsShownReadsBackTheSame() {
        var letters = List.of(new PolicyDocument.LetterJson("A", new BigDecimal("93.00")), new PolicyDocument.LetterJson("F", BigDecimal.ZERO));
        assertThat(LetterLines.format(letters)).isEqualTo("A 93\nF 0");
        assertThat(LetterLines.parse(LetterLines.format(letters))).extracting(PolicyDocument.LetterJson::letter).containsExactly("A", "F");
    }
}
