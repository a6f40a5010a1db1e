package org.lectern.exercise;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How one part was marked.
 *
 * @param answered      false when nothing was submitted for the part
 * @param score         in [0, 1]: the fraction of cells right (a number or a choice is one cell)
 * @param cellsCorrect  per cell, row-major (a vector's entries in order); all false when the answer
 *                      had the wrong shape
 * @param message       for the student: "Correct.", "5 of 9 cells are right. ..."
 * @param mistake       the known slip the answer matches, if any (its feedback is in the message)
 * @param nextHintIndex the hint to reveal now, when the answer is not fully right and hints are left
 */
public record PartFeedback(String partId, boolean answered, double score, List<Boolean> cellsCorrect, String message,
                           Optional<CommonMistake> mistake, OptionalInt nextHintIndex) {

    public PartFeedback {
        Objects.requireNonNull(partId, "partId");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score is in [0, 1]: " + score);
        }
        cellsCorrect = List.copyOf(cellsCorrect);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(mistake, "mistake");
        Objects.requireNonNull(nextHintIndex, "nextHintIndex");
    }

    public boolean correct() {
        return answered && score == 1.0;
    }

    public long cellsRight() {
        return cellsCorrect.stream().filter(Boolean::booleanValue).count();
    }

    /** Whether the cell at a row-major index (a vector's entry) is right. */
    public boolean cellCorrect(int index) {
        return cellsCorrect.get(index);
    }
}
