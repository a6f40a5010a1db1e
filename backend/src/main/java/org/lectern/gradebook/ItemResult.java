package org.lectern.gradebook;

import java.math.BigDecimal;

/**
 * One item in a course grade. Values are exact; display them with {@link Rounding#forDisplay}.
 *
 * @param key          the item
 * @param category     its category's name
 * @param status       counted, dropped, excused, missing ...
 * @param earned       the score used: the override if any, 0 when missing counts as zero, null
 *                     when there is none
 * @param possible     what it is out of
 * @param percent      earned over possible, in percent; null without a score
 * @param contribution percent points of the course total it adds (0 unless counted)
 * @param override     the manual score and its reason, or null
 */
public record ItemResult(String key, String category, ItemStatus status, BigDecimal earned, BigDecimal possible,
                         BigDecimal percent, BigDecimal contribution, ScoreOverride override) {

    public boolean dropped() {
        return status == ItemStatus.DROPPED;
    }

    public boolean overridden() {
        return override != null;
    }
}
