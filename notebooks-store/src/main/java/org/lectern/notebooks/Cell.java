package org.lectern.notebooks;

import java.util.List;
import java.util.Objects;

/** One notebook cell; {@code executionCount} is null for markdown, raw and never-run code cells. */
public record Cell(Type type, String source, List<Output> outputs, Integer executionCount) {

    public enum Type { CODE, MARKDOWN, RAW }

    public Cell {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        outputs = List.copyOf(outputs);
    }
}
