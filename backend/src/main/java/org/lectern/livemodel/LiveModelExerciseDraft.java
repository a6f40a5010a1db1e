package org.lectern.livemodel;

/**
 * What staff give to create a live model exercise.
 *
 * @param modelKey  which course model answers: {@code digits-cnn} (the only one so far); null for it
 * @param shortName 1 to 32 letters, digits, '-', '_' or '.'
 * @param title     shown on the schedule; null for the model's own title
 * @param lectureId the lecture it belongs to, or null
 */
public record LiveModelExerciseDraft(String modelKey, String shortName, String title, Long lectureId) {
}
