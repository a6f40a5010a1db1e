package org.lectern.officehours;

import java.util.List;

/** A session's queue as the caller sees it: who is being helped, who waits in which order, and the caller's own place. */
public record QueueView(OfficeHoursSession session, boolean open, List<QueueEntry> serving, List<QueueEntry> waiting,
                        QueueEntry mine) {
}
