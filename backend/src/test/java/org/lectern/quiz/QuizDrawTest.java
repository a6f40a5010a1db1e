package org.lectern.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuizDrawTest {

    /** Pool 1: questions 10..14, draw 2. Pool 2: question 20, draw 1. Pool 3: 30, 31, 32, draw all 3. */
    static final List<QuizDraw.Pool> POOLS = List.of(
            new QuizDraw.Pool(1, 2, List.of(10L, 11L, 12L, 13L, 14L)),
            new QuizDraw.Pool(2, 1, List.of(20L)),
            new QuizDraw.Pool(3, 3, List.of(30L, 31L, 32L)));

    @ParameterizedTest(name = "seed {0}, shuffle {1}")
    @CsvSource({"1, false", "1, true", "42, false", "42, true", "-7, true", "9223372036854775807, true"})
    void everyPoolGivesItsDrawAndTheSameSeedTheSameDraw(long seed, boolean shuffle) {
        List<Long> drawn = QuizDraw.draw(POOLS, seed, shuffle);
        assertThat(drawn).hasSize(6).doesNotHaveDuplicates();
        assertThat(drawn.stream().filter(id -> id >= 10 && id < 15)).hasSize(2);
        assertThat(drawn).contains(20L, 30L, 31L, 32L);
        assertThat(QuizDraw.draw(POOLS, seed, shuffle)).isEqualTo(drawn);
        if (!shuffle) {
            // Pools in order, each pool's questions in the instructor's order.
            assertThat(drawn.subList(0, 2)).isSorted();
            assertThat(drawn.subList(2, 6)).containsExactly(20L, 30L, 31L, 32L);
        }
    }

    @Test
    void differentSeedsDrawDifferentlyAndEveryQuestionGetsDrawn() {
        Set<List<Long>> draws = new HashSet<>();
        Set<Long> seen = new HashSet<>();
        LongStream.range(0, 200).forEach(seed -> {
            List<Long> d = QuizDraw.draw(POOLS, seed, true);
            draws.add(d);
            seen.addAll(d);
        });
        assertThat(draws.size()).isGreaterThan(100);
        assertThat(seen).containsExactlyInAnyOrder(10L, 11L, 12L, 13L, 14L, 20L, 30L, 31L, 32L);
    }

    @Test
    void aFixedSeedGivesAFixedDraw() {
        // Random's algorithm is part of its specification: this holds on every JVM.
        assertThat(QuizDraw.draw(POOLS, 12345L, true)).isEqualTo(QuizDraw.draw(POOLS, 12345L, true));
        assertThat(QuizDraw.draw(POOLS, 12345L, true)).isNotEqualTo(QuizDraw.draw(POOLS, 12345L, false));
    }

    @ParameterizedTest(name = "seed {0}: option order is a stable permutation")
    @CsvSource({"1", "2", "3", "99"})
    void optionsAreShuffledPerStudentOnlyWhenTheQuizShuffles(long seed) {
        List<Integer> order = QuizDraw.optionOrder(seed, 10, 5, true);
        assertThat(order).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(QuizDraw.optionOrder(seed, 10, 5, true)).isEqualTo(order);
        assertThat(QuizDraw.optionOrder(seed, 10, 5, false)).containsExactly(0, 1, 2, 3, 4);
    }
}
