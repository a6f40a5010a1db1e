package org.lectern.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.People;
import org.lectern.RestCalls;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseService;
import org.lectern.gradebook.GradebookService;
import org.lectern.gradebook.ScoreEntryService;
import org.lectern.identity.Account;
import org.lectern.identity.AccountService;
import org.lectern.identity.SiteRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Grade passback (AGS) to the platform simulator: only released scores, once, again when changed, retried on 429/5xx. */
@BackendTest
class LtiGradesIT {

    @LocalServerPort int port;
    @Autowired People people;
    @Autowired CourseService courses;
    @Autowired AccountService accounts;
    @Autowired AssignmentService assignments;
    @Autowired ScoreEntryService scores;
    @Autowired GradebookService gradebook;

    PlatformSimulator lms;
    RestCalls rest;
    Account teacher;
    Account student;
    long courseId;
    Assignment a1;
    String studentSub;
    LmsBrowser teacherBrowser;

    @BeforeEach
    void linkedCourseWithALaunchedStudent() throws Exception {
        rest = new RestCalls(port);
        lms = new PlatformSimulator("http://localhost:" + port);
        Account admin = people.make("admin", SiteRole.ADMIN);
        assertThat(rest.send("POST", "/api/v1/lti/platforms", rest.token(admin), "application/json", lms.registration()).statusCode())
                .isEqualTo(201);
        teacher = people.instructor();
        courseId = as(teacher, () -> courses.create(new CourseDraft("AGS" + teacher.id(), "Deep Learning", "Winter 2024", "UTC")).id());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        a1 = as(teacher, () -> assignments.create(courseId, AssignmentDraft.of("A1", "kNN", now.minus(2, ChronoUnit.DAYS),
                now.minus(1, ChronoUnit.DAYS), BigDecimal.TEN)));
        lms.next.contextId = "ags-" + teacher.id();
        // The instructor connects the LMS course; the student launches once (that is how Lectern learns their LMS id).
        lms.next.sub = "t-" + teacher.id();
        lms.next.email = teacher.email();
        lms.next.roles = List.of(LtiLaunchIT.INSTRUCTOR);
        LmsBrowser b = new LmsBrowser("http://localhost:" + port);
        teacherBrowser = b;
        var page = b.launchAndLand(lms);
        var form = LmsBrowser.form(page.body(), "link-existing");
        String action = form.remove("@action");
        form.put("courseId", Long.toString(courseId));
        assertThat(b.post(action, form).statusCode()).isEqualTo(303);
        studentSub = "s-" + teacher.id();
        lms.next.sub = studentSub;
        lms.next.email = "stu" + teacher.id() + "@uni.test";
        lms.next.name = "Stu Dent";
        lms.next.roles = List.of(LtiLaunchIT.LEARNER);
        assertThat(new LmsBrowser("http://localhost:" + port).launchAndLand(lms).statusCode()).isEqualTo(303);
        student = accounts.byEmail("stu" + teacher.id() + "@uni.test").orElseThrow();
    }

    @AfterEach
    void stop() {
        lms.close();
    }

    void score(int points) {
        as(teacher, () -> scores.enterScore(courseId, "A1", student.email(), BigDecimal.valueOf(points), false));
    }

    HttpResponse<String> sync(Account who) throws Exception {
        return rest.send("POST", "/api/v1/assignments/" + a1.id() + "/lti/sync", rest.token(who), null, (String) null);
    }

