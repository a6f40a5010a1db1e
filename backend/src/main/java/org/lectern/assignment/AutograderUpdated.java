package org.lectern.assignment;

/** Published in the uploading transaction when an assignment gets a new autograder version. */
public record AutograderUpdated(long assignmentId, long courseId, long autograderId) {
}
