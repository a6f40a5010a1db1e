package org.lectern.latepolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Team late days, by table: a team of three (A, B, C) hands in the proposal together; earlier work decides how many
 * days each has left. COMP541's rules: 7 free days, no per-item maximum, 20% per uncovered day, calendar days.
 */
class TeamLateDaysTest {

    static final ZoneId SEATTLE = ZoneId.of("America/Los_Angeles");
    static final LatePolicy COMP = LatePolicy.comp541();
    static final ZonedDateTime EARLY = due("2024-01-08T23:59");
    static final ZonedDateTime PROPOSAL = due("2024-01-15T23:59");
    static final ZonedDateTime LATER = due("2024-01-29T23:59");
    static final long A = 1, B = 2, C = 3;

    static ZonedDateTime due(String local) {
        return LocalDateTime.parse(local).atZone(SEATTLE);
    }

    static Instant daysLate(ZonedDateTime deadline, int days) {
        return LateDays.endOfLateDay(deadline, days, COMP).minusHours(1).toInstant();
    }

    static LateItem item(String key, ZonedDateTime deadline, Integer days, ItemRule rule) {
        return new LateItem(key, BigDecimal.valueOf(100), BigDecimal.valueOf(100), deadline, days == null ? null : daysLate(deadline, days), rule);
    }

    /** A member who already spent {@code spent} days on an earlier item of their own (0: none). */
    static List<LateItem> member(int spent, Integer proposalDaysLate, ItemRule proposal, LateItem... more) {
        List<LateItem> items = new ArrayList<>();
        if (spent > 0) {
            items.add(item("a1", EARLY, spent, ItemRule.standard()));
        }
        items.add(item("proposal", PROPOSAL, proposalDaysLate, proposal));
        items.addAll(List.of(more));
        return items;
    }

    /** "free/penalised final status" per item key, then the days left. */
    static String summary(LateDayLedger l) {
        return l.entries().stream().map(e -> e.key() + " " + e.freeDaysApplied() + "/" + e.daysPenalised() + " "
                        + (e.finalScore() == null ? "-" : e.finalScore().setScale(0, RoundingMode.HALF_UP).toPlainString()) + " "
                        + e.status().name().toLowerCase())
                .collect(Collectors.joining("; ")) + "; left " + l.daysRemaining();
    }

