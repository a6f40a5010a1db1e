package org.lectern.paper;

import java.math.BigDecimal;

/** A presentation role's grade: who played it, the score (null until graded) and the comment. */
public record RoleGrade(long paperId, int position, String role, long accountId, String name, BigDecimal score, String comment) {
}
