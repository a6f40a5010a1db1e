package org.lectern.announcement;

/**
 * An announcement became visible to the course (when posted, or at its scheduled time): the mail feature sends it to
 * the course's members. Published inside the transaction that marks it announced, once per announcement.
 */
public record AnnouncementPublished(long courseId, long announcementId, String title, String body) {
}
