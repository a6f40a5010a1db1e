package org.lectern.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.identity.AccountService;
import org.lectern.identity.CurrentUser;
import org.lectern.platform.LecternProperties;
import org.lectern.schedule.ScheduleService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

@BackendTest
class DemoCourseIT {

    @Autowired AccountService accounts;
    @Autowired CourseService courses;
    @Autowired ScheduleService schedule;
    @Autowired org.lectern.quiz.QuizAuthoringService quizzes;
    @Autowired org.lectern.quiz.QuizAttemptService quizAttempts;
    @Autowired LecternProperties props;
    @Autowired TransactionTemplate tx;
    @Autowired Environment env;
    @Autowired org.lectern.exercise.ExerciseService exercises;
    @Autowired org.lectern.livemodel.LiveModelService liveModels;
    @Autowired org.lectern.training.TrainingService training;
    @Autowired org.lectern.survey.SurveyService surveys;
    @Autowired org.lectern.announcement.AnnouncementService announcements;
    @Autowired java.time.Clock clock;
    @Autowired org.lectern.poll.PollService polls;
    @Autowired org.lectern.paper.PaperService papers;
    @Autowired org.lectern.assignment.AssignmentService assignments;
    @Autowired org.lectern.written.WrittenService written;
    @Autowired org.lectern.gradebook.GradingPolicyService policies;
    @Autowired org.lectern.submission.SubmissionService submissions;
    @Autowired org.lectern.gradebook.GradebookService gradebook;

    private org.lectern.identity.Account instructor0() {
        return accounts.authenticate("instructor@demo.lectern", "demo-password-1", "192.0.2.1");
    }

