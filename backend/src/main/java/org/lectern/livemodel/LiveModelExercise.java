package org.lectern.livemodel;

/** A live model exercise, shown beside its lecture on the schedule. */
public record LiveModelExercise(long id, long courseId, Long lectureId, String modelKey, String shortName, String title) {
}