    static Stream<Arguments> teams() {
        ItemRule std = ItemRule.standard();
        ItemRule daysButNoLateWork = new ItemRule(true, AcceptsLate.NO, null, null, null);
        List<TeamLateDays.TeamWork> team = List.of(new TeamLateDays.TeamWork("proposal", 7, Set.of(A, B, C)));
        return Stream.of(
                Arguments.of("each member: everyone has days, all spend 2", TeamLateRule.EACH_MEMBER, COMP,
                        Map.of(A, member(0, 2, std), B, member(0, 2, std), C, member(0, 2, std)), Map.of(), team,
                        Map.of(A, "proposal 2/0 100 late; left 5", B, "proposal 2/0 100 late; left 5", C, "proposal 2/0 100 late; left 5")),
                Arguments.of("each member: B has 1 day left, C none; each takes their own penalty", TeamLateRule.EACH_MEMBER, COMP,
                        Map.of(A, member(0, 2, std), B, member(6, 2, std), C, member(7, 2, std)), Map.of(), team,
                        Map.of(A, "proposal 2/0 100 late; left 5",
                                B, "a1 6/0 100 late; proposal 1/1 80 late; left 0",
                                C, "a1 7/0 100 late; proposal 0/2 60 late; left 0")),
                Arguments.of("shared penalty: C has none left, so all take 2 days' penalty and keep their days", TeamLateRule.SHARED_PENALTY, COMP,
                        Map.of(A, member(0, 2, std), B, member(6, 2, std), C, member(7, 2, std)), Map.of(), team,
                        Map.of(A, "proposal 0/2 60 late; left 7",
                                B, "a1 6/0 100 late; proposal 0/2 60 late; left 1",
                                C, "a1 7/0 100 late; proposal 0/2 60 late; left 0")),
                Arguments.of("shared penalty: B has 1 day left, so everyone spends 1 and is penalised 1", TeamLateRule.SHARED_PENALTY, COMP,
                        Map.of(A, member(0, 2, std), B, member(6, 2, std), C, member(0, 2, std)), Map.of(), team,
                        Map.of(A, "proposal 1/1 80 late; left 6",
                                B, "a1 6/0 100 late; proposal 1/1 80 late; left 0",
                                C, "proposal 1/1 80 late; left 6")),
                Arguments.of("shared penalty: everyone has days, nobody is penalised", TeamLateRule.SHARED_PENALTY, COMP,
                        Map.of(A, member(0, 2, std), B, member(5, 2, std), C, member(0, 2, std)), Map.of(), team,
                        Map.of(A, "proposal 2/0 100 late; left 5",
                                B, "a1 5/0 100 late; proposal 2/0 100 late; left 0",
                                C, "proposal 2/0 100 late; left 5")),
                Arguments.of("each member, no late work beyond days: only C is refused", TeamLateRule.EACH_MEMBER, COMP,
                        Map.of(A, member(0, 2, daysButNoLateWork), B, member(0, 2, daysButNoLateWork), C, member(7, 2, daysButNoLateWork)),
                        Map.of(), team,
                        Map.of(A, "proposal 2/0 100 late; left 5",
                                B, "proposal 2/0 100 late; left 5",
                                C, "a1 7/0 100 late; proposal 0/2 0 refused_not_accepted; left 0")),
                Arguments.of("shared penalty, no late work beyond days: the team is refused together and spends nothing",
                        TeamLateRule.SHARED_PENALTY, COMP,
                        Map.of(A, member(0, 2, daysButNoLateWork), B, member(0, 2, daysButNoLateWork), C, member(7, 2, daysButNoLateWork)),
                        Map.of(), team,
                        Map.of(A, "proposal 0/2 0 refused_not_accepted; left 7",
                                B, "proposal 0/2 0 refused_not_accepted; left 7",
                                C, "a1 7/0 100 late; proposal 0/2 0 refused_not_accepted; left 0")),
                Arguments.of("shared penalty: A's own 2-day extension makes A on time and sets no penalty for the others",
                        TeamLateRule.SHARED_PENALTY, COMP,
                        Map.of(A, member(7, 2, std), B, member(0, 2, std), C, member(0, 2, std)),
                        Map.of(A, List.of(Extension.byDays("proposal", 2, "illness"))), team,
                        Map.of(A, "a1 7/0 100 late; proposal 0/0 100 on_time; left 0",
                                B, "proposal 2/0 100 late; left 5",
                                C, "proposal 2/0 100 late; left 5")),
                Arguments.of("shared penalty frees A's days for A's own later item (deadline order)", TeamLateRule.SHARED_PENALTY, COMP,
                        Map.of(A, member(4, 2, std, item("a9", LATER, 3, std)), B, member(0, 2, std), C, member(7, 2, std)), Map.of(), team,
                        Map.of(A, "a1 4/0 100 late; proposal 0/2 60 late; a9 3/0 100 late; left 0",
                                B, "proposal 0/2 60 late; left 7",
                                C, "a1 7/0 100 late; proposal 0/2 60 late; left 0")),
                Arguments.of("each member: the same A spends 2 on the proposal and is penalised on a9", TeamLateRule.EACH_MEMBER, COMP,
                        Map.of(A, member(4, 2, std, item("a9", LATER, 3, std)), B, member(0, 2, std), C, member(7, 2, std)), Map.of(), team,
                        Map.of(A, "a1 4/0 100 late; proposal 2/0 100 late; a9 1/2 60 late; left 0",
                                B, "proposal 2/0 100 late; left 5",
                                C, "a1 7/0 100 late; proposal 0/2 60 late; left 0")),
                Arguments.of("shared penalty under grade-maximising allocation settles the same way", TeamLateRule.SHARED_PENALTY,
                        COMP.withAllocation(Allocation.MAXIMISE_GRADE),
                        Map.of(A, member(0, 2, std), B, member(6, 2, std), C, member(7, 2, std)), Map.of(), team,
                        Map.of(A, "proposal 0/2 60 late; left 7",
                                B, "a1 6/0 100 late; proposal 0/2 60 late; left 1",
                                C, "a1 7/0 100 late; proposal 0/2 60 late; left 0")),
                Arguments.of("not handed in: nobody spends anything", TeamLateRule.SHARED_PENALTY, COMP,
                        Map.of(A, member(0, null, std), B, member(6, null, std), C, member(7, null, std)), Map.of(), team,
                        Map.of(A, "proposal 0/0 100 not_submitted; left 7",
                                B, "a1 6/0 100 late; proposal 0/0 100 not_submitted; left 1",
                                C, "a1 7/0 100 late; proposal 0/0 100 not_submitted; left 0")),
                Arguments.of("shared penalty binds only the team: a student outside it keeps their own ledger", TeamLateRule.SHARED_PENALTY, COMP,
                        Map.of(A, member(0, 2, std), B, member(0, 2, std), C, member(7, 2, std)), Map.of(),
                        List.of(new TeamLateDays.TeamWork("proposal", 7, Set.of(A, B))),
                        Map.of(A, "proposal 2/0 100 late; left 5",
                                B, "proposal 2/0 100 late; left 5",
                                C, "a1 7/0 100 late; proposal 0/2 60 late; left 0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("teams")
    void chargesTheTeamByTheCoursesRule(String name, TeamLateRule rule, LatePolicy policy, Map<Long, List<LateItem>> items,
                                        Map<Long, List<Extension>> extensions, List<TeamLateDays.TeamWork> teams,
                                        Map<Long, String> expected) {
        Map<Long, LateDayLedger> ledgers = TeamLateDays.ledgers(policy, rule, new LinkedHashMap<>(items), extensions, teams);
        Map<Long, String> actual = new LinkedHashMap<>();
        ledgers.forEach((m, l) -> actual.put(m, summary(l)));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void eachMemberIsExactlyEveryMembersOwnLedger() {
        var items = Map.of(A, member(3, 4, ItemRule.standard()), B, member(0, 1, ItemRule.standard()));
        var ledgers = TeamLateDays.ledgers(COMP, TeamLateRule.EACH_MEMBER, items, Map.of(),
                List.of(new TeamLateDays.TeamWork("proposal", 1, Set.of(A, B))));
        items.forEach((m, list) -> assertThat(ledgers.get(m).entries()).isEqualTo(LateDayLedger.compute(COMP, List.of(), list).entries()));
    }

    @Test
    void rulesAreNamedInPolicies() {
        assertThat(TeamLateRule.named(null)).isEqualTo(TeamLateRule.EACH_MEMBER);
        assertThat(TeamLateRule.named(" ")).isEqualTo(TeamLateRule.EACH_MEMBER);
        assertThat(TeamLateRule.named("shared_penalty")).isEqualTo(TeamLateRule.SHARED_PENALTY);
        assertThat(TeamLateRule.named("Shared-Penalty")).isEqualTo(TeamLateRule.SHARED_PENALTY);
        assertThatThrownBy(() -> TeamLateRule.named("whoever")).hasMessageContaining("each_member or shared_penalty");
    }
}
