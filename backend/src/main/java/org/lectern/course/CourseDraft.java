package org.lectern.course;

/** What an instructor types to create or edit a course. */
public record CourseDraft(String code, String title, String term, String timeZone) {
}
