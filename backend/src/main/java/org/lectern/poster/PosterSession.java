package org.lectern.poster;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A poster session: posters of teams in slots from {@code startsAt}, scored with the rubric of the poster item's written
 * questions ({@code assignmentId}), reported to the gradebook under {@code itemKey}.
 *
 * @param slots in order; a student sees every slot, and scores only where {@link Slot#scoredByMe()} is meaningful
 */
public record PosterSession(long id, long courseId, long assignmentId, String title, String itemKey, Instant startsAt, int slotMinutes,
                            boolean peersScore, int peerWeight, List<Slot> slots) {

    /**
     * @param score     the poster's score (staff only; null to students and until staff scored it)
     * @param scorers   how many have scored it (staff only; 0 to students)
     * @param scoredByMe whether the caller has saved a score for it
     * @param mine      whether it is the caller's team's poster
     */
    public record Slot(long teamId, String teamName, int position, Instant startsAt, Instant endsAt, String board, BigDecimal score,
                       int scorers, boolean scoredByMe, boolean mine) {
    }
}
