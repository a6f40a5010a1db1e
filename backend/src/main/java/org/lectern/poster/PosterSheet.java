package org.lectern.poster;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.lectern.written.WrittenQuestion;

/**
 * One scorer's sheet for one poster: the rubric (the poster item's written questions with their items), what the scorer
 * applied per question, their comment and their total.
 */
public record PosterSheet(long sessionId, long teamId, String teamName, List<WrittenQuestion> questions, Map<Long, List<Long>> applied,
                          String comment, BigDecimal total, boolean saved) {
}
