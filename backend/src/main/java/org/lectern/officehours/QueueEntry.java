package org.lectern.officehours;

import java.time.Instant;

/**
 * One line of a queue as the caller may see it: a student sees names only on their own line and topics only where
 * they are not private; staff see everything.
 *
 * @param position     1 for next in line; null once taken
 * @param waitSeconds  the estimated wait while waiting; null otherwise
 */
public record QueueEntry(long id, Integer position, String student, String topic, boolean privateTopic, Status status,
                         boolean mine, Instant joinedAt, String takenBy, Long waitSeconds) {

    public enum Status { WAITING, SERVING, HELPED, ABSENT, LEFT }
}
