package org.lectern.qa;

import java.time.Instant;

/**
 * A question as the caller may see it. {@code author} is null when the caller may not know who wrote it (an
 * anonymous post seen by a classmate); staff always see the name, with {@code anonymous} telling them the class does not.
 */
public record Post(long id, long courseId, Long lectureId, Long itemId, String title, String body, String author, boolean mine,
                   boolean privatePost, boolean anonymous, boolean pinned, boolean locked, boolean resolved, Long duplicateOf,
                   Instant createdAt, Instant lastActivityAt, int answers, boolean staffAnswered, boolean endorsedAnswer,
                   boolean following, boolean unread) {
}
