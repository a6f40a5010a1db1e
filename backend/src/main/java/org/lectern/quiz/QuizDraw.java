package org.lectern.quiz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Which questions a student gets, and in what order: from each pool, {@code draw} questions chosen
 * by a seeded shuffle; then, if the quiz shuffles, the whole list shuffled again. The same seed
 * always gives the same draw ({@link Random}'s algorithm is fixed by its specification), so a draw
 * can be recomputed and checked; attempts store theirs anyway so editing pools never changes it.
 */
public final class QuizDraw {

    private QuizDraw() {
    }

    /** A pool: its id and question ids in the order the instructor wrote them. */
    public record Pool(long id, int draw, List<Long> questionIds) {
    }

    public static List<Long> draw(List<Pool> pools, long seed, boolean shuffle) {
        List<Long> drawn = new ArrayList<>();
        for (Pool p : pools) {
            List<Long> ids = new ArrayList<>(p.questionIds());
            if (p.draw() < ids.size()) {
                Collections.shuffle(ids, new Random(mix(seed, p.id())));
                List<Long> chosen = new ArrayList<>(ids.subList(0, p.draw()));
                // Without a quiz-wide shuffle the drawn questions keep the instructor's order.
                chosen.sort((a, b) -> Integer.compare(p.questionIds().indexOf(a), p.questionIds().indexOf(b)));
                drawn.addAll(chosen);
            } else {
                drawn.addAll(ids);
            }
        }
        if (shuffle) {
            Collections.shuffle(drawn, new Random(seed));
        }
        return List.copyOf(drawn);
    }

    /** The order in which a question's options are shown: original indices, shuffled per student when the quiz shuffles. */
    public static List<Integer> optionOrder(long seed, long questionId, int optionCount, boolean shuffle) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, optionCount).boxed().toList());
        if (shuffle) {
            Collections.shuffle(order, new Random(mix(seed, ~questionId)));
        }
        return List.copyOf(order);
    }

    private static long mix(long seed, long id) {
        long z = seed + 0x9E3779B97F4A7C15L * (id + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
