package org.lectern.written;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One student's grade on one question as staff see it; {@code gradedAt} null while nobody has graded it. */
public record WrittenGrade(long questionId, long accountId, List<Long> applied, BigDecimal adjustment, String comment, BigDecimal score,
                           Instant gradedAt) {

    public boolean graded() {
        return gradedAt != null;
    }
}
