package org.lectern.course;

/** A person to add to a course by hand. */
public record NewMember(String name, String email, CourseRole role, String section) {
}