    /** Today falls in the term's fifth week (fourth from Friday); every shift is whole weeks. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "2024-02-01, 0", "2024-01-29, 0", "2024-02-02, 7", "2024-02-04, 7", "2026-12-07, 1043", "2026-12-05, 1043"})
    void theSeedsCalendarMovesByWholeWeeksToContainToday(java.time.LocalDate today, long days) {
        assertThat(DemoCourse.shiftDays(today)).isEqualTo(days);
        assertThat(days % 7).isZero();
    }

    @Test
    void theDemoCourseFollowsTheSeedsAndIsCreatedOnce() {
        var demoProps = new LecternProperties(props.dataDir(), props.db(), new LecternProperties.Demo(true, "demo-password-1"),
                props.admin(), props.tokens(), props.metrics(), props.secret());
        var demo = new DemoCourse(accounts, courses, schedule, quizzes, demoProps, tx, env, exercises, liveModels, training, surveys,
                announcements, clock, polls, papers, new DemoMilestones(assignments, written), assignments, submissions);
        demo.run(new DefaultApplicationArguments());
        demo.run(new DefaultApplicationArguments()); // a restart finds it and leaves it alone

        var student = accounts.authenticate("student1@demo.lectern", "demo-password-1", "192.0.2.1");
        var mine = CurrentUser.runAs(student, () -> courses.myCourses());
        assertThat(mine).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("CSE 493G1");
            assertThat(c.role()).isEqualTo(CourseRole.STUDENT);
        });
        long id = mine.getFirst().id();
        var s = CurrentUser.runAs(student, () -> schedule.schedule(id));
        var lectures = s.weeks().stream().flatMap(w -> w.lectures().stream()).toList();
        assertThat(lectures).hasSize(19);
        // The seed's calendar, moved by whole weeks so that the term contains today: Thursday stays Thursday.
        var today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("America/Los_Angeles")));
        var first = lectures.getFirst().start();
        assertThat(first.toLocalTime()).isEqualTo(java.time.LocalTime.of(10, 0));
        assertThat(first.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.THURSDAY);
        assertThat(first.toLocalDate()).isBefore(today);
        assertThat(lectures.getLast().start().toLocalDate()).isAfter(today);
        assertThat(mine.getFirst().term()).isEqualTo(DemoCourse.termName(first.toLocalDate().minusDays(3)));
        // something due in the coming week, deadlines already past, the quiz open now, a poll ready to run
        var items = CurrentUser.runAs(student, () -> schedule.items(id));
        var now = clock.instant();
        assertThat(items).anySatisfy(i -> assertThat(i.dueAt()).isAfter(now).isBefore(now.plus(java.time.Duration.ofDays(7))));
        assertThat(items).anySatisfy(i -> assertThat(i.dueAt()).isBefore(now));
        assertThat(lectures.getFirst().lecture().location()).isEqualTo("SIG 134");
        assertThat(s.sections()).extracting(sec -> sec.name() + " " + sec.meets() + " " + sec.location())
                .containsExactly("AA Fri 09:30–10:30 CSE2 G10", "AB Fri 12:30–13:30 JHN 174");

        // The seeds' hand computations sit beside the lectures that teach them: convolution with lecture 6.
        var conv = lectures.stream().filter(l -> l.lecture().number() == 6).findFirst().orElseThrow();
        assertThat(conv.linked()).extracting(i -> i.shortName()).contains("EX-conv", "EX-outsize", "EX-weights", "EX-pool");
        assertThat(CurrentUser.runAs(student, () -> exercises.exercises(id))).hasSize(17);
        // Seed 003's visualisation lecture has the live digits exercise: filters, activations, occlusion.
        var visualising = lectures.stream().filter(l -> l.lecture().number() == 10).findFirst().orElseThrow();
        assertThat(visualising.lecture().title()).isEqualTo("Visualizing and understanding");
        assertThat(visualising.linked()).extracting(i -> i.shortName()).contains("LIVE-digits");
        var quiz1 = CurrentUser.runAs(student, () -> quizAttempts.list(id)).getFirst().quiz();
        assertThat(quiz1.shortName()).isEqualTo("Quiz1");
        assertThat(quiz1.timeLimitMinutes()).isEqualTo(10);
        assertThat(quiz1.openAt()).isBefore(now);
        assertThat(quiz1.closeAt()).isAfter(now);
        assertThat(CurrentUser.runAs(instructor0(), () -> polls.polls(id))).singleElement()
                .satisfies(p -> assertThat(p.phase()).isEqualTo(org.lectern.poll.PollPhase.DRAFT));
        assertThat(quiz1.points()).isEqualByComparingTo("10");
        assertThat(CurrentUser.runAs(student, () -> schedule.items(id))).anySatisfy(i -> assertThat(i.route()).isEqualTo("courses/" + id + "/quizzes/" + quiz1.id()));
        // The training playground on the digits training split sits beside "Training neural networks II" (lecture 8).
        var training8 = lectures.stream().filter(l -> l.lecture().number() == 8).findFirst().orElseThrow();
        assertThat(training8.linked()).anySatisfy(i -> assertThat(i.route()).isEqualTo("courses/" + id + "/training"));
        assertThat(CurrentUser.runAs(student, () -> training.datasets(id))).extracting(d -> d.key()).containsExactly("digits");

        // Lecture 1's show of hands, as an anonymous first-day survey that is open now; a welcome announcement points to it.
        assertThat(CurrentUser.runAs(student, () -> surveys.surveys(id))).singleElement().satisfies(sv -> {
            assertThat(sv.anonymous()).isTrue();
            assertThat(sv.questions()).extracting(q -> q.prompt()).contains("Which program are you in?",
                    "Which GPU can you use for the assignments?", "Which time zone will you be in this quarter?");
            assertThat(sv.isOpen(clock.instant())).isTrue();
        });
        assertThat(CurrentUser.runAs(student, () -> announcements.current(id))).extracting(a -> a.title()).containsExactly("Welcome to CSE 493G1");

        // A0 is past, graded and released: Ada handed it in two days late and spent two late days on it; Grace was on time.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).until(() ->
                CurrentUser.runAs(student, () -> gradebook.gradebook(id)).students().getFirst().items().get("A0").score() != null);
        var ada = CurrentUser.runAs(student, () -> gradebook.gradebook(id)).students().getFirst();
        assertThat(ada.items().get("A0").lateDays()).isEqualTo(2);
        assertThat(ada.items().get("A0").score()).isEqualByComparingTo("100");
        assertThat(ada.lateDaysUsed()).isEqualTo(2);
        assertThat(ada.lateDaysRemaining()).isEqualTo(3);
        var grace = accounts.authenticate("student3@demo.lectern", "demo-password-1", "192.0.2.1");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).until(() ->
                CurrentUser.runAs(grace, () -> gradebook.gradebook(id)).students().getFirst().items().get("A0").score() != null);
        assertThat(CurrentUser.runAs(grace, () -> gradebook.gradebook(id)).students().getFirst().lateDaysUsed()).isZero();

        var instructor = accounts.authenticate("instructor@demo.lectern", "demo-password-1", "192.0.2.1");
        var roster = CurrentUser.runAs(instructor, () -> courses.roster(id));
        assertThat(roster).extracting(m -> m.email()).containsExactlyInAnyOrder("instructor@demo.lectern", "ta@demo.lectern",
                "student1@demo.lectern", "student2@demo.lectern", "student3@demo.lectern");

        // The project's milestones are team items graded with rubrics, under the seed's late-day rules.
        var project = CurrentUser.runAs(instructor, () -> assignments.list(id)).stream().filter(a -> a.shortName().startsWith("project-")).toList();
        assertThat(project).extracting(a -> a.shortName())
                .containsExactlyInAnyOrder("project-proposal", "project-milestone", "project-final-report", "project-poster");
        assertThat(project).allSatisfy(a -> {
            assertThat(a.team()).isTrue();
            assertThat(a.allowedExtensions()).contains(".pdf");
            var questions = CurrentUser.runAs(instructor, () -> written.questions(a.id()));
            assertThat(questions).isNotEmpty().allSatisfy(q -> assertThat(q.rubric()).isNotEmpty());
            assertThat(questions.stream().map(q -> q.points()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                    .isEqualByComparingTo(a.points());
        });
        var policy = CurrentUser.runAs(instructor, () -> policies.policy(id));
        assertThat(policy.rule("project-proposal").takesLateDays()).isTrue();
        assertThat(policy.rule("project-final-report").takesLateDays()).isFalse();
        assertThat(policy.rule("project-poster").acceptsLate()).isEqualTo(org.lectern.latepolicy.AcceptsLate.NO);
        assertThat(policy.teamLateRule()).isEqualTo(org.lectern.latepolicy.TeamLateRule.EACH_MEMBER);
        assertThat(policy.item("project-milestone")).hasValueSatisfying(i -> assertThat(i.weight()).isEqualByComparingTo("4"));
    }
}
