package org.lectern.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.People.as;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.People;
import org.lectern.RestCalls;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.Member;
import org.lectern.course.NewMember;
import org.lectern.identity.Account;
import org.lectern.identity.SiteRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Roster sync from the LMS (NRPS, paged) through the roster import's preview, applied all or nothing. */
@BackendTest
class LtiRosterIT {

    static final String LEARNER = LtiLaunchIT.LEARNER;

    @LocalServerPort int port;
    @Autowired People people;
    @Autowired CourseService courses;

    PlatformSimulator lms;
    RestCalls rest;
    Account teacher;
    Account byHand;
    long courseId;
    String tag;

    @BeforeEach
    void linkedCourse() throws Exception {
        rest = new RestCalls(port);
        lms = new PlatformSimulator("http://localhost:" + port);
        Account admin = people.make("admin", SiteRole.ADMIN);
        assertThat(rest.send("POST", "/api/v1/lti/platforms", rest.token(admin), "application/json", lms.registration()).statusCode())
                .isEqualTo(201);
        teacher = people.instructor();
        byHand = people.user("byhand");
        tag = Long.toString(teacher.id());
        courseId = as(teacher, () -> {
            long id = courses.create(new CourseDraft("NRPS" + teacher.id(), "Deep Learning", "Winter 2024", "UTC")).id();
            courses.addMember(id, new NewMember("By Hand", byHand.email(), CourseRole.STUDENT, null));
            return id;
        });
        lms.next.contextId = "nrps-" + tag;
        lms.next.sub = "t-" + tag;
        lms.next.email = teacher.email();
        lms.next.roles = List.of(LtiLaunchIT.INSTRUCTOR);
        LmsBrowser b = new LmsBrowser("http://localhost:" + port);
        var page = b.launchAndLand(lms);
        var form = LmsBrowser.form(page.body(), "link-existing");
        String action = form.remove("@action");
        form.put("courseId", Long.toString(courseId));
        assertThat(b.post(action, form).statusCode()).isEqualTo(303);
    }

    @AfterEach
    void stop() {
        lms.close();
    }

    static Map<String, Object> member(String sub, String name, String email, String status, String... roles) {
        return email == null ? Map.of("user_id", sub, "name", name, "status", status, "roles", List.of(roles))
                : Map.of("user_id", sub, "name", name, "email", email, "status", status, "roles", List.of(roles));
    }

    JsonNode call(String method) throws Exception {
        var r = rest.send(method, "/api/v1/courses/" + courseId + "/lti/roster", rest.token(teacher), null, (String) null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return RestCalls.json(r.body());
    }

    Member member(String email) {
        return as(teacher, () -> courses.roster(courseId)).stream().filter(m -> m.email().equals(email)).findFirst().orElse(null);
    }

    @Test
    void allPagesArePreviewedThenAppliedWithAddsRoleChangesAndDrops() throws Exception {
        lms.members = List.of(
                member("t-" + tag, "The Teacher", teacher.email(), "Active", LtiLaunchIT.INSTRUCTOR),
                member("a-" + tag, "Ada", "ada" + tag + "@uni.test", "Active", LEARNER),
                member("b-" + tag, "Ben", "ben" + tag + "@uni.test", "Active", LtiLaunchIT.INSTRUCTOR, LtiLaunchIT.TA),
                member("c-" + tag, "Cy", "cy" + tag + "@uni.test", "Active", LEARNER),
                member("n-" + tag, "No Mail", null, "Active", LEARNER));
        lms.membersPerPage = 2; // three pages, linked by rel="next"
        JsonNode preview = call("GET");
        assertThat(preview.get("lmsMembers").asInt()).isEqualTo(5);
        assertThat(preview.get("hasErrors").asBoolean()).isFalse();
        assertThat(preview.toString()).contains("ada" + tag + "@uni.test").contains("\"role\":\"TA\"").contains("NEW_ACCOUNT");
        assertThat(preview.get("drops")).isEmpty(); // the by-hand student never came from the LMS
        assertThat(member("ada" + tag + "@uni.test")).isNull(); // a preview stores nothing

        call("POST");
        assertThat(member("ada" + tag + "@uni.test").role()).isEqualTo(CourseRole.STUDENT);
        assertThat(member("ben" + tag + "@uni.test").role()).isEqualTo(CourseRole.TA);
        assertThat(as(teacher, () -> courses.roster(courseId)).stream().filter(m -> m.name().equals("No Mail")).count()).isEqualTo(1);
        assertThat(member(byHand.email())).isNotNull();

        // Next sync: Cy left the LMS course, Ada became a TA.
        lms.members = List.of(
                member("t-" + tag, "The Teacher", teacher.email(), "Active", LtiLaunchIT.INSTRUCTOR),
                member("a-" + tag, "Ada", "ada" + tag + "@uni.test", "Active", LtiLaunchIT.TA),
                member("b-" + tag, "Ben", "ben" + tag + "@uni.test", "Active", LtiLaunchIT.INSTRUCTOR, LtiLaunchIT.TA),
                member("c-" + tag, "Cy", "cy" + tag + "@uni.test", "Deleted", LEARNER),
                member("n-" + tag, "No Mail", null, "Active", LEARNER));
        JsonNode second = call("GET");
        assertThat(second.get("drops").toString()).contains("cy" + tag + "@uni.test").doesNotContain(byHand.email())
                .doesNotContain(teacher.email());
        assertThat(second.toString()).contains("UPDATE");
        call("POST");
        assertThat(member("cy" + tag + "@uni.test")).isNull();
        assertThat(member("ada" + tag + "@uni.test").role()).isEqualTo(CourseRole.TA);
        assertThat(member(byHand.email())).isNotNull();
    }

    @Test
    void aBadRowSavesNothingAndOnlyInstructorsSync() throws Exception {
        lms.members = List.of(
                member("a-" + tag, "Ada", "ada" + tag + "@uni.test", "Active", LEARNER),
                member("x-" + tag, "Broken", "not-an-address", "Active", LEARNER));
        JsonNode preview = call("GET");
        assertThat(preview.get("hasErrors").asBoolean()).isTrue();
        assertThat(preview.toString()).contains("not a valid e-mail address");
        var r = rest.send("POST", "/api/v1/courses/" + courseId + "/lti/roster", rest.token(teacher), null, (String) null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Nothing was saved");
        assertThat(member("ada" + tag + "@uni.test")).isNull();
        var student = rest.send("GET", "/api/v1/courses/" + courseId + "/lti/roster", rest.token(byHand), null, (String) null);
        assertThat(student.statusCode()).isEqualTo(403);
    }
}
