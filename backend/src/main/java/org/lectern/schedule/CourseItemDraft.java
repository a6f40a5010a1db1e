package org.lectern.schedule;

import java.time.Instant;

/** What a feature registers with the schedule. */
public record CourseItemDraft(CourseItem.Kind kind, String shortName, String title, Long lectureId, Instant releaseAt,
                              Instant dueAt, String route, boolean staffOnly) {
}
