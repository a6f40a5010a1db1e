package org.lectern.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RosterPlanTest {

    private static final Map<String, Member> MEMBERS = Map.of(
            "prof@uni.edu", new Member(1, "Prof", "prof@uni.edu", CourseRole.INSTRUCTOR, null, null, true),
            "ta@uni.edu", new Member(2, "Tee", "ta@uni.edu", CourseRole.TA, "AA", null, true));
    private static final Set<String> ACCOUNTS = Set.of("prof@uni.edu", "ta@uni.edu", "known@uni.edu");
    private static final Set<String> SECTIONS = Set.of("AA", "AB");

    private static RosterPlan.Line single(String row) {
        var preview = RosterPlan.preview(RosterCsv.parse("name,email,role,section\n" + row), MEMBERS, ACCOUNTS, SECTIONS, "prof@uni.edu");
        assertThat(preview.lines()).hasSize(1);
        return preview.lines().getFirst();
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("New Person,new@uni.edu,student,AA", RosterPlan.Action.NEW_ACCOUNT, CourseRole.STUDENT, "New account"),
                Arguments.of("Known,KNOWN@uni.edu ,,", RosterPlan.Action.ADD, CourseRole.STUDENT, ""),
                Arguments.of("Tee,ta@uni.edu,TaEnrollment,AA", RosterPlan.Action.UNCHANGED, CourseRole.TA, ""),
                Arguments.of("Tee,ta@uni.edu,student,aa", RosterPlan.Action.UPDATE, CourseRole.STUDENT, "Role changes from TA to Student"),
                Arguments.of("Tee,ta@uni.edu,ta,AB", RosterPlan.Action.UPDATE, CourseRole.TA, "Section changes to AB"),
                Arguments.of("Known,known@uni.edu,student,ZZ", RosterPlan.Action.ADD, CourseRole.STUDENT, "New section 'ZZ' will be created"),
                Arguments.of(",x@uni.edu,student,", RosterPlan.Action.ERROR, CourseRole.STUDENT, "Name is missing"),
                Arguments.of("No Mail,,student,", RosterPlan.Action.ERROR, CourseRole.STUDENT, "E-mail is missing"),
                Arguments.of("Bad,bob@,student,", RosterPlan.Action.ERROR, CourseRole.STUDENT, "'bob@' is not a valid e-mail address"),
                Arguments.of("Bad,bob at uni.edu,student,", RosterPlan.Action.ERROR, CourseRole.STUDENT, "not a valid e-mail"),
                Arguments.of("Who,who@uni.edu,wizard,", RosterPlan.Action.ERROR, CourseRole.STUDENT, "Unknown role 'wizard'"),
                Arguments.of("Prof,prof@uni.edu,student,", RosterPlan.Action.ERROR, CourseRole.STUDENT, "your own instructor role"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("rows")
    void judgesEachRow(String row, RosterPlan.Action action, CourseRole role, String message) {
        RosterPlan.Line line = single(row);
        assertThat(line.action()).isEqualTo(action);
        if (action != RosterPlan.Action.ERROR) {
            assertThat(line.role()).isEqualTo(role);
        }
        List<String> texts = action == RosterPlan.Action.ERROR ? line.problems() : line.notes();
        if (message.isEmpty()) {
            assertThat(texts).isEmpty();
        } else {
            assertThat(String.join(" ", texts)).contains(message);
        }
    }

    @Test
    void duplicateEmailNamesTheEarlierRowAndBlocksTheWholeImport() {
        var preview = RosterPlan.preview(RosterCsv.parse("name,email\nA,a@uni.edu\nB,b@uni.edu\nA again,A@uni.edu\n"),
                MEMBERS, ACCOUNTS, SECTIONS, "prof@uni.edu");
        assertThat(preview.hasErrors()).isTrue();
        assertThat(preview.errors()).singleElement().satisfies(l -> {
            assertThat(l.row().rowNumber()).isEqualTo(4);
            assertThat(l.problems()).containsExactly("Duplicate e-mail a@uni.edu: also on row 2.");
        });
        assertThat(preview.count(RosterPlan.Action.NEW_ACCOUNT)).isEqualTo(2);
    }

    @Test
    void aNewSectionIsAnnouncedOnce() {
        var preview = RosterPlan.preview(RosterCsv.parse("name,email,section\nA,a@uni.edu,BB\nB,b@uni.edu,bb\n"),
                MEMBERS, ACCOUNTS, SECTIONS, "prof@uni.edu");
        assertThat(preview.newSections()).containsExactly("BB");
        assertThat(preview.lines()).extracting(RosterPlan.Line::section).containsExactly("BB", "BB");
    }

    @Test
    void anUnreadableFileIsOneProblemAndNoLines() {
        var preview = RosterPlan.preview(RosterCsv.parse("just,some,columns\n1,2,3\n"), MEMBERS, ACCOUNTS, SECTIONS, "prof@uni.edu");
        assertThat(preview.hasErrors()).isTrue();
        assertThat(preview.lines()).isEmpty();
        assertThat(preview.fileProblems()).isNotEmpty();
    }
}
