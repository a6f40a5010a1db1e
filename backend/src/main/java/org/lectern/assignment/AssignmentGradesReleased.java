package org.lectern.assignment;

/**
 * Staff released an assignment's grades (or withdrew them). Published inside the releasing transaction;
 * listeners that talk to other systems (the LMS gradebook) act after commit.
 */
public record AssignmentGradesReleased(long courseId, long assignmentId, String shortName, boolean released) {
}
