package org.lectern.grading.plagiarism;

/**
 * Where a line of a notebook's compared code came from.
 *
 * @param cell 1-based position of the cell in the notebook, counting every cell (markdown too), as Jupyter's
 *     {@code In[k]} and the autograder's messages do
 * @param line 1-based line within the cell; 0 for the {@code # In[k]:} line the conversion puts before each cell
 */
public record CellPosition(int cell, int line) {
}
