package org.lectern.gradebook;

import java.math.BigDecimal;
import java.util.List;

/**
 * A student's course grade. Percent values are exact; show them with {@link Rounding#forDisplay}.
 *
 * @param items                every item of the scheme, in scheme order
 * @param categories           every category, in scheme order
 * @param countedWeightPercent the weight of the categories with anything counted (100 for a full
 *                             final grade); the base is re-scaled to it, so a grade so far reads out
 *                             of 100
 * @param basePercent          the weighted total of the ordinary categories; null when nothing counts
 * @param extraCreditPercent   extra credit added, after caps
 * @param totalPercent         base plus extra credit (may pass 100); null when nothing counts
 * @param letter               from the scheme's cutoffs on the displayed total; null when nothing counts
 */
public record CourseGrade(List<ItemResult> items, List<CategoryResult> categories, BigDecimal countedWeightPercent,
                          BigDecimal basePercent, BigDecimal extraCreditPercent, BigDecimal totalPercent,
                          String letter) {

    public CourseGrade {
        items = List.copyOf(items);
        categories = List.copyOf(categories);
    }

    public ItemResult item(String key) {
        return items.stream().filter(i -> i.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no item " + key));
    }

    public CategoryResult category(String name) {
        return categories.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no category " + name));
    }
}
