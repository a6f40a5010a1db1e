package org.lectern.gradebook;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lectern.latepolicy.AcceptsLate;
import org.lectern.latepolicy.Allocation;
import org.lectern.latepolicy.ItemRule;
import org.lectern.latepolicy.LatePolicy;
import org.lectern.latepolicy.TeamLateRule;
import org.lectern.platform.InvalidInputException;

/**
 * A course's grading policy as JSON ({@code PUT /api/v1/courses/{id}/grading-policy}): late-day rules,
 * categories with weights, drops and extra credit, their items with per-item late rules, and letter
 * cutoffs. Converts to the pure {@link GradingScheme} and {@link LatePolicy}.
 */
public record PolicyDocument(LateDaysJson lateDays, List<CategoryJson> categories, List<LetterJson> letters) {

    /** @param teamLateDays how team items charge their members ({@link TeamLateRule}): each_member (default) or shared_penalty */
    public record LateDaysJson(int freeDays, Integer maxPerItem, BigDecimal penaltyPercentPerDay, boolean weekendCountsAsOneDay,
                               Integer graceMinutes, Integer maxDaysLate, String allocation, String teamLateDays) {
        public LateDaysJson(int freeDays, Integer maxPerItem, BigDecimal penaltyPercentPerDay, boolean weekendCountsAsOneDay,
                            Integer graceMinutes, Integer maxDaysLate, String allocation) {
            this(freeDays, maxPerItem, penaltyPercentPerDay, weekendCountsAsOneDay, graceMinutes, maxDaysLate, allocation, null);
        }
    }

    public record CategoryJson(String name, BigDecimal weight, Integer dropLowest, Boolean extraCredit, BigDecimal cap,
                               List<ItemJson> items) {
    }

    /** An item; {@code dueAt} only for items without an assignment (an assignment's own due time wins). */
    public record ItemJson(String shortName, BigDecimal points, BigDecimal weight, Instant dueAt, ItemLateJson lateDays) {
    }

    public record ItemLateJson(Boolean takesLateDays, String acceptsLate, Integer maxPerItem, BigDecimal penaltyPercentPerDay,
                               Integer maxDaysLate) {
    }

    public record LetterJson(String letter, BigDecimal min) {
    }

    /**
     * Where an item declared without a category goes: weight 0, so it has a column and a line on the student's page
     * (a solved practice exercise shows) without moving anyone's grade; the instructor may give it weight or move it.
     */
    public static final String NOT_COUNTED = "Not counted";

    /** Items placed in {@link #NOT_COUNTED} spend no late days and lose nothing for lateness. */
    static final ItemLateJson NOT_COUNTED_LATE = new ItemLateJson(false, "yes", null, BigDecimal.ZERO, null);

    /** This document with an empty {@link #NOT_COUNTED} category at the end, unless it has one. */
    PolicyDocument withNotCounted() {
        if (categories.stream().anyMatch(c -> c.name().equalsIgnoreCase(NOT_COUNTED))) {
            return this;
        }
        List<CategoryJson> more = new ArrayList<>(categories);
        more.add(new CategoryJson(NOT_COUNTED, BigDecimal.ZERO, 0, false, null, List.of()));
        return new PolicyDocument(lateDays, more, letters);
    }

    /** Checks the document by building the scheme and policy; the message names what is wrong. */
    public void validate() {
        try {
            scheme();
            latePolicy();
            teamLateRule();
            for (CategoryJson c : categories) {
                for (ItemJson i : c.items()) {
                    rule(i.shortName());
                }
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("The grading policy is not valid: " + e.getMessage());
        }
    }

    public GradingScheme scheme() {
        List<Category> cats = new ArrayList<>();
        for (CategoryJson c : categories == null ? List.<CategoryJson>of() : categories) {
            List<GradedItem> items = (c.items() == null ? List.<ItemJson>of() : c.items()).stream()
                    .map(i -> new GradedItem(i.shortName(), i.points(), i.weight())).toList();
            cats.add(new Category(c.name(), c.weight(), c.dropLowest() == null ? 0 : c.dropLowest(), Boolean.TRUE.equals(c.extraCredit()),
                    c.cap(), items));
        }
        List<LetterCutoff> cutoffs = (letters == null ? List.<LetterJson>of() : letters).stream()
                .map(l -> new LetterCutoff(l.letter(), l.min())).toList();
        return new GradingScheme(cats, cutoffs);
    }

    public LatePolicy latePolicy() {
        LateDaysJson l = lateDays;
        Allocation allocation = l.allocation() == null ? Allocation.DEADLINE_ORDER
                : Allocation.valueOf(l.allocation().strip().toUpperCase(Locale.ROOT));
        return new LatePolicy(l.freeDays(), l.maxPerItem(), l.penaltyPercentPerDay() == null ? BigDecimal.ZERO : l.penaltyPercentPerDay(),
                l.weekendCountsAsOneDay(), Duration.ofMinutes(l.graceMinutes() == null ? 0 : l.graceMinutes()), l.maxDaysLate(), allocation);
    }

    /** How team items charge their members' late days (default {@link TeamLateRule#EACH_MEMBER}). */
    public TeamLateRule teamLateRule() {
        return TeamLateRule.named(lateDays.teamLateDays());
    }

    public Optional<ItemJson> item(String key) {
        return categories.stream().flatMap(c -> c.items().stream()).filter(i -> i.shortName().equalsIgnoreCase(key)).findFirst();
    }

    public ItemRule rule(String key) {
        ItemLateJson r = item(key).map(ItemJson::lateDays).orElse(null);
        if (r == null) {
            return ItemRule.standard();
        }
        AcceptsLate accepts = r.acceptsLate() == null ? AcceptsLate.YES_WITH_PENALTY
                : switch (r.acceptsLate().strip().toLowerCase(Locale.ROOT)) {
                    case "yes", "yes_with_penalty", "penalty" -> AcceptsLate.YES_WITH_PENALTY;
                    case "no" -> AcceptsLate.NO;
                    default -> throw new IllegalArgumentException(key + ": acceptsLate is yes or no");
                };
        return new ItemRule(r.takesLateDays() == null || r.takesLateDays(), accepts, r.maxPerItem(), r.penaltyPercentPerDay(), r.maxDaysLate());
    }

    /** The seeds' CSE 493G1 defaults: a new course starts from them and changes what differs. */
    public static PolicyDocument defaults() {
        GradingScheme s = GradingScheme.cse493g1();
        LatePolicy l = LatePolicy.cse493g1();
        List<CategoryJson> cats = s.categories().stream().map(c -> new CategoryJson(c.name(), c.weightPercent(), c.dropLowest(),
                c.extraCredit(), c.capPercent(), c.items().stream().map(i -> new ItemJson(i.key(), i.pointsPossible(), i.weightOverride(),
                null, i.key().equals("project-final-report") ? new ItemLateJson(false, "yes", null, null, null) : null)).toList())).toList();
        return new PolicyDocument(new LateDaysJson(l.freeDays(), l.maxDaysPerItem(), l.penaltyPercentPerDay(), l.weekendCountsAsOneDay(),
                (int) l.grace().toMinutes(), l.maxDaysLate(), l.allocation().name().toLowerCase(Locale.ROOT),
                TeamLateRule.EACH_MEMBER.name().toLowerCase(Locale.ROOT)), cats,
                s.letterCutoffs().stream().map(c -> new LetterJson(c.letter(), c.minPercent())).toList());
    }
}
