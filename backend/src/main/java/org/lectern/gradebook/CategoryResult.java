package org.lectern.gradebook;

import java.math.BigDecimal;
import java.util.List;

/**
 * One category in a course grade.
 *
 * @param name          the category
 * @param weightPercent its weight in the scheme
 * @param extraCredit   whether it is added on top
 * @param percent       its share-weighted percent over counted items; null when nothing counts
 * @param contribution  percent points of the course total (extra credit: after its cap)
 * @param dropped       keys of the items dropped as lowest
 */
public record CategoryResult(String name, BigDecimal weightPercent, boolean extraCredit, BigDecimal percent,
                             BigDecimal contribution, List<String> dropped) {

    public CategoryResult {
        dropped = List.copyOf(dropped);
    }

    public boolean counted() {
        return percent != null;
    }
}
