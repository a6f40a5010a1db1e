package org.lectern.exercise;

import java.math.BigDecimal;

/** An exercise staff attached to a course: a generator, a lecture, attempts allowed, points in the gradebook. */
public record Exercise(long id, long courseId, Long lectureId, String generatorKey, String shortName, String title, int maxAttempts,
                       BigDecimal points, String category) {
}
