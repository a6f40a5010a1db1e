package org.lectern.written;

import java.math.BigDecimal;
import java.time.Instant;

/** A regrade request on one question; {@code answeredAt} null while it waits for staff. */
public record RegradeRequest(long id, long questionId, int questionNumber, long accountId, String reason, Instant askedAt,
                             BigDecimal scoreBefore, String answer, BigDecimal scoreAfter, Instant answeredAt, long assignmentId,
                             String assignmentName, String questionTitle, String studentName) {

    public boolean open() {
        return answeredAt == null;
    }
}
