package org.lectern.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.lectern.grading.plagiarism.Candidate;
import org.lectern.identity.Account;
import org.lectern.project.Team;
import org.lectern.project.TeamService;
import org.lectern.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;

/** A plagiarism check on a team item compares each team's work once, standing for all its members. */
@BackendTest
class TeamPlagiarismIT {

    @Autowired People people;
    @Autowired CourseService courses;
    @Autowired AssignmentService assignments;
    @Autowired SubmissionService submissions;
    @Autowired TeamService teams;
    @Autowired PlagiarismWorker worker;

    @Test
    void aTeamIsOneCandidateWhoseMembersAllCarryTheDecision() {
        Account instructor = people.instructor();
        Account ada = people.user("ada");
        Account alan = people.user("alan");
        Account grace = people.user("grace");
        record Setup(Assignment a, Team team) {
        }
        Setup s = as(instructor, () -> {
            long id = courses.create(new CourseDraft("TP " + instructor.id(), "Deep Learning", "Winter 2026", "America/Los_Angeles")).id();
            for (Account st : List.of(ada, alan, grace)) {
                courses.addMember(id, new NewMember(st.displayName(), st.email(), CourseRole.STUDENT, null));
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Assignment a = assignments.create(id, new AssignmentDraft("P", "Project proposal", null, now.minus(1, ChronoUnit.DAYS),
                    now.plus(7, ChronoUnit.DAYS), BigDecimal.TEN, true, null, null, null, null, null, null, null));
            Team team = teams.createWithMembers(id, "Blue", List.of(ada.email(), alan.email()));
            teams.createWithMembers(id, "Solo", List.of(grace.email()));
            return new Setup(a, team);
        });
        // both members of Blue hand in a version: still one body of work
        as(ada, () -> submissions.submit(s.a().id(), "p.ipynb", Coursework.halfRight()));
        as(alan, () -> submissions.submit(s.a().id(), "p.ipynb", Coursework.correct()));
        as(grace, () -> submissions.submit(s.a().id(), "p.ipynb", Coursework.correct()));

        List<Candidate> students = worker.input(s.a()).candidates().stream().filter(Candidate::isStudent).toList();
        assertThat(students).hasSize(2);
        Candidate blue = students.stream().filter(c -> c.id().equals("team" + s.team().id())).findFirst().orElseThrow();
        assertThat(blue.members()).containsExactlyInAnyOrder(String.valueOf(ada.id()), String.valueOf(alan.id()));
        assertThat(blue.label()).contains("Blue").contains(alan.displayName());
    }
}
