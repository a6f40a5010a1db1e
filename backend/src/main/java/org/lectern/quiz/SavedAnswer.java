package org.lectern.quiz;

import java.time.Instant;

/** The receipt of a saved answer: when the server stored it, and the attempt's (unchanged) deadline. */
public record SavedAnswer(long attemptId, long questionId, Answer response, Instant savedAt, Instant deadline, long remainingSeconds) {
}
