package org.lectern.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The export Canvas imports into its existing assignments and rows (the layout of Canvas's own export, see CanvasScoreSheetTest). */
class CanvasGradeCsvTest {

    static final List<CanvasGradeCsv.Item> ITEMS = List.of(new CanvasGradeCsv.Item("A1", BigDecimal.TEN),
            new CanvasGradeCsv.Item("Quiz2", new BigDecimal("5")));

    static CanvasGradeCsv.Student ada(String canvasId, String login) {
        return new CanvasGradeCsv.Student("Ada Lovelace", canvasId, "1921337", login, "ada@uw.edu", "AA",
                Map.of("A1", new BigDecimal("9.5")));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("linked to Canvas, NetID login", Map.of("A1", "88012"), ada("104417", "adal"),
                        "Student,ID,SIS User ID,SIS Login ID,Section,A1 (88012),Quiz2",
                        "\"Lovelace, Ada\",104417,1921337,adal,AA,9.50,"),
                Arguments.of("not linked yet: no ID, plain headers", Map.of(), ada(null, "adal"),
                        "Student,ID,SIS User ID,SIS Login ID,Section,A1,Quiz2",
                        "\"Lovelace, Ada\",,1921337,adal,AA,9.50,"),
                Arguments.of("no login on the roster: the e-mail, as Canvas schools with e-mail logins have it",
                        Map.of("Quiz2", "88013"), ada("104417", null),
                        "Student,ID,SIS User ID,SIS Login ID,Section,A1,Quiz2 (88013)",
                        "\"Lovelace, Ada\",104417,1921337,ada@uw.edu,AA,9.50,"),
                Arguments.of("an id that is not a number never reaches Canvas", Map.of(), ada("10441 OR 1=1", "adal"),
                        "Student,ID,SIS User ID,SIS Login ID,Section,A1,Quiz2",
                        "\"Lovelace, Ada\",,1921337,adal,AA,9.50,"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void writesWhatCanvasMatchesOn(String name, Map<String, String> links, CanvasGradeCsv.Student student, String header, String row) {
        String[] lines = CanvasGradeCsv.write(ITEMS, links, List.of(student)).split("\r\n");
        assertThat(lines[0]).isEqualTo(header);
        assertThat(lines[1]).isEqualTo("\"    Points Possible\",,,,,10.00,5.00");
        assertThat(lines[2]).isEqualTo(row);
    }

    @Test
    void aFormulaInANameIsNeutralised() {
        var s = new CanvasGradeCsv.Student("=HYPERLINK(\"x\") Eve", "1", null, "=cmd", "eve@uw.edu", null, Map.of());
        String csv = CanvasGradeCsv.write(ITEMS, Map.of(), List.of(s));
        assertThat(csv).doesNotContain(",=").doesNotContain("\"=");
    }

    @Test
    void whatLecternWritesCanvasFormatReadsBackIntoTheSameScores() {
        String csv = CanvasGradeCsv.write(ITEMS, Map.of("A1", "88012", "Quiz2", "88013"),
                List.of(new CanvasGradeCsv.Student("Ada Lovelace", "104417", "1921337", "adal", "ada@uw.edu", "AA",
                        Map.of("A1", new BigDecimal("9.5"), "Quiz2", new BigDecimal("4")))));
        var p = ScoreSheet.read(csv, Map.of("A1", BigDecimal.TEN, "Quiz2", new BigDecimal("5")),
                new ScoreSheet.Students(Set.of("ada@uw.edu"), Map.of("adal", "ada@uw.edu"), Map.of()));
        assertThat(p.hasErrors()).isFalse();
        assertThat(p.lines().getFirst().cells()).containsExactlyInAnyOrder(new ScoreSheet.Cell("A1", new BigDecimal("9.50"), false),
                new ScoreSheet.Cell("Quiz2", new BigDecimal("4.00"), false));
        assertThat(p.canvasItems()).containsOnly(Map.entry("A1", "88012"), Map.entry("Quiz2", "88013"));
        assertThat(p.canvasUsers()).containsOnly(Map.entry("ada@uw.edu", "104417"));
    }
}
