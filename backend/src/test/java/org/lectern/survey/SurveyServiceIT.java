package org.lectern.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.People;
import org.lectern.TestClock;
import org.lectern.gradebook.GradedItemDeclared;
import org.lectern.gradebook.ScoreReported;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Surveys on the real database: answering once while open, anonymity in storage and in every response, credit, CSV. */
@BackendTest
@RecordApplicationEvents
class SurveyServiceIT {

    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired SurveyService surveys;
    @Autowired TestClock clock;
    @Autowired ApplicationEvents events;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    SurveyDraft firstDay(String shortName, boolean anonymous) {
        return new SurveyDraft(shortName, "First-day survey", anonymous, List.of(
                new SurveyQuestion(SurveyQuestion.Kind.SINGLE, "Do you have GPU access?", List.of("Own GPU", "Colab only", "None"), null, true),
                new SurveyQuestion(SurveyQuestion.Kind.LONG_TEXT, "What do you hope to learn?", null, null, false)),
                clock.instant().minusSeconds(60), clock.instant().plus(Duration.ofDays(7)), BigDecimal.ONE, null);
    }

    @Test
    void anAnonymousSurveyKnowsWhoAnsweredButNotWhat() {
        var s = coursework.setup(false);
        Survey survey = as(s.instructor(), () -> surveys.create(s.courseId(), firstDay("day1", true)));
        assertThat(events.stream(GradedItemDeclared.class)).contains(new GradedItemDeclared(s.courseId(), "day1", BigDecimal.ONE, null));

        as(s.student(), () -> surveys.answer(survey.id(), List.of("1", "=HYPERLINK(\"http://evil\") transformers")));
        as(s.otherStudent(), () -> surveys.answer(survey.id(), List.of("0", "")));
        assertThatThrownBy(() -> as(s.student(), () -> surveys.answer(survey.id(), List.of("2", ""))))
                .isInstanceOf(ConflictException.class).hasMessage("You have already answered this survey.");

        // Credit for both, as the gradebook hears it.
        assertThat(events.stream(ScoreReported.class).filter(e -> e.itemKey().equals("day1")).map(ScoreReported::accountId))
                .containsExactlyInAnyOrder(s.student().id(), s.otherStudent().id());

        // Storage: the responses have no account and no time; nothing names the student next to the answer.
        assertThat(jdbc.sql("select count(*) from survey_named_response where survey_id = ?").param(survey.id()).query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("""
                select column_name from information_schema.columns where table_name = 'survey_anonymous_response'""")
                .query(String.class).list()).containsExactlyInAnyOrder("id", "survey_id", "answers");
        assertThat(jdbc.sql("""
                select column_name from information_schema.columns where table_name = 'survey_answered'""")
                .query(String.class).list()).containsExactlyInAnyOrder("survey_id", "account_id");

        // Staff: who answered, and the tallies; no response carries a name.
        assertThat(as(s.ta(), () -> surveys.respondents(survey.id()))).containsExactly("other", "student");
        var results = as(s.ta(), () -> surveys.results(survey.id()));
        assertThat(results.respondents()).isEqualTo(2);
        assertThat(results.questions().getFirst().bars()).extracting(SurveyResults.Bar::count).containsExactly(1, 1, 0);
        assertThat(results.questions().get(1).texts()).containsExactly("=HYPERLINK(\"http://evil\") transformers");
        String csv = as(s.instructor(), () -> surveys.csv(survey.id()));
        assertThat(csv).doesNotContain(s.student().email()).doesNotContain("student")
                .contains("'=HYPERLINK").startsWith("Do you have GPU access?,What do you hope to learn?");
        // The student sees that they answered, not what (there is nothing that ties it to them).
        var mine = as(s.student(), () -> surveys.survey(survey.id()));
        assertThat(mine.answered()).isTrue();
        assertThat(mine.myAnswers()).isNull();
    }

    @Test
    void aNamedSurveyShowsNamesToStaffOnly() {
        var s = coursework.setup(false);
        Survey survey = as(s.instructor(), () -> surveys.create(s.courseId(), firstDay("named", false)));
        as(s.student(), () -> surveys.answer(survey.id(), List.of("2", "RL")));
        assertThat(as(s.student(), () -> surveys.survey(survey.id())).myAnswers()).containsExactly("2", "RL");
        assertThat(as(s.instructor(), () -> surveys.csv(survey.id()))).contains("student," + s.student().email() + ",None,RL");
        assertThatThrownBy(() -> as(s.otherStudent(), () -> surveys.results(survey.id()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.otherStudent(), () -> surveys.csv(survey.id()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.otherStudent(), () -> surveys.respondents(survey.id()))).isInstanceOf(ForbiddenException.class);
        assertThat(as(s.otherStudent(), () -> surveys.survey(survey.id())).myAnswers()).isNull();
    }

    @Test
    void openingTimesRolesAndBadInput() {
        var s = coursework.setup(false);
        var stranger = people.user("stranger");
        var later = new SurveyDraft("later", "Midquarter", true, firstDay("x", true).questions(), clock.instant().plus(Duration.ofDays(1)),
                clock.instant().plus(Duration.ofDays(2)), null, null);
        assertThatThrownBy(() -> as(s.student(), () -> surveys.create(s.courseId(), later))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(stranger, () -> surveys.surveys(s.courseId()))).isInstanceOf(NotFoundException.class);
        Survey future = as(s.instructor(), () -> surveys.create(s.courseId(), later));
        assertThatThrownBy(() -> as(s.instructor(), () -> surveys.create(s.courseId(), later)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already has a survey named later");
        // Not yet open: students do not see it at all.
        assertThat(as(s.student(), () -> surveys.surveys(s.courseId()))).isEmpty();
        assertThatThrownBy(() -> as(s.student(), () -> surveys.survey(future.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(s.student(), () -> surveys.answer(future.id(), List.of("0")))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(stranger, () -> surveys.answer(future.id(), List.of("0")))).isInstanceOf(NotFoundException.class)
                .hasMessage("No survey " + future.id() + "."); // names no course

        Survey open = as(s.instructor(), () -> surveys.create(s.courseId(), firstDay("open", true)));
        assertThatThrownBy(() -> as(s.ta(), () -> surveys.answer(open.id(), List.of("0")))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.student(), () -> surveys.answer(open.id(), List.of("9"))))
                .isInstanceOf(InvalidInputException.class).hasMessage("Question 1: no such option.");
        // A refused answer sheet leaves no trace: the student can still answer.
        as(s.student(), () -> surveys.answer(open.id(), List.of("0")));
        try {
            clock.advance(Duration.ofDays(8));
            assertThatThrownBy(() -> as(s.otherStudent(), () -> surveys.answer(open.id(), List.of("0"))))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("closed");
        } finally {
            clock.reset();
        }
        assertThatThrownBy(() -> as(s.instructor(), () -> surveys.create(s.courseId(), new SurveyDraft("bad name!", "T", true,
                firstDay("x", true).questions(), clock.instant(), clock.instant().plusSeconds(60), null, null))))
                .isInstanceOf(InvalidInputException.class);
    }
}
