package org.lectern.schedule;

import java.time.LocalDate;
import java.time.LocalTime;

/** A lecture as an instructor enters it: wall-clock date and times in the course's time zone. */
public record LectureDraft(Integer number, LocalDate date, LocalTime start, LocalTime end, String title, String topics,
                           String slidesUrl, String location) {
}
