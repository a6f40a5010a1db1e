package org.lectern.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lectern.latepolicy.ItemRule;
import org.lectern.latepolicy.LatePolicy;

/** The pure rules of papers: roles, the presenter's clock, when a review is late or refused. */
class PaperRulesTest {

    static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");
    /** A Tuesday lecture at 13:00 in Istanbul. */
    static final ZonedDateTime LECTURE = LocalDateTime.parse("2024-10-15T13:00").atZone(ISTANBUL);

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ISTANBUL).toInstant();
    }

    static Stream<Arguments> reviews() {
        LatePolicy comp = LatePolicy.comp541();
        return Stream.of(
                Arguments.of("an hour before the lecture", at("2024-10-15T12:00"), comp, ItemRule.standard(), 0, null),
                Arguments.of("within the 15 minutes' grace", at("2024-10-15T13:14"), comp, ItemRule.standard(), 0, null),
                Arguments.of("the evening after", at("2024-10-15T20:00"), comp, ItemRule.standard(), 1, null),
                Arguments.of("12 days late: the cap", at("2024-10-27T12:00"), comp, ItemRule.standard(), 12, null),
                Arguments.of("13 days late: refused", at("2024-10-28T12:00"), comp, ItemRule.standard(), 13,
                        "This review is 13 days late; the course takes reviews up to 12 days late."),
                Arguments.of("an item capped at 1 day", at("2024-10-17T12:00"), comp, ItemRule.standard().withMaxDaysLate(1), 2,
                        "This review is 2 days late; the course takes reviews up to 1 days late."),
                Arguments.of("no late work at all", at("2024-10-15T14:00"), comp, ItemRule.noLateWork(), 1,
                        "This review was due when the lecture started; the course takes no late reviews."),
                Arguments.of("no late work, on time", at("2024-10-15T12:59"), comp, ItemRule.noLateWork(), 0, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reviews")
    void aReviewIsDueWhenItsLectureStarts(String what, Instant submitted, LatePolicy policy, ItemRule rule, int days, String refusal) {
        var v = ReviewRules.judge(LECTURE, submitted, policy, rule);
        assertThat(v.daysLate()).isEqualTo(days);
        assertThat(v.refusal()).isEqualTo(Optional.ofNullable(refusal));
    }

    static Stream<Arguments> badRoles() {
        return Stream.of(
                Arguments.of(List.of(), "A presentation has 1 to 20 roles."),
                Arguments.of(List.of(new PaperRole(0, " ", 5)), "Role 1 needs a name of 1 to 40 characters."),
                Arguments.of(List.of(new PaperRole(0, "Overview", 0)), "Role Overview needs 1 to 180 minutes (you gave 0)."),
                Arguments.of(List.of(new PaperRole(0, "Overview", 181)), "Role Overview needs 1 to 180 minutes (you gave 181)."),
                Arguments.of(List.of(new PaperRole(0, "Overview", 5), new PaperRole(1, "overview", 5)), "Two roles are called overview."));
    }

    @ParameterizedTest
    @MethodSource("badRoles")
    void rolesAreJudged(List<PaperRole> roles, String message) {
        assertThatThrownBy(() -> PaperRoles.judge(roles)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void rolesAreRenumberedInOrderAndComp541IsTheDefault() {
        assertThat(PaperRoles.judge(List.of(new PaperRole(7, " Demo ", 5), new PaperRole(3, "Q&A", 10))))
                .containsExactly(new PaperRole(0, "Demo", 5), new PaperRole(1, "Q&A", 10));
        assertThat(PaperRoles.comp541()).extracting(PaperRole::name, PaperRole::minutes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Overview", 14), org.assertj.core.groups.Tuple.tuple("Strengths", 8),
                        org.assertj.core.groups.Tuple.tuple("Weaknesses", 8), org.assertj.core.groups.Tuple.tuple("Questions", 10));
    }

    @Test
    void thePresenterClockCountsDownPausesRunsOverAndMovesOn() {
        List<PaperRole> roles = PaperRoles.comp541();
        Instant t0 = Instant.parse("2024-10-15T10:00:00Z");
        PresenterClock c = PresenterClock.start(roles.get(0), t0);
        assertThat(c.leftMillis(t0)).isEqualTo(14 * 60_000);
        assertThat(c.leftMillis(t0.plusSeconds(60))).isEqualTo(13 * 60_000);
        PresenterClock paused = c.pause(t0.plusSeconds(120));
        assertThat(paused.running()).isFalse();
        assertThat(paused.leftMillis(t0.plusSeconds(900))).isEqualTo(12 * 60_000); // paused: time stands
        PresenterClock resumed = paused.resume(t0.plusSeconds(900));
        assertThat(resumed.leftMillis(t0.plusSeconds(900 + 13 * 60))).isEqualTo(-60_000); // a minute over
        assertThat(resumed.pause(t0.plusSeconds(900 + 13 * 60)).remainingMillis()).isZero();
        PresenterClock second = resumed.next(roles, t0.plusSeconds(2000)).orElseThrow();
        assertThat(second.position()).isEqualTo(1);
        assertThat(second.leftMillis(t0.plusSeconds(2000))).isEqualTo(8 * 60_000);
        assertThat(PresenterClock.start(roles.get(3), t0).next(roles, t0)).isEmpty();
    }
}
