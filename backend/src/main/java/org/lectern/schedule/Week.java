package org.lectern.schedule;

import java.time.LocalDate;

/** A titled week of the term; lectures fall into the week whose start date is the latest not after theirs. */
public record Week(long id, int number, String title, LocalDate startsOn) {
}
