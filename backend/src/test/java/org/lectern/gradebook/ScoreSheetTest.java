package org.lectern.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScoreSheetTest {

    static final Map<String, BigDecimal> ITEMS = new LinkedHashMap<>(Map.of("quiz1", BigDecimal.TEN, "A1", BigDecimal.valueOf(100)));
    static final Set<String> STUDENTS = Set.of("ada@uni.edu", "alan@uni.edu");

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("Ada,ada@uni.edu,9.5,", "", 1),
                Arguments.of("Ada,ADA@uni.edu ,EX,88", "", 2),
                Arguments.of("Ada,ada@uni.edu,'7,", "", 1),
                Arguments.of("Bob,bob@uni.edu,5,", "'bob@uni.edu' is not a student", 1),
                Arguments.of("Ada,ada@uni.edu,five,", "quiz1: 'five' is not a number", 0),
                Arguments.of("Ada,ada@uni.edu,-1,", "cannot be negative", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void judgesEachRow(String row, String problem, int cells) {
        var p = ScoreSheet.read("Student,Email,quiz1,A1\n" + row + "\n", ITEMS, STUDENTS);
        assertThat(p.fileProblems()).isEmpty();
        var line = p.lines().getFirst();
        assertThat(line.rowNumber()).isEqualTo(2);
        if (problem.isEmpty()) {
            assertThat(line.problems()).isEmpty();
        } else {
            assertThat(String.join(" ", line.problems())).contains(problem);
        }
        assertThat(line.cells()).hasSize(cells);
    }

    @Test
    void theFileItselfIsCheckedFirst() {
        assertThat(ScoreSheet.read("Student,quiz1\nAda,1\n", ITEMS, STUDENTS).fileProblems()).containsExactly("The header has no Email column.");
        assertThat(ScoreSheet.read("Email,quiz9\nada@uni.edu,1\n", ITEMS, STUDENTS).fileProblems().getFirst()).contains("'quiz9' is not a gradebook item");
    }

    @Test
    void ourOwnExportReadsBackAndDuplicatesAreNamed() {
        var p = ScoreSheet.read("Student,Email,SIS User ID,Section,quiz1,A1,Late days used,Late days left,Total %,Letter\n"
                + "Ada,ada@uni.edu,,AA,8,120,0,5,80,B\nAda,ada@uni.edu,,AA,9,,0,5,90,A\n", ITEMS, STUDENTS);
        assertThat(p.lines().get(0).problems()).isEmpty();
        assertThat(p.lines().get(1).problems()).containsExactly("ada@uni.edu also appears on row 2.");
        assertThat(p.notes()).singleElement().asString().contains("120 is above the 100 points possible");
    }
}
