package org.lectern.course;

import java.time.ZoneId;

/** A course offering: one code in one term, with the time zone its deadlines and lectures live in. */
public record Course(long id, String code, String title, String term, ZoneId timeZone) {
}
