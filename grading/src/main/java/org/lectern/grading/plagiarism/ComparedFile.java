package org.lectern.grading.plagiarism;

import java.util.List;
import java.util.Optional;

/**
 * A file as JPlag saw it, for the side-by-side view: fragment lines and columns refer to {@link #text()}.
 *
 * @param name the file name as submitted, e.g. {@code "hw2.ipynb"}
 * @param text the compared text: the file itself, or for a notebook its code cells as Python
 * @param cells for a notebook, the cell of each line of {@code text} (element 0 is line 1); empty otherwise
 */
public record ComparedFile(String name, String text, List<CellPosition> cells) {

    public ComparedFile {
        cells = List.copyOf(cells);
    }

    public boolean isNotebook() {
        return !cells.isEmpty();
    }

    /** The notebook cell a 1-based line of {@link #text()} came from; empty for plain files. */
    public Optional<CellPosition> cellAt(int line) {
        return line >= 1 && line <= cells.size() ? Optional.of(cells.get(line - 1)) : Optional.empty();
    }
}
