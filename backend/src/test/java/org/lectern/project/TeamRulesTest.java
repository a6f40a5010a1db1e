package org.lectern.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lectern.project.TeamRules.TeamState;

class TeamRulesTest {

    static final Instant LOCK = Instant.parse("2024-02-01T08:00:00Z");
    static final Instant BEFORE = LOCK.minusSeconds(1);
    /** COMP541: teams of 2 to 3, locked on 1 February. */
    static final TeamRules COMP541 = new TeamRules(new TeamRules.Limits(2, 3, LOCK));
    /** CSE 493G1: up to 3, never locked. */
    static final TeamRules CSE = new TeamRules(new TeamRules.Limits(1, 3, null));

    static Arguments row(String what, Function<TeamRules, Optional<String>> step, TeamRules rules, String refusal) {
        return Arguments.of(what, step, rules, refusal);
    }

    static Stream<Arguments> steps() {
        TeamState two = new TeamState(2, 0);
        return Stream.of(
                row("start a team before the lock", r -> r.create(BEFORE, false), COMP541, null),
                row("start a team at the lock instant", r -> r.create(LOCK, false), COMP541, "Teams are locked; ask the course staff for a change."),
                row("start a second team", r -> r.create(BEFORE, true), COMP541, "You are already in a team; leave it before starting another."),
                row("start a team, no lock in the course", r -> r.create(Instant.MAX, false), CSE, null),
                row("invite into a team of 2", r -> r.invite(BEFORE, true, two, true, false, false), COMP541, null),
                row("invite as a non-member", r -> r.invite(BEFORE, false, two, true, false, false), COMP541, "Only the team's members can invite to it."),
                row("invite after the lock", r -> r.invite(LOCK, true, two, true, false, false), COMP541, "Teams are locked; ask the course staff for a change."),
                row("invite a TA", r -> r.invite(BEFORE, true, two, false, false, false), COMP541, "Only students of this course can be in a team."),
                row("invite someone in a team", r -> r.invite(BEFORE, true, two, true, true, false), COMP541, "They are already in a team."),
                row("invite twice", r -> r.invite(BEFORE, true, two, true, false, true), COMP541, "They already have an invitation to this team."),
                row("an open invitation holds the last place", r -> r.invite(BEFORE, true, new TeamState(2, 1), true, false, false), COMP541,
                        "The team has 2 member(s) and 1 open invitation(s); this course allows 3 per team."),
                row("invite into a full team", r -> r.invite(BEFORE, true, new TeamState(3, 0), true, false, false), CSE,
                        "The team has 3 member(s) and 0 open invitation(s); this course allows 3 per team."),
                row("accept", r -> r.accept(BEFORE, true, false, two), COMP541, null),
                row("accept an answered invitation", r -> r.accept(BEFORE, false, false, two), COMP541, "This invitation is no longer open."),
                row("accept after the lock", r -> r.accept(LOCK, true, false, two), COMP541, "Teams are locked; ask the course staff for a change."),
                row("accept while in a team", r -> r.accept(BEFORE, true, true, two), COMP541, "You are already in a team; leave it before joining another."),
                row("accept into a team staff filled", r -> r.accept(BEFORE, true, false, new TeamState(3, 0)), COMP541,
                        "The team is full: this course allows 3 per team."),
                row("decline an open invitation", r -> r.answer(true), COMP541, null),
                row("decline an answered one", r -> r.answer(false), COMP541, "This invitation is no longer open."),
                row("leave before the lock", r -> r.leave(BEFORE, true), COMP541, null),
                row("leave after the lock", r -> r.leave(LOCK, true), COMP541, "Teams are locked; ask the course staff for a change."),
                row("leave someone else's team", r -> r.leave(BEFORE, false), COMP541, "You are not in this team."),
                row("staff place into a team of 2 (lock does not bind staff)", r -> r.place(two, false), COMP541, null),
                row("staff place into a full team", r -> r.place(new TeamState(3, 0), false), COMP541, "The team is full: this course allows 3 per team."),
                row("staff place someone in a team", r -> r.place(two, true), COMP541, "They are already in a team; take them out of it first."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void eachStepIsAllowedOrRefusedInWords(String what, Function<TeamRules, Optional<String>> step, TeamRules rules, String refusal) {
        assertThat(step.apply(rules)).isEqualTo(Optional.ofNullable(refusal));
    }

    @Test
    void theMinimumMarksSmallTeamsAndTheLimitsAreSane() {
        assertThat(COMP541.tooSmall(1)).isTrue();
        assertThat(COMP541.tooSmall(2)).isFalse();
        assertThat(CSE.tooSmall(1)).isFalse();
        assertThatThrownBy(() -> new TeamRules.Limits(3, 2, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TeamRules.Limits(0, 2, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
