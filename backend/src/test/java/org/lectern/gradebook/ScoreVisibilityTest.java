package org.lectern.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.lectern.grading.TestVisibility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScoreVisibilityTest {

    static Stream<Arguments> viewers() {
        return Stream.of(
                Arguments.of("a student before release: the public part only", false, false, true, false, false),
                Arguments.of("a student after release: the whole score, private messages as the autograder allows", false, true, true, true,
                        false),
                Arguments.of("staff before release: everything", true, false, true, true, true),
                Arguments.of("staff after release: everything", true, true, true, true, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("viewers")
    void whatAViewerSees(String name, boolean staff, boolean released, boolean publicPart, boolean wholeScore, boolean fullFeedback) {
        ScoreVisibility v = new ScoreVisibility(staff, released);
        assertThat(v.publicPart()).isEqualTo(publicPart);
        assertThat(v.wholeScore()).isEqualTo(wholeScore);
        assertThat(v.fullPrivateFeedback()).isEqualTo(fullFeedback);
    }

    static Stream<Arguments> tests() {
        return Stream.of(
                // own visibility, private file, staff, released, past due -> shown
                Arguments.of(null, false, false, false, false, true),
                Arguments.of(null, true, false, false, true, false),
                Arguments.of(null, true, false, true, false, true),
                Arguments.of(TestVisibility.VISIBLE, false, false, false, false, true),
                Arguments.of(TestVisibility.VISIBLE, true, false, false, true, false), // narrows, never widens
                Arguments.of(TestVisibility.AFTER_DUE_DATE, false, false, false, false, false),
                Arguments.of(TestVisibility.AFTER_DUE_DATE, false, false, false, true, true),
                Arguments.of(TestVisibility.AFTER_DUE_DATE, true, false, true, false, false),
                Arguments.of(TestVisibility.AFTER_DUE_DATE, true, false, true, true, true),
                Arguments.of(TestVisibility.AFTER_PUBLISHED, false, false, false, true, false),
                Arguments.of(TestVisibility.AFTER_PUBLISHED, false, false, true, false, true),
                Arguments.of(TestVisibility.HIDDEN, false, false, true, true, false),
                Arguments.of(TestVisibility.HIDDEN, true, false, true, true, false),
                Arguments.of(TestVisibility.HIDDEN, true, true, false, false, true));
    }

    @ParameterizedTest(name = "{0} in a private file {1}, staff {2}, released {3}, past due {4}: shown {5}")
    @MethodSource("tests")
    void whetherOneTestIsShown(TestVisibility own, boolean privateFile, boolean staff, boolean released, boolean pastDue,
                               boolean shown) {
        assertThat(new ScoreVisibility(staff, released).testShown(own, privateFile, pastDue)).isEqualTo(shown);
    }
}
