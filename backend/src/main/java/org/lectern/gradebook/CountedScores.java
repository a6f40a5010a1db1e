package org.lectern.gradebook;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.lectern.assignment.Assignment;

/**
 * The gradebook's port for autograded assignments: each student's counted version with its grading total. The
 * grading feature implements it for every kind of assignment (it reads the assignment's kind); the gradebook
 * applies late days, visibility and role checks itself. Features that grade by themselves report through
 * {@link ScoreReported} instead.
 */
public interface CountedScores {

    /** When the counted version was submitted, and its total out of {@code possible} once graded (null while not). */
    record Counted(Instant submittedAt, BigDecimal total, BigDecimal possible) {
    }

    /** Per student account. */
    Map<Long, Counted> forAssignment(Assignment assignment);
}
