package org.lectern.officehours;

import java.util.List;

/**
 * Staff figures over a course's office hours: waits (join to taken) and who helped how many.
 *
 * @param medianWaitSeconds null when nobody has been taken yet
 */
public record OfficeHoursFigures(int sessions, int helped, int absent, Long medianWaitSeconds, Long medianServiceSeconds,
                                 List<PerTa> perTa, List<QueueEntry> history) {

    public record PerTa(String ta, int helped) {
    }
}
