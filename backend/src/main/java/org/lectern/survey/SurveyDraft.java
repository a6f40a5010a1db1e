package org.lectern.survey;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What staff write to create a survey; {@code points} null or zero: no participation credit. */
public record SurveyDraft(String shortName, String title, Boolean anonymous, List<SurveyQuestion> questions, Instant opensAt,
                          Instant closesAt, BigDecimal points, String category) {

    public SurveyDraft {
        anonymous = Boolean.TRUE.equals(anonymous); // left out of a JSON request: named
    }
}
