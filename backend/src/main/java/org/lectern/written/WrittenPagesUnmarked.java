package org.lectern.written;

import java.time.Instant;
import java.util.List;

/**
 * Published once per student and assignment shortly before its deadline when the student's counted PDF leaves
 * written questions without marked pages ({@code unmarked}: their numbers), for the mail feature's reminder.
 */
public record WrittenPagesUnmarked(long courseId, long assignmentId, String assignmentName, long accountId, List<Integer> unmarked,
                                   Instant dueAt) {
}
