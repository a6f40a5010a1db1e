package org.lectern.paper;

import java.math.BigDecimal;
import java.time.Instant;

/** A paper as staff type it; judged by {@link PaperService#create}. */
public record PaperDraft(String shortName, String title, String authors, String link, Instant lectureAt, BigDecimal reviewPoints) {
}
