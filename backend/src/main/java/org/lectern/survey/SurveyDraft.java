package org.lectern.survey;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What staff write to create a survey; {@code points} null or zero: no participation credit. */
public record SurveyDraft(String shortName, String title, boolean anonymous, List<SurveyQuestion> questions, Instant opensAt,
                          Instant closesAt, BigDecimal points, String category) {
}
