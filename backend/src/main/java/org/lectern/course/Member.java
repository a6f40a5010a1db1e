package org.lectern.course;

/** One row of the roster. {@code activated} is false while the person has not yet set a password. */
public record Member(long accountId, String name, String email, CourseRole role, String section, String sisId,
                     boolean activated) {
}
