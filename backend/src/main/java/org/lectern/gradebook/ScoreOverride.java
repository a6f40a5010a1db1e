package org.lectern.gradebook;

import java.math.BigDecimal;
import java.util.Objects;

/** A score set by hand, out of the item's points, with the reason staff gave (kept for the audit trail). */
public record ScoreOverride(BigDecimal score, String reason) {

    public ScoreOverride {
        Objects.requireNonNull(score, "score");
        if (score.signum() < 0) {
            throw new IllegalArgumentException("an override must not be negative: " + score);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an override needs a reason");
        }
    }
}
