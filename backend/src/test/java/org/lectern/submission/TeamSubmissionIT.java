package org.lectern.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.People;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.gradebook.GradebookRows;
import org.lectern.gradebook.GradebookService;
import org.lectern.gradebook.GradingPolicyService;
import org.lectern.gradebook.PolicyDocument;
import org.lectern.identity.Account;
import org.lectern.latepolicy.LedgerEntry;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.project.Team;
import org.lectern.project.TeamFormationService;
import org.lectern.project.TeamService;
import org.lectern.written.WrittenDrafts;
import org.lectern.written.WrittenService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Team items on the real database: one submission per team that every member sees with who made each version, the
 * team's late days in each member's ledger by the course's rule, and a rubric grade that reaches every member.
 */
@BackendTest
class TeamSubmissionIT {

    @Autowired People people;
    @Autowired CourseService courses;
    @Autowired AssignmentService assignments;
    @Autowired SubmissionService submissions;
    @Autowired TeamService teams;
    @Autowired TeamFormationService formation;
    @Autowired GradingPolicyService policies;
    @Autowired GradebookService gradebook;
    @Autowired WrittenService written;

    record Course(Account instructor, Account ta, Account ada, Account alan, Account grace, Account otto, long id, Team team,
                  Assignment early, Assignment proposal) {
    }

