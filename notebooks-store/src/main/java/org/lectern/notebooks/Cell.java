package org.lectern.notebooks;

import java.util.List;
import java.util.Objects;

/**
 * One notebook cell; {@code executionCount} is null for markdown, raw and never-run code cells. {@code attachments}
 * are a Markdown cell's images ({@code ![x](attachment:name.png)}): file name to PNG or JPEG base64.
 */
public record Cell(Type type, String source, List<Output> outputs, Integer executionCount,
                   java.util.Map<String, Attachment> attachments, Nbgrader nbgrader) {

    /**
     * nbgrader's cell metadata (jupyter/nbgrader, nbgraderformat v3): an autograded answer cell has {@code solution};
     * an autograder test cell has {@code grade} and {@code locked} (not solution), worth {@code points}.
     */
    public record Nbgrader(String gradeId, boolean grade, boolean solution, boolean locked, double points) {

        /** An autograder test cell: graded, not an answer. */
        public boolean isTest() {
            return grade && !solution;
        }
    }

    public Cell(Type type, String source, List<Output> outputs, Integer executionCount, java.util.Map<String, Attachment> attachments) {
        this(type, source, outputs, executionCount, attachments, null);
    }

    /** One attached image: its media type (image/png or image/jpeg) and base64 data. */
    public record Attachment(String mediaType, String base64) {
    }

    public Cell(Type type, String source, List<Output> outputs, Integer executionCount) {
        this(type, source, outputs, executionCount, java.util.Map.of(), null);
    }

    public enum Type { CODE, MARKDOWN, RAW }

    public Cell {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        outputs = List.copyOf(outputs);
        attachments = attachments == null ? java.util.Map.of() : java.util.Map.copyOf(attachments);
    }
}
