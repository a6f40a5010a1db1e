package org.lectern.written;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lectern.written.GradingSplit.Answer;
import org.lectern.written.GradingSplit.Mode;
import org.lectern.written.GradingSplit.Person;

/** Who grades which answer: one row per case, written as "question/student=grader" for each answer that has one. */
class GradingSplitTest {

    static final Person TA_A = new Person(100, "AA");
    static final Person TA_B = new Person(101, "AB");
    static final Person TA_A2 = new Person(102, " aa ");
    static final List<Person> STUDENTS = List.of(new Person(3, "AB"), new Person(1, "AA"), new Person(2, "AA"), new Person(4, null));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("none: nobody assigned", Mode.NONE, List.of(TA_A, TA_B), List.of(10L), Map.of(), ""),
                Arguments.of("no TAs: nobody assigned", Mode.EVEN, List.of(), List.of(10L), Map.of(), ""),
                Arguments.of("even: students in account order dealt round, one grader per student", Mode.EVEN, List.of(TA_B, TA_A), List.of(10L, 11L),
                        Map.of(), "10/1=100 10/2=101 10/3=100 10/4=101 11/1=100 11/2=101 11/3=100 11/4=101"),
                Arguments.of("section: own section's TA; no section: anyone", Mode.SECTION, List.of(TA_A, TA_B), List.of(10L), Map.of(),
                        "10/1=100 10/2=100 10/3=101"),
                Arguments.of("section with two TAs (case and spaces ignored): spread", Mode.SECTION, List.of(TA_A, TA_A2), List.of(10L), Map.of(),
                        "10/1=100 10/2=102"),
                Arguments.of("question: named TAs spread, unnamed question anyone's", Mode.QUESTION, List.of(TA_A, TA_B), List.of(10L, 11L),
                        Map.of(10L, Set.of(100L, 101L)), "10/1=100 10/2=101 10/3=100 10/4=101"),
                Arguments.of("question: a named account that is no TA is ignored", Mode.QUESTION, List.of(TA_A), List.of(10L),
                        Map.of(10L, Set.of(999L)), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assigns(String name, Mode mode, List<Person> tas, List<Long> questions, Map<Long, Set<Long>> named, String expected) {
        var out = GradingSplit.assign(mode, tas, STUDENTS, questions, named);
        TreeMap<String, Long> sorted = new TreeMap<>();
        out.forEach((a, g) -> sorted.put(a.questionId() + "/" + a.studentId(), g));
        assertThat(String.join(" ", sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())).isEqualTo(expected);
    }

    @Test
    void aGradersQueueIsTheirsAndNobodys() {
        var out = GradingSplit.assign(Mode.SECTION, List.of(TA_A, TA_B), STUDENTS, List.of(10L), Map.of());
        assertThat(GradingSplit.mine(out, new Answer(10, 1), 100)).isTrue();
        assertThat(GradingSplit.mine(out, new Answer(10, 3), 100)).isFalse();
        assertThat(GradingSplit.mine(out, new Answer(10, 4), 100)).isTrue(); // no section: anyone's
    }

    @Test
    void unknownModesAreRefused() {
        assertThat(Mode.parse(" Even ")).isEqualTo(Mode.EVEN);
        assertThat(Mode.parse(null)).isEqualTo(Mode.NONE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Mode.parse("random")).isInstanceOf(IllegalArgumentException.class);
    }
}
