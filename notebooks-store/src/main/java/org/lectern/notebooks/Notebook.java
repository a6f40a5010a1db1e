package org.lectern.notebooks;

import java.util.List;
import java.util.Objects;

/** A Jupyter notebook (nbformat 4) reduced to what grading and display need. */
public record Notebook(List<Cell> cells, String language) {

    public Notebook {
        cells = List.copyOf(cells);
        Objects.requireNonNull(language, "language");
    }

    /** Reads an .ipynb file; throws {@link NotebookFormatException} with a message the student can act on. */
    public static Notebook parse(byte[] json) {
        return NotebookParser.parse(json);
    }
}
