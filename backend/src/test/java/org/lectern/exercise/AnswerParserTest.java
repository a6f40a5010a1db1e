package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerParserTest {

    static final AnswerShape.Vector THREE = AnswerShape.vector(3);
    static final AnswerShape.Matrix TWO_BY_TWO = AnswerShape.matrix(2, 2);
    static final AnswerShape.Choice ANIMALS = AnswerShape.choice("cat", "dog", "ship");

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1.5        | 1.5",
            "-2         | -2",
            "'  3  '    | 3",
            ".5         | 0.5",
            "+4         | 4",
            "1e-3       | 0.001",
            "2.5E2      | 250",
            "3/4        | 0.75",
            "-1/2       | -0.5",
            "1 / 4      | 0.25",
            "\u22122    | -2",       // the minus sign KaTeX renders, pasted back
            "$2$        | 2",
            "1,5        | 1.5",      // decimal comma
            "0,25       | 0.25",
            "3,145,728  | 3145728",  // thousands
            "12,345.6   | 12345.6",
            "3 145 728  | 3145728",
    })
    void readsANumber(String text, double expected) {
        assertThat(AnswerParser.parseNumber(text).orElseThrow()).isEqualTo(Answer.number(expected));
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', value = {
            "''      | The answer is empty.",
            "abc     | \"abc\" is not a number.",
            "1,500   | \"1,500\" is ambiguous: write 1500 or 1.500.",
            "1/0     | \"1/0\" divides by zero.",
            "NaN     | \"NaN\" is not a number.",
            "Infinity| \"Infinity\" is not a number.",
            "0x10    | \"0x10\" is not a number.",
            "1e999   | \"1e999\" is out of range: numbers go from 1e-99 to 1e99.",
            "1e-300000000 | \"1e-300000000\" is out of range: numbers go from 1e-99 to 1e99.",
            "1/1e-2000000 | \"1/1e-2000000\" is out of range: numbers go from 1e-99 to 1e99.",
            "1234567890123456789012345678901 | \"123456789012345678901234567890...\" has more than 30 significant digits.",
            "12345678901234567890123456789012345678901234567890123456789012345 | \"123456789012345678901234567890...\" is longer than 64 characters.",
            "1.2.3   | \"1.2.3\" is not a number.",
            "2 3     | \"2 3\" is not a number.",
    })
    void explainsABadNumber(String text, String message) {
        ParseResult result = AnswerParser.parse(AnswerShape.number(), text);
        assertThat(result.isValid()).isFalse();
        assertThat(result).isEqualTo(new ParseResult.Invalid(message));
        assertThatThrownBy(result::orElseThrow).isInstanceOf(InvalidAnswerException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {"1, 2, 3", "1 2 3", "[1, 2, 3]", "(1; 2; 3)", "1,2,3", "2/2, 4/2, 3", "'  1\n2\n3 '"})
    void readsAVector(String text) {
        assertThat(AnswerParser.parse(THREE, text).orElseThrow()).isEqualTo(Answer.vector(1, 2, 3));
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', value = {
            "''              | Enter 3 numbers.",
            "1, 2            | Expected 3 numbers, got 2. Use a dot for decimals and commas, spaces or semicolons between numbers.",
            "1 2 3 4         | Expected 3 numbers, got 4.",
            "1,5, 2,5, 3,5   | Expected 3 numbers, got 6. Use a dot for decimals and commas, spaces or semicolons between numbers.",
            "1, x, 3         | Entry 2: \"x\" is not a number.",
            "a, b, 3         | Entry 1: \"a\" is not a number. 1 more cell needs fixing.",
    })
    void explainsABadVector(String text, String message) {
        assertThat(((ParseResult.Invalid) AnswerParser.parse(THREE, text)).message()).isEqualTo(message);
    }

    @Test
    void namesTheBadEntry() {
        ParseResult.Invalid invalid = (ParseResult.Invalid) AnswerParser.parse(THREE, "1, x, 3");
        assertThat(invalid.cellErrors()).containsExactly(new ParseResult.CellError(1, 0, "Entry 2: \"x\" is not a number."));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "1, 2; 3, 4",
            "'1 2\n3 4'",
            "'1 2\n3 4\n'",
            "[[1, 2], [3, 4]]",
            "[1 2; 3 4]",
            "1 & 2 \\\\ 3 & 4",
    })
    void readsAMatrix(String text) {
        assertThat(AnswerParser.parse(TWO_BY_TWO, text).orElseThrow()).isEqualTo(Answer.matrix(new double[][] {{1, 2}, {3, 4}}));
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', value = {
            "''            | Enter a 2 x 2 matrix.",
            "1, 2, 3, 4    | Expected 2 rows, got 1. Separate rows with a semicolon or a new line.",
            "1; 2; 3       | Expected 2 rows, got 3. Separate rows with a semicolon or a new line.",
            "1, 2; 3       | Row 2 has 1 number; expected 2.",
            "1, 2; 3, 4, 5 | Row 2 has 3 numbers; expected 2. Use a dot for decimals and commas, spaces or semicolons between numbers.",
            "1, 2; 3, y    | Row 2, column 2: \"y\" is not a number.",
    })
    void explainsABadMatrix(String text, String message) {
        assertThat(((ParseResult.Invalid) AnswerParser.parse(TWO_BY_TWO, text)).message()).isEqualTo(message);
    }

    @Test
    void readsCellByCell() {
        assertThat(AnswerParser.parseCells(TWO_BY_TWO, List.of("1,5", " 2 ", "3/4", "\u22124")).orElseThrow())
                .isEqualTo(Answer.matrix(new double[][] {{1.5, 2}, {0.75, -4}}));
        assertThat(AnswerParser.parseRows(TWO_BY_TWO, List.of(List.of("1", "2"), List.of("3", "4"))).orElseThrow())
                .isEqualTo(Answer.matrix(new double[][] {{1, 2}, {3, 4}}));
        assertThat(AnswerParser.parseCells(THREE, List.of("1", "2", "3")).orElseThrow()).isEqualTo(Answer.vector(1, 2, 3));
        assertThat(AnswerParser.parseCells(AnswerShape.number(), List.of("7")).orElseThrow()).isEqualTo(Answer.number(7));
        assertThat(AnswerParser.parseCells(ANIMALS, List.of("dog")).orElseThrow()).isEqualTo(Answer.choice(1));
    }

    @Test
    void namesEveryBadCell() {
        ParseResult.Invalid invalid = (ParseResult.Invalid) AnswerParser.parseCells(TWO_BY_TWO, List.of("1", "2", "", "x"));
        assertThat(invalid.message()).isEqualTo("Row 2, column 1 is empty. 1 more cell needs fixing.");
        assertThat(invalid.cellErrors()).extracting(ParseResult.CellError::row, ParseResult.CellError::col)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 0), org.assertj.core.groups.Tuple.tuple(1, 1));
        assertThat(((ParseResult.Invalid) AnswerParser.parseCells(TWO_BY_TWO, List.of("", " ", "", ""))).message())
                .isEqualTo("Fill in every cell: 4 are empty.");
        assertThat(((ParseResult.Invalid) AnswerParser.parseCells(TWO_BY_TWO, List.of("1"))).message())
                .isEqualTo("Expected 4 boxes to be filled in, got 1.");
        assertThat(((ParseResult.Invalid) AnswerParser.parseRows(TWO_BY_TWO, List.of(List.of("1", "2"), List.of("3")))).message())
                .isEqualTo("Row 2 has 1 cell; expected 2.");
        assertThat(((ParseResult.Invalid) AnswerParser.parseCells(THREE, java.util.Arrays.asList("1", null, "3"))).message())
                .isEqualTo("Entry 2 is empty.");
    }

    @ParameterizedTest(name = "\"{0}\" -> option {1}")
    @CsvSource(delimiter = '|', value = {"dog | 1", "' DOG ' | 1", "B | 1", "b | 1", "3 | 2", "cat | 0"})
    void readsAChoice(String text, int index) {
        assertThat(AnswerParser.parse(ANIMALS, text).orElseThrow()).isEqualTo(Answer.choice(index));
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', value = {
            "''    | Pick one of the options.",
            "D     | There is no option D; pick A to C.",
            "4     | There is no option 4; pick 1 to 3.",
            "horse | \"horse\" is not one of the options; pick A to C.",
    })
    void explainsABadChoice(String text, String message) {
        assertThat(((ParseResult.Invalid) AnswerParser.parse(ANIMALS, text)).message()).isEqualTo(message);
    }

    @Test
    void matchesOptionsWrittenInKatex() {
        AnswerShape.Choice weights = AnswerShape.choice("$u = (1, -2)$", "$u = (-2, 1)$");
        assertThat(AnswerParser.parse(weights, "u=(-2,1)").orElseThrow()).isEqualTo(Answer.choice(1));
        assertThat(AnswerParser.parse(weights, "u = (1, \u22122)").orElseThrow()).isEqualTo(Answer.choice(0));
    }

    @Test
    void formatsAnswersAsTextItReadsBack() {
        assertThat(AnswerParser.format(TWO_BY_TWO, Answer.matrix(new double[][] {{1, 2.5}, {-3, 1.0 / 3}}))).isEqualTo("1, 2.5; -3, 0.333333");
        assertThat(AnswerParser.format(THREE, Answer.vector(1, 2, 3))).isEqualTo("1, 2, 3");
        assertThat(AnswerParser.format(AnswerShape.number(), Answer.number(-0.5))).isEqualTo("-0.5");
        assertThat(AnswerParser.format(ANIMALS, Answer.choice(2))).isEqualTo("ship");
        for (Answer answer : List.of(Answer.matrix(new double[][] {{1, 2}, {3, 4}}), Answer.vector(1, 2, 3), Answer.choice(1))) {
            AnswerShape shape = answer instanceof Answer.Choice ? ANIMALS : answer.equals(Answer.vector(1, 2, 3)) ? THREE : TWO_BY_TWO;
            assertThat(AnswerParser.parse(shape, AnswerParser.format(shape, answer)).orElseThrow()).isEqualTo(answer);
        }
        assertThatThrownBy(() -> AnswerParser.format(THREE, Answer.number(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aValidResultHasItsAnswer() {
        ParseResult ok = AnswerParser.parseNumber("2");
        assertThat(ok.parsed()).contains(Answer.number(2));
        assertThat(AnswerParser.parseNumber("x").parsed()).isEmpty();
        assertThat(AnswerParser.parse(AnswerShape.number(), null).isValid()).isFalse();
    }
}
