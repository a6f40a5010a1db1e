package org.lectern.poster;

import java.time.Instant;

/**
 * A new poster session: its poster item (an assignment whose written questions are the rubric), title, gradebook item,
 * start, slot length in minutes, whether peers score and their weight in percent (0 to 50).
 */
public record PosterDraft(Long assignmentId, String title, String itemKey, Instant startsAt, Integer slotMinutes, Boolean peersScore,
                          Integer peerWeight) {
}
