package org.lectern.quiz;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A student's response to one question: option indices (0-based, in the question's own order, not
 * the shuffled display order), a number, or a text. An answer with nothing in it clears the response.
 */
public record Answer(List<Integer> choices, BigDecimal number, String text) {

    public Answer {
        choices = choices == null ? List.of() : choices.stream().distinct().sorted().toList();
    }

    public static Answer choices(Integer... indices) {
        return new Answer(List.of(indices), null, null);
    }

    public static Answer number(BigDecimal n) {
        return new Answer(null, n, null);
    }

    public static Answer text(String t) {
        return new Answer(null, null, t);
    }

    public boolean isEmpty() {
        return choices.isEmpty() && number == null && (text == null || text.isBlank());
    }

    /** How it is stored for a question of the given kind; null when empty. */
    public String encode(QuestionKind kind) {
        if (isEmpty()) {
            return null;
        }
        return switch (kind) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> String.join(",", choices.stream().map(String::valueOf).toList());
            case NUMERIC -> number == null ? null : number.toPlainString();
            case SHORT_TEXT -> text;
            case EXERCISE -> throw new IllegalStateException("an exercise question is answered as its student's number or choice");
        };
    }

    /** The stored form back; null stays an empty answer. */
    public static Answer decode(QuestionKind kind, String stored) {
        if (stored == null) {
            return new Answer(null, null, null);
        }
        return switch (kind) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> new Answer(stored.isBlank() ? List.of()
                    : Arrays.stream(stored.split(",")).map(s -> Integer.valueOf(s.strip())).toList(), null, null);
            case NUMERIC -> new Answer(null, new BigDecimal(stored), null);
            case SHORT_TEXT -> new Answer(null, null, stored);
            case EXERCISE -> throw new IllegalStateException("an exercise question is answered as its student's number or choice");
        };
    }
}
