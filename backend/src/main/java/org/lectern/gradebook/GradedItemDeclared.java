package org.lectern.gradebook;

import java.math.BigDecimal;

/**
 * A feature that grades something (a quiz, an exercise set) announces it, so the gradebook places it
 * in a category: it takes the place of a same-named placeholder (quiz1 for Quiz1) or joins the
 * category's end. Published inside the creating transaction; a category that does not exist refuses
 * the whole creation.
 *
 * @param category a category name of the course's grading policy; null or blank keeps a same-named placeholder, else
 *                 puts the item in {@link PolicyDocument#NOT_COUNTED} (a column worth nothing)
 */
public record GradedItemDeclared(long courseId, String shortName, BigDecimal points, String category) {
}
