package org.lectern.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lectern.project.TeamRules.ItemSizes;
import org.lectern.project.TeamRules.Limits;

class TeamItemSizesTest {

    /** CSE 493G1: teams of up to 3. */
    static final Limits UP_TO_3 = new Limits(1, 3, null);
    /** COMP541: teams of 2 to 3. */
    static final Limits TWO_TO_3 = new Limits(2, 3, null);

    static Stream<Arguments> items() {
        return Stream.of(
                // course, item min, item max, team size, member submits?, refusal (null: accepted)
                Arguments.of(UP_TO_3, null, null, 1, true, null),
                Arguments.of(UP_TO_3, null, null, 3, true, null),
                Arguments.of(UP_TO_3, null, null, 4, true,
                        "This item takes teams of 1–3; your team has 4 members: ask staff to move a member to another team before submitting."),
                Arguments.of(TWO_TO_3, null, null, 1, true,
                        "This item takes teams of 2–3; your team has 1 member: ask staff to place a classmate in it before submitting."),
                Arguments.of(UP_TO_3, 2, null, 1, true,
                        "This item takes teams of 2–3; your team has 1 member: ask staff to place a classmate in it before submitting."),
                Arguments.of(UP_TO_3, 2, null, 2, true, null),
                Arguments.of(UP_TO_3, 2, 3, 1, false,
                        "This item takes teams of 2–3; their team has 1 member: ask staff to place a classmate in it before submitting."),
                Arguments.of(TWO_TO_3, null, 2, 3, true,
                        "This item takes teams of 2; your team has 3 members: ask staff to move a member to another team before submitting."),
                Arguments.of(TWO_TO_3, 1, null, 1, true, null),
                Arguments.of(TWO_TO_3, 1, 1, 1, true, null),
                // an item's own bound past the course's other bound carries it along
                Arguments.of(UP_TO_3, 4, null, 4, true, null),
                Arguments.of(UP_TO_3, 4, null, 3, false,
                        "This item takes teams of 4; their team has 3 members: ask staff to place a classmate in it before submitting."),
                Arguments.of(TWO_TO_3, null, 1, 1, true, null),
                Arguments.of(UP_TO_3, 3, 5, 5, true, null));
    }

    @ParameterizedTest(name = "course {0}, item {1}..{2}, team of {3}")
    @MethodSource("items")
    void aTeamOutsideTheItemsRangeCannotSubmit(Limits course, Integer min, Integer max, int members, boolean self, String refusal) {
        assertThat(ItemSizes.of(course, min, max).submit(members, self).orElse(null)).isEqualTo(refusal);
    }

    @ParameterizedTest(name = "course {0}, item {1}..{2}")
    @MethodSource("notes")
    void theItemsPageSaysItsTeamSizeWhenItDiffersFromTheCourses(Limits course, Integer min, Integer max, String note) {
        assertThat(ItemSizes.of(course, min, max).noteAgainst(ItemSizes.of(course, null, null)).orElse(null)).isEqualTo(note);
    }

    static Stream<Arguments> notes() {
        return Stream.of(
                Arguments.of(UP_TO_3, null, null, null),
                Arguments.of(UP_TO_3, 1, 3, null),
                Arguments.of(TWO_TO_3, 2, null, null),
                Arguments.of(UP_TO_3, 2, 3, "This item takes teams of 2–3 (the course's teams are 1–3)."),
                Arguments.of(TWO_TO_3, null, 2, "This item takes teams of 2 (the course's teams are 2–3)."));
    }
}
