package org.lectern.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RosterCsvTest {

    static Stream<Arguments> readableFiles() {
        return Stream.of(
                Arguments.of("Lectern's own columns",
                        "name,email,role,section\nAda Lovelace,ada@uni.edu,student,AA\n",
                        List.of(new RosterCsv.Row(2, "Ada Lovelace", "ada@uni.edu", "student", "AA", ""))),
                Arguments.of("header case and spacing, byte-order mark",
                        "\uFEFF Name , E-mail ,Role\n Alan Turing , alan@uni.edu ,TA\n",
                        List.of(new RosterCsv.Row(2, "Alan Turing", "alan@uni.edu", "TA", "", ""))),
                Arguments.of("Canvas export: sortable name, login id, points-possible row, SIS id",
                        "Student,Sortable Name,ID,SIS User ID,SIS Login ID,Section,Role\n"
                                + "    Points Possible,,,,,,\n"
                                + ",\"Hopper, Grace\",123,9001,grace@uni.edu,CSE 493 AA,StudentEnrollment\n",
                        List.of(new RosterCsv.Row(3, "Grace Hopper", "grace@uni.edu", "StudentEnrollment", "CSE 493 AA", "9001", "grace@uni.edu"))),
                Arguments.of("quoted comma in a name, blank lines skipped, row numbers kept",
                        "name,email\n\n\"Lovelace, Ada (she/her)\",ada@uni.edu\n\nBob,bob@uni.edu\n",
                        List.of(new RosterCsv.Row(3, "Lovelace, Ada (she/her)", "ada@uni.edu", "", "", ""),
                                new RosterCsv.Row(5, "Bob", "bob@uni.edu", "", "", ""))),
                Arguments.of("missing cells stay empty for the plan to judge",
                        "name,email,role\nNo Mail,,student\n",
                        List.of(new RosterCsv.Row(2, "No Mail", "", "student", "", ""))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readableFiles")
    void readsRows(String what, String csv, List<RosterCsv.Row> expected) {
        RosterCsv.Parsed parsed = RosterCsv.parse(csv);
        assertThat(parsed.fileProblems()).isEmpty();
        assertThat(parsed.rows()).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> unreadableFiles() {
        return Stream.of(
                Arguments.of("", "The file is empty."),
                Arguments.of("\n\n", "The file is empty."),
                Arguments.of("name,role\nAda,student\n", "no e-mail column"),
                Arguments.of("email,role\nada@uni.edu,student\n", "name column"),
                Arguments.of("name,email\n", "no people"),
                Arguments.of("name,email\n\"Ada,ada@uni.edu\n", "not valid CSV"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unreadableFiles")
    void namesWhatIsWrongWithTheFile(String csv, String problem) {
        RosterCsv.Parsed parsed = RosterCsv.parse(csv);
        assertThat(parsed.readable()).isFalse();
        assertThat(parsed.fileProblems()).anySatisfy(p -> assertThat(p).contains(problem));
    }
}
