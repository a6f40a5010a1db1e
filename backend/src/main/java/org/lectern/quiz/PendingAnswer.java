package org.lectern.quiz;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A short text answer waiting in the TA grading queue. */
public record PendingAnswer(long attemptId, long quizId, String quizShortName, long questionId, String prompt, BigDecimal points,
                            List<String> accepted, long accountId, String studentName, String studentEmail, String response,
                            Instant finishedAt) {
}
