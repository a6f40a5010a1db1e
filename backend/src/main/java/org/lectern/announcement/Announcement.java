package org.lectern.announcement;

import java.time.Instant;

/** A staff message to the whole course, in Markdown, shown from {@code publishAt}. */
public record Announcement(long id, long courseId, String title, String body, Instant publishAt, String author) {
}
