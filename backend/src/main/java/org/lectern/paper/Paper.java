package org.lectern.paper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A paper of the course's reading list: the lecture that discusses it (its reviews are due when it starts), the group
 * presenting it (a project team; null while unclaimed) and who plays each role.
 *
 * @param shortName the gradebook item its weekly reviews are reported to
 */
public record Paper(long id, long courseId, String shortName, String title, String authors, String link, Instant lectureAt,
        BigDecimal reviewPoints, Long teamId, String teamName, List<Holder> holders) {

    /** Who plays a role (by the role's position). */
    public record Holder(int position, long accountId, String name) {
    }

    public Paper {
        holders = List.copyOf(holders);
    }
}
