package org.lectern.project;

import java.time.Instant;
import java.util.Optional;

/**
 * What students may do to form teams, and what staff may do past the students' rules. Pure: the service loads the
 * facts, asks here, and saves. Each method answers with the refusal in words, or empty when the step is allowed.
 *
 * <p>Pending invitations hold a place: a team of {@code max - 1} with one invitation out cannot send another, so an
 * accepted invitation never finds the team full unless staff filled it meanwhile (then the accept is refused).
 */
public final class TeamRules {

    /** A course's team rules: sizes, and the instant from which students can no longer change teams (null: never). */
    public record Limits(int min, int max, Instant lockAt) {
        public Limits {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("team sizes " + min + ".." + max);
            }
        }

        public boolean locked(Instant now) {
            return lockAt != null && !now.isBefore(lockAt);
        }
    }

    /**
     * The team sizes one team item takes: the item's own minimum and maximum where it sets them, else the course's.
     * An item's own bound that passes the course's other bound carries it along (an item of "at least 4" in a course
     * of "up to 3" takes teams of exactly 4), so the range is never empty.
     */
    public record ItemSizes(int min, int max) {

        public static ItemSizes of(Limits course, Integer itemMin, Integer itemMax) {
            int max = itemMax != null ? itemMax : Math.max(course.max(), itemMin == null ? 1 : itemMin);
            int min = itemMin != null ? itemMin : Math.min(course.min(), max);
            return new ItemSizes(min, max);
        }

        /** What a student is told on the item's page when its sizes differ from the course's; empty when they do not. */
        public Optional<String> noteAgainst(ItemSizes course) {
            return equals(course) ? Optional.empty()
                    : Optional.of("This item takes teams of " + describe() + " (the course's teams are " + course.describe() + ").");
        }

        /** "2–3", or "3" when the item takes one size only. */
        public String describe() {
            return min == max ? String.valueOf(min) : min + "–" + max;
        }

        /**
         * Whether a team of {@code members} may submit to the item; the refusal names the range and the team's size.
         * {@code self} words it for a member submitting, else for staff submitting on a student's behalf.
         */
        public Optional<String> submit(int members, boolean self) {
            if (members >= min && members <= max) {
                return Optional.empty();
            }
            String team = (self ? "your" : "their") + " team has " + members + (members == 1 ? " member" : " members");
            String fix = members < min ? "ask staff to place a classmate in it" : "ask staff to move a member to another team";
            return Optional.of("This item takes teams of " + describe() + "; " + team + ": " + fix + " before submitting.");
        }
    }

    /** The facts about one team at the moment of a step. */
    public record TeamState(int members, int pendingInvitations) {
    }

    private final Limits limits;

    public TeamRules(Limits limits) {
        this.limits = limits;
    }

    /** A student starts a team of their own (they become its first member). */
    public Optional<String> create(Instant now, boolean inATeam) {
        if (limits.locked(now)) {
            return locked();
        }
        if (inATeam) {
            return Optional.of("You are already in a team; leave it before starting another.");
        }
        return Optional.empty();
    }

    /** A member invites a classmate. */
    public Optional<String> invite(Instant now, boolean callerIsMember, TeamState team, boolean inviteeIsStudent,
            boolean inviteeInATeam, boolean alreadyInvited) {
        if (!callerIsMember) {
            return Optional.of("Only the team's members can invite to it.");
        }
        if (limits.locked(now)) {
            return locked();
        }
        if (!inviteeIsStudent) {
            return Optional.of("Only students of this course can be in a team.");
        }
        if (inviteeInATeam) {
            return Optional.of("They are already in a team.");
        }
        if (alreadyInvited) {
            return Optional.of("They already have an invitation to this team.");
        }
        if (team.members() + team.pendingInvitations() >= limits.max()) {
            return Optional.of("The team has " + team.members() + " member(s) and " + team.pendingInvitations()
                    + " open invitation(s); this course allows " + limits.max() + " per team.");
        }
        return Optional.empty();
    }

    /** The invitee accepts: they join if they are in no team and the team still has room. */
    public Optional<String> accept(Instant now, boolean pending, boolean inATeam, TeamState team) {
        if (!pending) {
            return Optional.of("This invitation is no longer open.");
        }
        if (limits.locked(now)) {
            return locked();
        }
        if (inATeam) {
            return Optional.of("You are already in a team; leave it before joining another.");
        }
        if (team.members() >= limits.max()) {
            return Optional.of("The team is full: this course allows " + limits.max() + " per team.");
        }
        return Optional.empty();
    }

    /** The invitee declines, or a member withdraws the invitation: only while it is open. */
    public Optional<String> answer(boolean pending) {
        return pending ? Optional.empty() : Optional.of("This invitation is no longer open.");
    }

    /** A member leaves (the team goes when its last member leaves). */
    public Optional<String> leave(Instant now, boolean member) {
        if (!member) {
            return Optional.of("You are not in this team.");
        }
        return limits.locked(now) ? locked() : Optional.empty();
    }

    /** Staff place a student: the lock does not bind staff, the size and one-team rule do. */
    public Optional<String> place(TeamState team, boolean studentInATeam) {
        if (studentInATeam) {
            return Optional.of("They are already in a team; take them out of it first.");
        }
        if (team.members() >= limits.max()) {
            return Optional.of("The team is full: this course allows " + limits.max() + " per team.");
        }
        return Optional.empty();
    }

    /** A team below the course's minimum (staff see it on the teams page). */
    public boolean tooSmall(int members) {
        return members < limits.min();
    }

    private Optional<String> locked() {
        return Optional.of("Teams are locked; ask the course staff for a change.");
    }
}
