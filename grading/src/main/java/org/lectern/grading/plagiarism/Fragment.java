package org.lectern.grading.plagiarism;

/**
 * One matched piece of code, the same token sequence on both sides of a pair.
 *
 * @param first where it lies in the pair's first candidate
 * @param second where it lies in the pair's second candidate
 * @param tokens its length in tokens
 */
public record Fragment(Span first, Span second, int tokens) {

    /**
     * A stretch of one file. Lines and columns are 1-based and refer to {@link ComparedFile#text()}; the end column is
     * that of the last character of the last matched token.
     *
     * @param file the file name as submitted (e.g. {@code "hw2.ipynb"})
     * @param startCell for a notebook, the cell of the start line; null for plain files
     * @param endCell for a notebook, the cell of the end line; null for plain files
     */
    public record Span(String file, int startLine, int startColumn, int endLine, int endColumn, CellPosition startCell,
            CellPosition endCell) {
    }
}
