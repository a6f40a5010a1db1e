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

/**
 * Canvas's own gradebook export read back as a score sheet. The files follow the layout Canvas's gradebook exporter
 * writes (canvas-lms, lib/gradebook_exporter.rb, and Canvas's guide "How do I export grades in the Gradebook?"):
 * Student, ID (Canvas user id), SIS User ID, SIS Login ID, Section, then one column per assignment headed
 * "Name (assignment id)", then the computed columns (Current/Final/Unposted Points, Score, Grade, per assignment
 * group and overall); a "Points Possible" row under the header with "(read only)" under the computed columns; a
 * "Manual Posting" (older Canvas: "Muted") row when an assignment's grades are posted by hand; Canvas's test student.
 */
class CanvasScoreSheetTest {

    static final Map<String, BigDecimal> ITEMS = new LinkedHashMap<>(Map.of("A1", BigDecimal.TEN, "Quiz2", BigDecimal.valueOf(5)));
    static final ScoreSheet.Students STUDENTS = new ScoreSheet.Students(Set.of("ada@uw.edu", "alan@uw.edu"),
            Map.of("adal", "ada@uw.edu", "aturing", "alan@uw.edu"), Map.of("104417", "ada@uw.edu"));

    static final String HEADER = "Student,ID,SIS User ID,SIS Login ID,Section,A1 (88012),Quiz2 (88013),Midterm (88020),"
            + "Assignments Current Points,Assignments Final Points,Current Points,Final Points,Current Score,"
            + "Unposted Current Score,Final Score,Unposted Final Score,Current Grade,Final Grade\n";
    static final String POINTS = "    Points Possible,,,,,10.00,5.00,40.00,(read only),(read only),(read only),(read only),"
            + "(read only),(read only),(read only),(read only),(read only),(read only)\n";

    static Stream<Arguments> sheets() {
        return Stream.of(
                Arguments.of("a NetID login names the student",
                        HEADER + POINTS + "\"Lovelace, Ada\",104417,1921337,adal,CSE 493G1 AA,9.50,4.00,31,13.5,13.5,13.5,13.5,90,90,25,25,A,F\n",
                        "ada@uw.edu", 2, ""),
                Arguments.of("the Canvas user id names a linked student whose login is unknown",
                        HEADER + POINTS + "\"Lovelace, Ada\",104417,,,CSE 493G1 AA,8,,,,,,,,,,,,\n", "ada@uw.edu", 1, ""),
                Arguments.of("an e-mail login still works",
                        HEADER + POINTS + "\"Turing, Alan\",104418,1921338,alan@uw.edu,CSE 493G1 AB,7,5,,,,,,,,,,,\n",
                        "alan@uw.edu", 2, ""),
                Arguments.of("the Manual Posting row is no student",
                        HEADER + POINTS + ",,,,,Manual Posting,,,,,,,,,,,,\n"
                                + "\"Turing, Alan\",104418,,aturing,CSE 493G1 AB,7,,,,,,,,,,,,\n", "alan@uw.edu", 1, ""),
                Arguments.of("the older Muted row is no student",
                        HEADER + ",,,,,Muted,,,,,,,,,,,,\n" + POINTS
                                + "\"Turing, Alan\",104418,,aturing,CSE 493G1 AB,,EX,,,,,,,,,,,\n", "alan@uw.edu", 1, ""),
                Arguments.of("someone not in the course is named by their login",
                        HEADER + POINTS + "\"Hopper, Grace\",104499,,ghopper,CSE 493G1 AA,7,,,,,,,,,,,,\n", "ghopper", 1,
                        "'ghopper' is not a student in this course."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sheets")
    void readsCanvasExportsAsTheyAre(String name, String csv, String student, int cells, String problem) {
        var p = ScoreSheet.read(csv, ITEMS, STUDENTS);
        assertThat(p.fileProblems()).isEmpty();
        assertThat(p.lines()).hasSize(1);
        var line = p.lines().getFirst();
        assertThat(line.email()).isEqualTo(student);
        assertThat(line.cells()).hasSize(cells);
        if (problem.isEmpty()) {
            assertThat(line.problems()).isEmpty();
        } else {
            assertThat(line.problems()).containsExactly(problem);
        }
        assertThat(p.canvasItems()).containsExactly(Map.entry("A1", "88012"), Map.entry("Quiz2", "88013"));
        assertThat(p.notes()).contains("Column 'Midterm (88020)' is a Canvas assignment that is no Lectern item: passed over.");
    }

    @Test
    void scoresComeFromTheItemColumnsOnlyAndTheIdsReadLinkTheCourse() {
        var p = ScoreSheet.read(HEADER + POINTS
                + "\"Lovelace, Ada\",104417,1921337,adal,CSE 493G1 AA,9.50,EX,31,13.5,13.5,13.5,13.5,90,90,25,25,A,F\n"
                + "\"Turing, Alan\",104418,1921338,aturing,CSE 493G1 AB,,3,,,,,,,,,,,\n", ITEMS, STUDENTS);
        assertThat(p.hasErrors()).isFalse();
        assertThat(p.lines().get(0).cells()).containsExactly(new ScoreSheet.Cell("A1", new BigDecimal("9.50"), false),
                new ScoreSheet.Cell("Quiz2", null, true));
        assertThat(p.lines().get(1).cells()).containsExactly(new ScoreSheet.Cell("Quiz2", new BigDecimal("3"), false));
        assertThat(p.canvasUsers()).containsOnly(Map.entry("ada@uw.edu", "104417"), Map.entry("alan@uw.edu", "104418"));
    }

    @Test
    void canvasTestStudentIsPassedOverWithANote() {
        var p = ScoreSheet.read(HEADER + POINTS + "\"Student, Test\",104500,,0b3c1e9d,CSE 493G1 AA,10,5,,,,,,,,,,,\n"
                + "\"Lovelace, Ada\",104417,,adal,CSE 493G1 AA,9,,,,,,,,,,,,\n", ITEMS, STUDENTS);
        assertThat(p.hasErrors()).isFalse();
        assertThat(p.lines()).singleElement().extracting(ScoreSheet.Line::email).isEqualTo("ada@uw.edu");
        assertThat(p.notes()).contains("Row 3: Canvas's test student, passed over.");
    }

    @Test
    void aColumnThatIsNeitherAnItemNorCanvasIsStillAProblem() {
        var p = ScoreSheet.read("Student,SIS Login ID,A1,Bonus\nAda,adal,9,1\n", ITEMS, STUDENTS);
        assertThat(p.fileProblems()).singleElement().asString().startsWith("Column 'Bonus' is not a gradebook item");
    }

    @Test
    void aUserIdOfAnotherCourseNamesNobody() {
        // An ID column is believed only for students already linked to Canvas: a number alone never picks a student.
        var p = ScoreSheet.read("Student,ID,A1 (88012)\nMallory,104417999,10\n", ITEMS, STUDENTS);
        assertThat(p.lines().getFirst().problems()).containsExactly("'104417999' is not a student in this course.");
        assertThat(p.canvasUsers()).isEmpty();
    }
}
