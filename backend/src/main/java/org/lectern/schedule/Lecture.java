package org.lectern.schedule;

import java.time.Instant;

/** One lecture meeting. Times are instants; views show them in the course's time zone. */
public record Lecture(long id, long courseId, int number, Instant startsAt, Instant endsAt, String title, String topics,
                      String slidesUrl, String location) {
}
