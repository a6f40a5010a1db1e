package org.lectern.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.People;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.autograde.AutogradeService;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.identity.Account;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;

/** The gradebook on real submissions: the seeds' late-day rules, extensions, release, exports. */
@BackendTest
class GradebookIT {

    static final ZoneId SEATTLE = ZoneId.of("America/Los_Angeles");

    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired CourseService courses;
    @Autowired AssignmentService assignments;
    @Autowired SubmissionService submissions;
    @Autowired AutogradeService autograde;
    @Autowired GradebookService gradebook;
    @Autowired GradingPolicyService policies;
    @Autowired ScoreEntryService scores;
    @Autowired GradeExportService exports;
    @Autowired AuditLog audit;
    @Autowired org.lectern.identity.AccountService accounts;
    @Autowired org.springframework.context.ApplicationEventPublisher events;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SEATTLE).toInstant();
    }

    record Setup(Coursework.Setup s, Account third, Assignment a) {
    }

    /** A course with A1 due Friday 2026-11-13 23:59 (Seattle), in the Assignments category, graded out of 100. */
    Setup lateCourse() {
        var s = coursework.setup(false);
        // A name that is a spreadsheet formula: the exports must neutralise it.
        Account third = accounts.createWithPassword("third-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@test.lectern",
                "=HYPERLINK(\"http://evil\")", org.lectern.identity.SiteRole.USER, People.PASSWORD);
        Assignment a = as(s.instructor(), () -> {
            courses.addMember(s.courseId(), new NewMember(third.displayName(), third.email(), CourseRole.STUDENT, null));
            Assignment created = assignments.create(s.courseId(), new AssignmentDraft("A2", "Backprop", null, at("2026-11-01T09:00"),
                    at("2026-11-13T23:59"), BigDecimal.valueOf(100), null, null, null, null, null, null, null, null, "Assignments", null));
            assignments.uploadAutograder(created.id(), Coursework.autograder());
            return created;
        });
        // Submitted on the students' behalf so the times are exactly the seeds' examples.
        List<Long> ids = as(s.ta(), () -> List.of(
                submissions.submitOnBehalf(a.id(), s.student().email(), at("2026-11-15T23:00"), "test", "a.ipynb", Coursework.correct()).submissionId(),
                submissions.submitOnBehalf(a.id(), s.otherStudent().email(), at("2026-11-16T00:30"), "test", "a.ipynb", Coursework.correct()).submissionId(),
                submissions.submitOnBehalf(a.id(), third.email(), at("2026-11-17T00:30"), "test", "a.ipynb", Coursework.correct()).submissionId()));
        for (long id : ids) {
            await().atMost(Duration.ofSeconds(90)).until(() -> as(s.ta(), () -> autograde.results(id)).finished());
        }
        return new Setup(s, third, a);
    }

    private static GradebookRows.StudentRow row(GradebookService.Gradebook g, Account who) {
        return g.students().stream().filter(r -> r.email().equals(who.email())).findFirst().orElseThrow();
    }

    @Test
    void theSeedsLateRulesOnRealSubmissions() {
        var t = lateCourse();
        var s = t.s();
        var g = as(s.ta(), () -> gradebook.gradebook(s.courseId()));
        // Friday 23:59 deadline: Sunday 23:00 is one late day (the weekend counts as one), Monday 00:30 two.
        var one = row(g, s.student()).items().get("A2");
        assertThat(one.lateDays()).isEqualTo(1);
        assertThat(one.score()).isEqualByComparingTo("100");
        assertThat(row(g, s.student()).lateDaysRemaining()).isEqualTo(4);
        var two = row(g, s.otherStudent()).items().get("A2");
        assertThat(two.lateDays()).isEqualTo(2);
        assertThat(two.score()).isEqualByComparingTo("100");
        // Tuesday 00:30 is three days: at most 2 free per assignment, the third costs 25%.
        var three = row(g, t.third()).items().get("A2");
        assertThat(three.lateDays()).isEqualTo(3);
        assertThat(three.penaltyPercent()).isEqualByComparingTo("25");
        assertThat(three.score()).isEqualByComparingTo("75");
        assertThat(row(g, t.third()).lateDaysUsed()).isEqualTo(2);
    }

    @Test
    void studentsSeeOnlyTheirOwnReleasedScores() {
        var t = lateCourse();
        var s = t.s();
        // Hand-entered scores and overrides on an unreleased assignment stay hidden as well.
        as(s.ta(), () -> scores.enterScore(s.courseId(), "A2", s.student().email(), BigDecimal.valueOf(91), false));
        as(s.instructor(), () -> scores.override(s.courseId(), "A2", s.otherStudent().email(), BigDecimal.ZERO, "integrity case 3"));
        var before = as(s.student(), () -> gradebook.gradebook(s.courseId()));
        assertThat(before.students()).singleElement().satisfies(r -> {
            assertThat(r.email()).isEqualTo(s.student().email());
            assertThat(r.items().get("A2").score()).isNull();
            assertThat(r.lateDaysUsed()).isEqualTo(1); // the ledger counts days before the score is out
        });
        var otherBefore = as(s.otherStudent(), () -> gradebook.gradebook(s.courseId()));
        assertThat(otherBefore.students().getFirst().items().get("A2").score()).isNull();
        assertThat(otherBefore.students().getFirst().items().get("A2").overrideReason()).isNull();
        as(s.instructor(), () -> assignments.releaseGrades(t.a().id(), true));
        var after = as(s.student(), () -> gradebook.gradebook(s.courseId()));
        assertThat(after.students().getFirst().items().get("A2").score()).isEqualByComparingTo("91");
        var otherAfter = as(s.otherStudent(), () -> gradebook.gradebook(s.courseId()));
        assertThat(otherAfter.students().getFirst().items().get("A2").score()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> as(s.student(), () -> exports.csv(s.courseId()))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void extensionsOverridesAndPolicyChangesAreAppliedAndAudited() {
        var t = lateCourse();
        var s = t.s();
        as(s.ta(), () -> scores.grantExtension(s.courseId(), "a2", s.otherStudent().email(), null, 3, "illness, note on file"));
        as(s.instructor(), () -> scores.override(s.courseId(), "A2", t.third().email(), BigDecimal.ZERO, "integrity case 12"));
        var g = as(s.ta(), () -> gradebook.gradebook(s.courseId()));
        // Extra days are calendar days: Friday 23:59 + 3 is Monday 23:59, so Monday 00:30 is on time.
        assertThat(row(g, s.otherStudent()).items().get("A2").lateDays()).isZero();
        assertThat(row(g, s.otherStudent()).lateDaysRemaining()).isEqualTo(5);
        assertThat(row(g, t.third()).items().get("A2").score()).isEqualByComparingTo("0");
        assertThat(row(g, t.third()).items().get("A2").overrideReason()).isEqualTo("integrity case 12");
        assertThat(audit.forCourse(s.courseId())).extracting(AuditLog.Entry::action).contains("extension.granted", "grade.override");
        assertThatThrownBy(() -> as(s.ta(), () -> scores.override(s.courseId(), "A2", t.third().email(), BigDecimal.ONE, "x")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(s.instructor(), () -> scores.override(s.courseId(), "A2", t.third().email(), BigDecimal.ONE, " ")))
                .isInstanceOf(InvalidInputException.class);

        // COMP541's 7 grace days, no per-item maximum: the third student's 3 days are all free now.
        var doc = as(s.instructor(), () -> policies.policy(s.courseId()));
        var comp = new PolicyDocument(new PolicyDocument.LateDaysJson(7, null, BigDecimal.valueOf(20), false, 15, 12, "deadline_order"),
                doc.categories(), doc.letters());
        as(s.instructor(), () -> policies.setPolicy(s.courseId(), comp));
        var g2 = as(s.ta(), () -> gradebook.gradebook(s.courseId()));
        assertThat(row(g2, s.student()).lateDaysRemaining()).isEqualTo(5); // Sunday 23:00 is two calendar days after Friday
    }

    @Test
    void exportsNeutraliseFormulasAndFollowCanvasColumns() {
        var t = lateCourse();
        var s = t.s();
        String csv = as(s.ta(), () -> exports.csv(s.courseId()));
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("Student,Email,SIS User ID,Section,a0,a1,A2,a3");
        assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
        String canvas = as(s.ta(), () -> exports.canvasCsv(s.courseId()));
        List<String> lines = canvas.lines().toList();
        assertThat(lines.get(0)).startsWith("Student,ID,SIS User ID,SIS Login ID,Section,a0,a1,A2,a3");
        assertThat(lines.get(1)).startsWith("\"    Points Possible\",");
        assertThat(canvas).contains(s.student().email());
    }

    @Test
    void aPolicyThatDoesNotAddUpIsRefused() {
        var s = coursework.setup(false);
        var doc = as(s.instructor(), () -> policies.policy(s.courseId()));
        var broken = new PolicyDocument(doc.lateDays(), List.of(new PolicyDocument.CategoryJson("Only", BigDecimal.valueOf(50), 0, false, null,
                List.of(new PolicyDocument.ItemJson("x", BigDecimal.TEN, null, null, null)))), doc.letters());
        assertThatThrownBy(() -> as(s.instructor(), () -> policies.setPolicy(s.courseId(), broken)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid");
        assertThatThrownBy(() -> as(s.instructor(), () -> assignments.create(s.courseId(), new AssignmentDraft("Q9", "Quiz", null,
                Instant.now(), Instant.now(), BigDecimal.ONE, null, null, null, null, null, null, null, null, "Nope", null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no gradebook category 'Nope'");
        assertThat(as(s.instructor(), () -> assignments.list(s.courseId()))).extracting(Assignment::shortName).doesNotContain("Q9");
    }

    @Test
    void featuresDeclareItemsAndReportScoresThatOverridesOutrank() {
        var s = coursework.setup(false);
        as(s.instructor(), () -> tx.executeWithoutResult(st -> events.publishEvent(new GradedItemDeclared(s.courseId(), "Quiz2", BigDecimal.TEN, "Quizzes"))));
        as(s.student(), () -> tx.executeWithoutResult(st -> events.publishEvent(new ScoreReported(s.courseId(), "Quiz2", s.student().id(), new BigDecimal("8"), "quiz"))));
        var g = as(s.student(), () -> gradebook.gradebook(s.courseId()));
        assertThat(g.itemKeys()).contains("Quiz2").doesNotContain("quiz2"); // took the placeholder's place
        assertThat(g.students().getFirst().items().get("Quiz2").score()).isEqualByComparingTo("8");
        assertThat(g.students().getFirst().items().get("Quiz2").max()).isEqualByComparingTo("10");

        as(s.instructor(), () -> scores.override(s.courseId(), "Quiz2", s.student().email(), BigDecimal.ZERO, "integrity case 9"));
        as(s.student(), () -> tx.executeWithoutResult(st -> events.publishEvent(new ScoreReported(s.courseId(), "Quiz2", s.student().id(), BigDecimal.TEN, "quiz"))));
        var after = as(s.student(), () -> gradebook.gradebook(s.courseId()));
        assertThat(after.students().getFirst().items().get("Quiz2").score()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> as(s.instructor(), () -> tx.executeWithoutResult(st -> events.publishEvent(
                new GradedItemDeclared(s.courseId(), "Quiz9", BigDecimal.TEN, "Homework")))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no gradebook category 'Homework'");
    }

    @Test
    void anAssignmentWithoutCategoryOrPlaceholderGetsAColumnThatSpendsNoLateDays() {
        var s = coursework.setup(false);
        Assignment a = as(s.instructor(), () -> {
            Assignment created = assignments.create(s.courseId(), new AssignmentDraft("bonus-lab", "Bonus lab", null, at("2026-11-01T09:00"),
                    at("2026-11-13T23:59"), BigDecimal.valueOf(10), null, null, null, null, null, null, null, null, null, null));
            assignments.uploadAutograder(created.id(), Coursework.autograder());
            return created;
        });
        long id = as(s.ta(), () -> submissions.submitOnBehalf(a.id(), s.student().email(), at("2026-11-16T00:30"), "test", "a.ipynb",
                Coursework.correct()).submissionId());
        await().atMost(Duration.ofSeconds(90)).until(() -> as(s.ta(), () -> autograde.results(id)).finished());

        var g = as(s.ta(), () -> gradebook.gradebook(s.courseId()));
        assertThat(g.itemKeys()).contains("bonus-lab");
        var mine = row(g, s.student());
        assertThat(mine.items().get("bonus-lab").score()).isNotNull();
        assertThat(mine.items().get("bonus-lab").penaltyPercent()).isEqualByComparingTo("0");
        assertThat(mine.lateDaysUsed()).isZero(); // worth nothing, so it spends none of the student's days
        assertThat(mine.totalPercent()).isNull();
        // The instructor can still give it weight: the policy lists it like any other item.
        assertThat(as(s.instructor(), () -> policies.policy(s.courseId())).categories()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo(PolicyDocument.NOT_COUNTED);
            assertThat(c.items()).extracting(PolicyDocument.ItemJson::shortName).containsExactly("bonus-lab");
        });
    }

    @Test
    void anOverrideKindReportIsAnInstructorsAuditedOverride() {
        var s = coursework.setup(false);
        as(s.instructor(), () -> tx.executeWithoutResult(st -> events.publishEvent(new GradedItemDeclared(s.courseId(), "Quiz2", BigDecimal.TEN, "Quizzes"))));
        as(s.student(), () -> tx.executeWithoutResult(st -> events.publishEvent(new ScoreReported(s.courseId(), "Quiz2", s.student().id(), new BigDecimal("8"), "quiz"))));

        // Only an instructor may decide one, as with a hand-made override; nothing changes when refused.
        assertThatThrownBy(() -> as(s.ta(), () -> tx.executeWithoutResult(st -> events.publishEvent(
                ScoreReported.override(s.courseId(), "Quiz2", s.student().id(), BigDecimal.ZERO, "plagiarism", "integrity case 4: copied")))))
                .isInstanceOf(ForbiddenException.class);
        assertThat(as(s.student(), () -> gradebook.gradebook(s.courseId())).students().getFirst().items().get("Quiz2").score())
                .isEqualByComparingTo("8");

        as(s.instructor(), () -> tx.executeWithoutResult(st -> events.publishEvent(
                ScoreReported.override(s.courseId(), "Quiz2", s.student().id(), BigDecimal.ZERO, "plagiarism", "integrity case 4: copied"))));
        var line = as(s.student(), () -> gradebook.gradebook(s.courseId())).students().getFirst().items().get("Quiz2");
        assertThat(line.score()).isEqualByComparingTo("0");
        assertThat(line.overrideReason()).isEqualTo("integrity case 4: copied");
        assertThat(audit.forCourse(s.courseId())).filteredOn(e -> e.action().equals("grade.override")).singleElement()
                .satisfies(e -> assertThat(e.actorId()).isEqualTo(s.instructor().id()));
        assertThatThrownBy(() -> ScoreReported.override(s.courseId(), "Quiz2", s.student().id(), BigDecimal.ZERO, "plagiarism", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
