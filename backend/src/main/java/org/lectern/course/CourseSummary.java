package org.lectern.course;

/** A course as the caller sees it in their list, with their role there. */
public record CourseSummary(long id, String code, String title, String term, String timeZone, CourseRole role) {
}
