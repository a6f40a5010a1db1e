package org.lectern.written;

import java.util.List;
import java.util.Map;

/**
 * A version's pages and which answer which question; {@code unmarked} lists the questions (by number) no page is
 * marked for yet, the reminder students see before the deadline.
 */
public record PageSet(long submissionId, int pages, Map<Long, List<Integer>> marks, List<Integer> unmarked) {
}
