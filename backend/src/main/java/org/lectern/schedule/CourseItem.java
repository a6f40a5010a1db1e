package org.lectern.schedule;

import java.time.Instant;

/**
 * Anything the schedule links to: an exercise, quiz, assignment, poll or reading. Features create
 * their items through {@link ScheduleService#registerItem}; the schedule shows them by lecture,
 * release and due date, and opens {@code route} when clicked.
 */
public record CourseItem(long id, long courseId, Kind kind, String shortName, String title, Long lectureId,
                         Instant releaseAt, Instant dueAt, String route, boolean staffOnly) {

    public enum Kind {
        ASSIGNMENT, QUIZ, EXERCISE, POLL, PROJECT, READING, OTHER;

        public String label() {
            return name().charAt(0) + name().substring(1).toLowerCase();
        }
    }
}
