package org.lectern.notebooks;

/**
 * One IPython-only statement left out of the extracted module. {@code cell} is the 1-based position of the
 * cell in the notebook (counting every cell, so staff and students can find it), {@code line} the 1-based
 * line within that cell.
 */
public record Removal(int cell, int line, String text, String reason) {}
