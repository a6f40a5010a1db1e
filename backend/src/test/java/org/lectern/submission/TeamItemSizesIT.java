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
import org.lectern.RestCalls;
import org.lectern.RestCalls.Reply;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.identity.Account;
import org.lectern.platform.InvalidInputException;
import org.lectern.project.TeamService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A team item's own team sizes on the real database: a team outside them cannot submit (nor staff for it), a team
 * inside can, an item that sets none takes the course's sizes, and the API refuses sizes out of range.
 */
@BackendTest
class TeamItemSizesIT {

    @LocalServerPort int port;
    @Autowired People people;
    @Autowired CourseService courses;
    @Autowired AssignmentService assignments;
    @Autowired SubmissionService submissions;
    @Autowired TeamService teams;

    record Course(Account instructor, Account solo, Account ada, Account alan, long id) {
    }

    /** Solo is a team of one; Ada and Alan are a team of two. The course takes teams of up to 3. */
    Course course() {
        Account instructor = people.instructor();
        Account solo = people.user("solo");
        Account ada = people.user("ada");
        Account alan = people.user("alan");
        return as(instructor, () -> {
            long id = courses.create(new CourseDraft("TZ " + instructor.id(), "Deep Learning", "Winter 2026", "America/Los_Angeles")).id();
            for (Account s : List.of(solo, ada, alan)) {
                courses.addMember(id, new NewMember(s.displayName(), s.email(), CourseRole.STUDENT, null));
            }
            teams.createWithMembers(id, "Solo", List.of(solo.email()));
            teams.createWithMembers(id, "Pair", List.of(ada.email(), alan.email()));
            return new Course(instructor, solo, ada, alan, id);
        });
    }

    Assignment item(Course c, String name, Integer min, Integer max) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return as(c.instructor(), () -> assignments.create(c.id(), new AssignmentDraft(name, "Milestone " + name, null,
                now.minus(1, ChronoUnit.DAYS), now.plus(5, ChronoUnit.DAYS), BigDecimal.TEN, true, null, null, null, null, null, null,
                null, null, null, min, max)));
    }

    @Test
    void aTeamOutsideTheItemsSizesIsRefusedAndATeamInsideSubmits() {
        Course c = course();
        Assignment pairs = item(c, "M1", 2, 3);
        assertThat(pairs.teamMinSize()).isEqualTo(2);
        assertThat(pairs.teamMaxSize()).isEqualTo(3);

        assertThatThrownBy(() -> as(c.solo(), () -> submissions.submit(pairs.id(), "m1.ipynb", Coursework.correct())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("This item takes teams of 2–3; your team has 1 member: ask staff to place a classmate in it before submitting.");
        assertThatThrownBy(() -> as(c.instructor(), () -> submissions.submitOnBehalf(pairs.id(), c.solo().email(), null,
                "e-mailed", "m1.ipynb", Coursework.correct())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("This item takes teams of 2–3; their team has 1 member: ask staff to place a classmate in it before submitting.");
        assertThat(as(c.solo(), () -> submissions.mine(pairs.id())).versions()).isEmpty(); // nothing half-written

        Receipt r = as(c.ada(), () -> submissions.submit(pairs.id(), "m1.ipynb", Coursework.correct()));
        assertThat(as(c.alan(), () -> submissions.mine(pairs.id())).countedId()).isEqualTo(r.submissionId());

        // a smaller maximum than the course's: the pair is too big for a one-person item
        Assignment singles = item(c, "M2", null, 1);
        assertThatThrownBy(() -> as(c.alan(), () -> submissions.submit(singles.id(), "m2.ipynb", Coursework.correct())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("This item takes teams of 1; your team has 2 members: ask staff to move a member to another team before submitting.");
        as(c.solo(), () -> submissions.submit(singles.id(), "m2.ipynb", Coursework.correct()));
    }

    @Test
    void anItemWithoutItsOwnSizesTakesTheCoursesSizes() {
        Course c = course();
        Assignment plain = item(c, "P", null, null);
        assertThat(plain.teamMinSize()).isNull();
        as(c.solo(), () -> submissions.submit(plain.id(), "p.ipynb", Coursework.correct()));
        as(c.ada(), () -> submissions.submit(plain.id(), "p.ipynb", Coursework.correct()));
    }

    @Test
    void theApiRefusesTeamSizesOutOfRangeAndReturnsTheItemsOwn() throws Exception {
        Course c = course();
        RestCalls rest = new RestCalls(port);
        String token = rest.token(c.instructor());
        String base = """
                {"shortName": "%s", "title": "Milestone", "releaseAt": "2026-01-05T09:00:00Z", "dueAt": "2026-03-05T09:00:00Z",
                 "points": 10, "team": %s%s}""";
        for (String bad : List.of(", \"teamMinSize\": 0", ", \"teamMaxSize\": 21", ", \"teamMinSize\": 3, \"teamMaxSize\": 2",
                ", \"teamMinSize\": 1e400")) {
            Reply r = Reply.of(rest.send("POST", "/api/v1/courses/" + c.id() + "/assignments", token, "application/json",
                    base.formatted("B", "true", bad)));
            assertThat(r.status()).as(bad + " " + r.raw()).isEqualTo(400);
        }
        Reply notTeam = Reply.of(rest.send("POST", "/api/v1/courses/" + c.id() + "/assignments", token, "application/json",
                base.formatted("N", "false", ", \"teamMaxSize\": 2")));
        assertThat(notTeam.status()).as(notTeam.raw()).isEqualTo(400);
        assertThat(notTeam.raw()).contains("team items");

        Reply ok = Reply.of(rest.send("POST", "/api/v1/courses/" + c.id() + "/assignments", token, "application/json",
                base.formatted("G", "true", ", \"teamMinSize\": 2, \"teamMaxSize\": 3")));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
        assertThat(ok.body().get("teamMinSize").asInt()).isEqualTo(2);
        assertThat(ok.body().get("teamMaxSize").asInt()).isEqualTo(3);
        long id = ok.body().get("id").asLong();

        Reply bad = Reply.of(rest.send("PUT", "/api/v1/assignments/" + id + "/team-sizes", token, "application/json",
                "{\"teamMinSize\": 4, \"teamMaxSize\": 3}"));
        assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
        Reply changed = Reply.of(rest.send("PUT", "/api/v1/assignments/" + id + "/team-sizes", token, "application/json",
                "{\"teamMaxSize\": 4}"));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().path("teamMinSize").isIntegralNumber()).isFalse();
        assertThat(changed.body().get("teamMaxSize").asInt()).isEqualTo(4);
    }
}
