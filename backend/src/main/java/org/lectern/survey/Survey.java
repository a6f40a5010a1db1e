package org.lectern.survey;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A survey: its questions, whether answers are anonymous, when it is open, and the participation credit it gives. */
public record Survey(long id, long courseId, String shortName, String title, boolean anonymous, List<SurveyQuestion> questions,
                     Instant opensAt, Instant closesAt, BigDecimal points, String category) {

    public boolean isOpen(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
