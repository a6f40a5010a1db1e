package org.lectern.latepolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AllocationTest {

    static Stream<Arguments> sentences() {
        return Stream.of(
                Arguments.of(Allocation.DEADLINE_ORDER, "Late days go to items in deadline order.", "raise"),
                Arguments.of(Allocation.MAXIMISE_GRADE,
                        "Late days go to the items where they raise your total most, and may move between items as grades come in.",
                        "deadline order"));
    }

    /** What students read about their free days says what the course's policy does, not what another one would. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sentences")
    void explanationMatchesThePolicy(Allocation allocation, String sentence, String wrongFor) {
        assertThat(allocation.explanation()).isEqualTo(sentence).doesNotContain(wrongFor);
    }
}
