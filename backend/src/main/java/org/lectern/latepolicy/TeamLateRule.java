package org.lectern.latepolicy;

import java.util.Locale;

/**
 * How a team item's lateness is charged to the team's members. Every member is charged on their own ledger (the
 * team's submission time is each member's submission time); the rules differ only in who takes a penalty when the
 * members' free days differ.
 */
public enum TeamLateRule {

    /**
     * The default. Each member spends their own free days on the team's lateness; a member without enough days left
     * takes the penalty alone. Chosen as the default because it is what CSE 493G1's syllabus implies ("late days" are a
     * student's own budget, spent on the proposal and milestone like any assignment), nobody is penalised for a
     * teammate's earlier lateness, and a member's grade never depends on how another spent their days.
     */
    EACH_MEMBER("Each member spends their own late days on a team item; a member without days left takes the penalty alone."),

    /**
     * The team takes the penalty together: the member who can cover least sets the penalised days for everyone, and the
     * others spend only the days that penalty leaves uncovered (they keep the rest). A team item one member could not
     * hand in late is refused for the whole team. Courses that grade a team's work as one use it.
     */
    SHARED_PENALTY("A team item's penalty is the team's: the member with the fewest late days left sets it for everyone, and the"
            + " others spend only the days it leaves uncovered.");

    private final String explanation;

    TeamLateRule(String explanation) {
        this.explanation = explanation;
    }

    /** One sentence for students. */
    public String explanation() {
        return explanation;
    }

    /** The rule a policy names ({@code each_member}, {@code shared_penalty}); null or blank is the default. */
    public static TeamLateRule named(String name) {
        if (name == null || name.isBlank()) {
            return EACH_MEMBER;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("team late days are each_member or shared_penalty, not " + name.strip());
        }
    }
}
