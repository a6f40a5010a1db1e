package org.lectern.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
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
}
