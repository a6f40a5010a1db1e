package org.lectern.qa;

import java.time.Instant;

/**
 * An answer (answerId null) or a follow-up comment (on the post when answerId is null, else under that answer),
 * as the caller may see it: {@code author} null when it is an anonymous classmate's.
 */
public record Reply(long id, Long answerId, String author, boolean byStaff, boolean mine, boolean anonymous, String body,
                    boolean endorsed, Instant createdAt) {
}
