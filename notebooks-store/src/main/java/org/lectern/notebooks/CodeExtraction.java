package org.lectern.notebooks;

import java.util.List;
import java.util.Objects;

/** A submission as one importable Python module, and what had to be dropped to make it one. */
public record CodeExtraction(String python, List<Removal> removals) {

    public CodeExtraction {
        Objects.requireNonNull(python, "python");
        removals = List.copyOf(removals);
    }
}
