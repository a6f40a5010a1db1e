package org.lectern.poster;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lectern.written.RubricScore;
import org.lectern.written.WrittenQuestion;

/**
 * The poster session's rules, pure. Slots follow each other from the session's start, one slot length each. A scorer's
 * total for a poster is the written rubric's own score ({@link RubricScore}) summed over the poster item's questions, a
 * question they left without items counting as the rubric says (0 when graded positively, full when negatively). A
 * poster's score is the mean of the staff's totals; peers' mean counts with the session's peer weight once both exist.
 */
public final class PosterRules {

    /** The most a peer mean may weigh, in percent: the grade stays the staff's. */
    public static final int MAX_PEER_WEIGHT = 50;

    private PosterRules() {
    }

    /** When the slot at {@code position} (0, 1, ...) starts. */
    public static Instant slotStart(Instant sessionStart, int slotMinutes, int position) {
        return sessionStart.plus(Duration.ofMinutes((long) slotMinutes * position));
    }

    /**
     * One scorer's total: each question's rubric score from the items they applied to it.
     *
     * @param applied item ids per question id; items of other questions are ignored
     */
    public static BigDecimal scorerTotal(List<WrittenQuestion> questions, Map<Long, List<Long>> applied) {
        BigDecimal total = BigDecimal.ZERO;
        for (WrittenQuestion q : questions) {
            List<Long> ids = applied.getOrDefault(q.id(), List.of());
            List<BigDecimal> points = q.rubric().stream().filter(i -> ids.contains(i.id())).map(i -> i.points()).toList();
            total = total.add(RubricScore.of(q.points(), q.grading(), points, null).score());
        }
        return total;
    }

    /**
     * The poster's score: null until a member of staff has scored it; the staff mean alone while no peer has or the peer
     * weight is 0; else (100 − w)% staff mean + w% peer mean. Two decimals, half up.
     */
    public static BigDecimal posterScore(List<BigDecimal> staffTotals, List<BigDecimal> peerTotals, int peerWeightPercent) {
        if (peerWeightPercent < 0 || peerWeightPercent > MAX_PEER_WEIGHT) {
            throw new IllegalArgumentException("peer weight " + peerWeightPercent);
        }
        if (staffTotals.isEmpty()) {
            return null;
        }
        BigDecimal staff = mean(staffTotals);
        if (peerTotals.isEmpty() || peerWeightPercent == 0) {
            return staff.setScale(2, RoundingMode.HALF_UP);
        }
        BigDecimal w = BigDecimal.valueOf(peerWeightPercent);
        return staff.multiply(BigDecimal.valueOf(100).subtract(w)).add(mean(peerTotals).multiply(w))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** Whether the caller may score this poster: staff always; a student only when peers score and not their own team's. */
    public static boolean mayScore(boolean staff, boolean peersScore, boolean ownTeam) {
        return staff || (peersScore && !ownTeam);
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), 10, RoundingMode.HALF_UP);
    }
}