    /**
     * Ada, Alan and Grace are team Blue; Otto is in no team. E1 is an individual item due 10 days ago; the proposal is a
     * team item due 30 hours ago, so handing it in now is two days late (calendar days, no grace).
     */
    Course course() {
        Account instructor = people.instructor();
        Account ta = people.user("ta");
        Account ada = people.user("ada");
        Account alan = people.user("alan");
        Account grace = people.user("grace");
        Account otto = people.user("otto");
        return as(instructor, () -> {
            long id = courses.create(new CourseDraft("TS " + instructor.id(), "Deep Learning", "Winter 2026", "America/Los_Angeles")).id();
            courses.addMember(id, new NewMember("TA", ta.email(), CourseRole.TA, null));
            for (Account s : List.of(ada, alan, grace, otto)) {
                courses.addMember(id, new NewMember(s.displayName(), s.email(), CourseRole.STUDENT, null));
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Assignment early = assignments.create(id, AssignmentDraft.of("E1", "Warm-up", now.minus(20, ChronoUnit.DAYS),
                    now.minus(10, ChronoUnit.DAYS), BigDecimal.TEN));
            Assignment proposal = assignments.create(id, new AssignmentDraft("P", "Project proposal", null, now.minus(20, ChronoUnit.DAYS),
                    now.minus(30, ChronoUnit.HOURS), BigDecimal.TEN, true, null, null, null, null, null, null, null));
            Team team = teams.createWithMembers(id, "Blue", List.of(ada.email(), alan.email(), grace.email()));
            return new Course(instructor, ta, ada, alan, grace, otto, id, team, early, proposal);
        });
    }

    void policy(Course c, String teamRule) {
        as(c.instructor(), () -> {
            var doc = policies.policy(c.id());
            policies.setPolicy(c.id(), new PolicyDocument(
                    new PolicyDocument.LateDaysJson(2, null, BigDecimal.valueOf(25), false, 0, null, "deadline_order", teamRule),
                    List.of(new PolicyDocument.CategoryJson("Work", BigDecimal.valueOf(100), 0, false, null, List.of(
                            new PolicyDocument.ItemJson("E1", BigDecimal.TEN, null, null, null),
                            new PolicyDocument.ItemJson("P", BigDecimal.TEN, null, null, null)))),
                    doc.letters()));
        });
    }

    static LedgerEntry ledger(GradebookService.Gradebook book, Account student, String item) {
        GradebookRows.StudentRow row = book.students().stream().filter(r -> r.accountId() == student.id()).findFirst().orElseThrow();
        return row.lateDays().entry(item);
    }

    @Test
    void aTeamHandsInOneSubmissionThatEveryMemberSeesWithWhoMadeEachVersion() {
        Course c = course();
        long p = c.proposal().id();
        Receipt v1 = as(c.ada(), () -> submissions.submit(p, "proposal.ipynb", Coursework.correct()));
        Receipt v2 = as(c.alan(), () -> submissions.submit(p, "proposal.ipynb", Coursework.halfRight()));
        assertThat(v2.version()).isEqualTo(2); // numbered per team, whoever submits

        var seen = as(c.grace(), () -> submissions.mine(p));
        assertThat(seen.teamId()).isEqualTo(c.team().id());
        assertThat(seen.versions()).extracting(Submission::version, Submission::accountId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, c.alan().id()), org.assertj.core.groups.Tuple.tuple(1, c.ada().id()));
        assertThat(seen.countedId()).isEqualTo(v2.submissionId());
        assertThat(as(c.ada(), () -> submissions.mine(p)).countedId()).isEqualTo(v2.submissionId());
        assertThat(as(c.grace(), () -> submissions.files(v1.submissionId()))).extracting(StoredFile::path).containsExactly("proposal.ipynb");

        // one submission per team for staff (the grading queue, plagiarism), and nothing for anyone outside the team
        assertThat(as(c.ta(), () -> submissions.counted(p))).extracting(Submission::id).containsExactly(v2.submissionId());
        assertThat(as(c.ta(), () -> submissions.sharingWork(p, c.grace().id()))).containsExactlyInAnyOrder(c.ada().id(), c.alan().id(),
                c.grace().id());
        assertThatThrownBy(() -> as(c.otto(), () -> submissions.get(v1.submissionId()))).isInstanceOf(NotFoundException.class);
        assertThat(as(c.otto(), () -> submissions.mine(p)).versions()).isEmpty();
        assertThatThrownBy(() -> as(c.otto(), () -> submissions.submit(p, "proposal.ipynb", Coursework.correct())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("team item").hasMessageContaining("Teams tab");
        assertThatThrownBy(() -> as(c.ada(), () -> submissions.choose(v1.submissionId())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("latest version counts");

        // individual items stay individual: Ada's own work is hers alone
        Receipt own = as(c.ada(), () -> submissions.submit(c.early().id(), "e1.ipynb", Coursework.correct()));
        assertThat(own.version()).isEqualTo(1);
        assertThatThrownBy(() -> as(c.alan(), () -> submissions.get(own.submissionId()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aStudentWhoChangesTeamsStartsTheNewTeamsNumberingAndTheOldTeamKeepsItsVersions() {
        Course c = course();
        long p = c.proposal().id();
        Receipt blue = as(c.ada(), () -> submissions.submit(p, "proposal.ipynb", Coursework.correct()));
        // Ada moves to a team of her own; then Alan and Grace leave Blue, which is deleted with its last member
        Team red = as(c.ta(), () -> {
            teams.removeMember(c.team().id(), c.ada().id());
            return teams.createWithMembers(c.id(), "Red", List.of(c.ada().email()));
        });
        Receipt first = as(c.ada(), () -> submissions.submit(p, "proposal.ipynb", Coursework.halfRight()));
        assertThat(first.version()).isEqualTo(1); // Red's first version, though Ada made Blue's first too
        assertThat(as(c.ada(), () -> submissions.mine(p)).versions()).extracting(Submission::id).containsExactly(first.submissionId());
        assertThat(as(c.alan(), () -> submissions.mine(p)).versions()).extracting(Submission::id).containsExactly(blue.submissionId());
        as(c.alan(), () -> formation.leave(c.team().id()));
        as(c.grace(), () -> formation.leave(c.team().id())); // the last one out ends Blue
        Receipt again = as(c.ada(), () -> submissions.submit(p, "proposal.ipynb", Coursework.correct()));
        assertThat(again.version()).isEqualTo(2);
        assertThat(as(c.ta(), () -> submissions.counted(p))).extracting(Submission::id)
                .containsExactlyInAnyOrder(blue.submissionId(), again.submissionId());
        assertThat(red.name()).isEqualTo("Red");
        assertThat(as(c.ada(), () -> submissions.get(blue.submissionId())).teamId()).isEqualTo(c.team().id()); // she made it
    }

    @Test
    void aLateTeamItemSpendsEachMembersOwnDaysAndAMemberWithoutDaysTakesThePenaltyAlone() {
        Course c = course();
        policy(c, "each_member");
        // Grace spent both her free days on E1 (handed in for her by staff, 30 hours after its deadline)
        as(c.ta(), () -> submissions.submitOnBehalf(c.early().id(), c.grace().email(), c.early().dueAt().plus(30, ChronoUnit.HOURS),
                "e-mailed during the outage", "e1.ipynb", Coursework.correct()));
        as(c.alan(), () -> submissions.submit(c.proposal().id(), "proposal.ipynb", Coursework.correct()));

        var book = as(c.ta(), () -> gradebook.gradebook(c.id()));
        for (Account member : List.of(c.ada(), c.alan())) {
            LedgerEntry e = ledger(book, member, "P");
            assertThat(e.daysLate()).as(member.displayName()).isEqualTo(2);
            assertThat(e.freeDaysApplied()).as(member.displayName()).isEqualTo(2);
            assertThat(e.penaltyPercent()).isEqualByComparingTo("0");
        }
        LedgerEntry grace = ledger(book, c.grace(), "P");
        assertThat(grace.freeDaysApplied()).isZero();
        assertThat(grace.daysPenalised()).isEqualTo(2);
        assertThat(grace.penaltyPercent()).isEqualByComparingTo("50");
        assertThat(ledger(book, c.otto(), "P").status().name()).isEqualTo("NOT_SUBMITTED");

        // each member's own ledger says the same
        var adas = as(c.ada(), () -> gradebook.gradebook(c.id()));
        assertThat(adas.students()).hasSize(1);
        assertThat(ledger(adas, c.ada(), "P").freeDaysApplied()).isEqualTo(2);
        assertThat(adas.students().getFirst().lateDaysRemaining()).isZero();
    }

    @Test
    void underTheSharedPenaltyRuleTheMemberWithoutDaysSetsThePenaltyForTheWholeTeam() {
        Course c = course();
        policy(c, "shared_penalty");
        as(c.ta(), () -> submissions.submitOnBehalf(c.early().id(), c.grace().email(), c.early().dueAt().plus(30, ChronoUnit.HOURS),
                "e-mailed during the outage", "e1.ipynb", Coursework.correct()));
        as(c.ada(), () -> submissions.submit(c.proposal().id(), "proposal.ipynb", Coursework.correct()));

        var book = as(c.ta(), () -> gradebook.gradebook(c.id()));
        for (Account member : List.of(c.ada(), c.alan(), c.grace())) {
            LedgerEntry e = ledger(book, member, "P");
            assertThat(e.freeDaysApplied()).as(member.displayName()).isZero();
            assertThat(e.penaltyPercent()).as(member.displayName()).isEqualByComparingTo("50");
        }
        // a student's own page charges the same, though it shows only their row
        var alans = as(c.alan(), () -> gradebook.gradebook(c.id()));
        assertThat(alans.students()).extracting(GradebookRows.StudentRow::accountId).containsExactly(c.alan().id());
        assertThat(ledger(alans, c.alan(), "P").penaltyPercent()).isEqualByComparingTo("50");
        assertThat(alans.students().getFirst().lateDaysRemaining()).isEqualTo(2);
    }

    @Test
    void gradingATeamsWrittenAnswerGradesEveryMember() {
        Course c = course();
        policy(c, null);
        long p = c.proposal().id();
        var q = as(c.instructor(), () -> written.addQuestion(p, new WrittenDrafts.Question(null, "Problem statement", new BigDecimal("6"), null)));
        var good = as(c.ta(), () -> written.addItem(q.id(), new WrittenDrafts.Item(new BigDecimal("5"), "Clear and feasible")));
        as(c.ada(), () -> submissions.submit(p, "proposal.ipynb", Coursework.correct()));
        // the queue's entry names the member who made the version; grading it grades the team
        as(c.ta(), () -> written.saveGrade(q.id(), c.ada().id(), new WrittenDrafts.Grade(List.of(good.id()), null, "Good scope")));
        for (Account member : List.of(c.ada(), c.alan(), c.grace())) {
            assertThat(as(c.ta(), () -> written.grade(q.id(), member.id())).score()).as(member.displayName()).isEqualByComparingTo("5");
        }
        assertThat(as(c.ta(), () -> written.grade(q.id(), c.otto().id())).score()).isNull();
    }
}
