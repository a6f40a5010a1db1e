package org.lectern.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvCellsTest {

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of("=1+1", "'=1+1"),
                Arguments.of("=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")"),
                Arguments.of("+1", "'+1"),
                Arguments.of("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
                Arguments.of("@SUM(A1:A9)", "'@SUM(A1:A9)"),
                Arguments.of("\t=1", "'\t=1"),
                Arguments.of("\r=1", "'\r=1"),
                Arguments.of("Ada Lovelace", "Ada Lovelace"),
                Arguments.of("ada@uni.edu", "ada@uni.edu"),      // @ inside is harmless
                Arguments.of("a=b", "a=b"),
                Arguments.of("'=1", "'=1"),                      // already text
                Arguments.of("B+", "B+"),
                Arguments.of("", ""),
                Arguments.of(null, ""));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @MethodSource("cells")
    void safe(String cell, String expected) {
        assertThat(CsvCells.safe(cell)).isEqualTo(expected);
    }
}
