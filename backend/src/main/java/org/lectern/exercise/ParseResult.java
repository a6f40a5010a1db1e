package org.lectern.exercise;

import java.util.List;
import java.util.Optional;

/** What {@link AnswerParser} made of the student's text: an answer, or why there is none. */
public sealed interface ParseResult {

    record Parsed(Answer answer) implements ParseResult {
    }

    /**
     * @param message    for the student ("Row 2, column 1: \"x\" is not a number.")
     * @param cellErrors the cells at fault, for a cell-by-cell input to mark; empty when the whole
     *                   answer is at fault (wrong count of numbers)
     */
    record Invalid(String message, List<CellError> cellErrors) implements ParseResult {
        public Invalid {
            cellErrors = List.copyOf(cellErrors);
        }

        public Invalid(String message) {
            this(message, List.of());
        }
    }

    /** One unreadable cell: 0-based row and column (a vector's entries are rows, column 0). */
    record CellError(int row, int col, String message) {
    }

    default boolean isValid() {
        return this instanceof Parsed;
    }

    default Optional<Answer> parsed() {
        return this instanceof Parsed(Answer a) ? Optional.of(a) : Optional.empty();
    }

    /** The answer, or an {@link InvalidAnswerException} with the student-facing message. */
    default Answer orElseThrow() {
        return switch (this) {
            case Parsed(Answer a) -> a;
            case Invalid(String message, List<CellError> cells) -> throw new InvalidAnswerException(message);
        };
    }
}
