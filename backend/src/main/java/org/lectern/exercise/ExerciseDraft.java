package org.lectern.exercise;

import java.math.BigDecimal;

/**
 * What staff choose: a generator from the catalog, a short name (its gradebook column), an optional
 * lecture and gradebook category. Null title = the generator's; null attempts = 3; null points = 1.
 */
public record ExerciseDraft(String generatorKey, String shortName, String title, Long lectureId, Integer maxAttempts,
                            BigDecimal points, String category) {
}