    @Test
    void aReleasedScoreArrivesOnceAndAgainWhenItChangesButAnUnreleasedOneNever() throws Exception {
        score(7);
        HttpResponse<String> unreleased = sync(teacher);
        assertThat(unreleased.statusCode()).isEqualTo(202);
        assertThat(unreleased.body()).contains("\"queued\":0");

        as(teacher, () -> assignments.releaseGrades(a1.id(), true));
        await().atMost(Duration.ofSeconds(30)).until(() -> lms.scores.size() == 1);
        var sent = lms.scores.getFirst();
        assertThat(sent.body().get("userId").asString()).isEqualTo(studentSub);
        assertThat(sent.body().get("scoreGiven").decimalValue()).isEqualByComparingTo("7");
        BigDecimal max = as(teacher, () -> gradebook.gradebook(courseId)).students().stream().filter(r -> r.accountId() == student.id())
                .findFirst().orElseThrow().items().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("A1")).findFirst().orElseThrow()
                .getValue().max();
        assertThat(sent.body().get("scoreMaximum").decimalValue()).isEqualByComparingTo(max);
        assertThat(sent.body().get("gradingProgress").asString()).isEqualTo("FullyGraded");
        assertThat(sent.body().get("activityProgress").asString()).isEqualTo("Completed");
        assertThat(sent.body().get("timestamp").asString()).isNotBlank();
        assertThat(sent.body().get("https://canvas.instructure.com/lti/submission").get("submitted_at").asString()).isNotBlank();
        assertThat(lms.lineItemPosts).hasSize(1);
        var item = lms.lineItems.get(lms.lineItemPosts.getFirst());
        assertThat(item.resourceId()).isEqualToIgnoringCase("A1");
        assertThat(item.label()).isEqualTo("A1: kNN");
        assertThat(item.tag()).isEqualTo("lectern");
        assertThat(BigDecimal.valueOf(item.scoreMaximum())).isEqualByComparingTo(max);
        assertThat(sent.lineItem()).isEqualTo(item.id());
        // Asking again changes nothing: the same score is not sent twice.
        assertThat(sync(teacher).body()).contains("\"queued\":0");

        score(9); // a correction after release: the reconcile notices it
        await().atMost(Duration.ofSeconds(30)).until(() -> lms.scores.size() == 2);
        assertThat(lms.scores.get(1).body().get("scoreGiven").decimalValue()).isEqualByComparingTo("9");
        assertThat(lms.lineItemPosts).hasSize(1);

        var history = rest.send("GET", "/api/v1/assignments/" + a1.id() + "/lti/sync", rest.token(teacher), null, (String) null);
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(RestCalls.json(history.body())).hasSize(2);
        assertThat(history.body()).contains("\"status\":\"SENT\"").contains("Stu Dent");
        // The same history as a page, for staff signed in by their launch.
        var page = teacherBrowser.get("/lti/courses/" + courseId + "/sync?item=A1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"sync\"").contains("Stu Dent").contains("SENT");
    }

    @Test
    void anExistingLineItemIsFoundNotDuplicatedAndA429IsRetried() throws Exception {
        // Someone (an earlier Lectern, a re-run) already made the line item in the LMS.
        String existing = lms.url("/lineitems/pre-1");
        lms.lineItems.put(existing, new PlatformSimulator.ObjectNodeLineItem(existing, "A1", 10, "a1", "lectern", null));
        lms.scoreFailures.addAll(List.of(429, 503));
        score(6);
        as(teacher, () -> assignments.releaseGrades(a1.id(), true));
        await().atMost(Duration.ofSeconds(30)).until(() -> lms.scores.size() == 1);
        assertThat(lms.scoreCalls.get()).isEqualTo(3);
        assertThat(lms.lineItemPosts).as(lms.lineItems.toString()).isEmpty();
        assertThat(lms.scores.getFirst().lineItem()).isEqualTo(existing);
        var history = RestCalls.json(rest.send("GET", "/api/v1/courses/" + courseId + "/lti/sync?item=A1", rest.token(teacher), null,
                (String) null).body());
        assertThat(history.get(0).get("attempts").asInt()).isEqualTo(3);
        assertThat(history.get(0).get("status").asString()).isEqualTo("SENT");
    }

    @Test
    void aPermanentRefusalIsShownInWordsAndOnlyStaffSeeOrSync() throws Exception {
        lms.scoreFailures.add(400);
        score(5);
        as(teacher, () -> assignments.releaseGrades(a1.id(), true));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var h = RestCalls.json(rest.send("GET", "/api/v1/courses/" + courseId + "/lti/sync", rest.token(teacher), null, (String) null).body());
            return h.size() == 1 && "FAILED".equals(h.get(0).get("status").asString());
        });
        var h = rest.send("GET", "/api/v1/courses/" + courseId + "/lti/sync", rest.token(teacher), null, (String) null).body();
        assertThat(h).contains("The LMS answered 400 to POST");
        Account enrolled = people.user("student");
        as(teacher, () -> courses.addMember(courseId, new org.lectern.course.NewMember("S", enrolled.email(),
                org.lectern.course.CourseRole.STUDENT, null)));
        assertThat(sync(enrolled).statusCode()).isEqualTo(403);
        assertThat(rest.send("GET", "/api/v1/courses/" + courseId + "/lti/sync", rest.token(enrolled), null, (String) null).statusCode())
                .isEqualTo(403);
    }
}
