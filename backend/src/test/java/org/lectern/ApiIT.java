package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.People.as;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.RestCalls.Reply;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.identity.Account;
import org.lectern.schedule.LectureDraft;
import org.lectern.schedule.ScheduleService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST API end to end, over HTTP, against the real database. */
@BackendTest
class ApiIT {

    @LocalServerPort int port;
    @Autowired People people;
    @Autowired CourseService courses;
    @Autowired ScheduleService schedule;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    Account instructor;
    Account student;
    Account outsider;
    long courseId;

    @BeforeEach
    void course() {
        instructor = people.instructor();
        student = people.user("student");
        outsider = people.user("outsider");
        courseId = as(instructor, () -> {
            long id = courses.create(new CourseDraft("API " + instructor.id(), "Deep Learning", "Winter 2024", "America/Los_Angeles")).id();
            courses.addMember(id, new NewMember("S", student.email(), CourseRole.STUDENT, null));
            schedule.addLecture(id, new LectureDraft(null, java.time.LocalDate.parse("2024-01-04"), java.time.LocalTime.of(10, 0),
                    java.time.LocalTime.of(11, 20), "Introduction", "history", null, "SIG 134"));
            return id;
        });
    }

    Reply call(String method, String path, String token, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return Reply.of(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Fails unless signing in answers 201 with a token. */
    String token(Account a) throws Exception {
        return new RestCalls(port).token(a);
    }

    @Test
    void tokensAreIssuedForGoodCredentialsOnly() throws Exception {
        assertThat(token(student)).startsWith("lct_");
        Reply bad = call("POST", "/api/v1/tokens", null, "{\"email\":\"" + student.email() + "\",\"password\":\"nope-nope-nope\"}");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.body().get("error").asString()).isEqualTo("bad_credentials");
        assertThat(bad.body().has("detail")).isTrue();
        Reply garbage = call("POST", "/api/v1/tokens", null, "{not json");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body().get("error").asString()).isEqualTo("invalid_input");
    }

    @Test
    void repeatedFailuresAreThrottledWith429() throws Exception {
        Account victim = people.user("victim");
        for (int i = 0; i < 5; i++) {
            call("POST", "/api/v1/tokens", null, "{\"email\":\"" + victim.email() + "\",\"password\":\"guess-" + i + "-xxxx\"}");
        }
        Reply locked = call("POST", "/api/v1/tokens", null, "{\"email\":\"" + victim.email() + "\",\"password\":\"" + People.PASSWORD + "\"}");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.body().get("error").asString()).isEqualTo("too_many_attempts");
    }

    @Test
    void callsWithoutAValidTokenAre401Json() throws Exception {
        for (String token : new String[] {null, "lct_not-a-real-token"}) {
            Reply r = call("GET", "/api/v1/courses", token, null);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.body().get("error").asString()).isEqualTo("unauthenticated");
        }
    }

    @Test
    void aStudentSeesTheirCoursesAndLecturesButNotTheRoster() throws Exception {
        String t = token(student);
        Reply mine = call("GET", "/api/v1/courses", t, null);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).hasSize(1);
        JsonNode c = mine.body().get(0);
        assertThat(c.get("id").asLong()).isEqualTo(courseId);
        assertThat(c.get("code").asString()).isEqualTo("API " + instructor.id());
        assertThat(c.get("title").asString()).isEqualTo("Deep Learning");
        assertThat(c.get("role").asString()).isEqualTo("student");

        Reply lectures = call("GET", "/api/v1/courses/" + courseId + "/lectures", t, null);
        assertThat(lectures.status()).isEqualTo(200);
        assertThat(lectures.body().get(0).get("title").asString()).isEqualTo("Introduction");
        assertThat(lectures.body().get(0).get("startsAt").asString()).isEqualTo("2024-01-04T10:00-08:00");

        Reply roster = call("GET", "/api/v1/courses/" + courseId + "/roster", t, null);
        assertThat(roster.status()).isEqualTo(403);
        assertThat(roster.body().get("error").asString()).isEqualTo("forbidden");
    }

    @Test
    void staffSeeTheRosterAndOutsidersGet404() throws Exception {
        Reply roster = call("GET", "/api/v1/courses/" + courseId + "/roster", token(instructor), null);
        assertThat(roster.status()).isEqualTo(200);
        assertThat(roster.body()).hasSize(2);
        assertThat(roster.body().get(0).get("role").asString()).isEqualTo("instructor");

        String o = token(outsider);
        for (String path : new String[] {"/roster", "/lectures", ""}) {
            Reply r = call("GET", "/api/v1/courses/" + courseId + path, o, null);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body().get("error").asString()).isEqualTo("not_found");
        }
    }

    @Test
    void errorsAreJsonNeverStackTraces() throws Exception {
        String t = token(student);
        Reply unknown = call("GET", "/api/v1/no-such-thing", t, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("error").asString()).isEqualTo("not_found");
        Reply badId = call("GET", "/api/v1/courses/abc/lectures", t, null);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.raw()).doesNotContain("at org.").doesNotContain("Exception");
        Reply method = call("DELETE", "/api/v1/courses", t, null);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.body().get("error").asString()).isEqualTo("method_not_allowed");
        // The path and method exist, only the types do not fit: said so, not "GET is not supported here; use GET"
        // (a JSON client asking for the CSV export met that).
        Reply csvAsJson = call("GET", "/api/v1/courses/" + courseId + "/gradebook.csv", token(instructor), null);
        assertThat(csvAsJson.status()).isEqualTo(406);
        assertThat(csvAsJson.body().get("error").asString()).isEqualTo("not_acceptable");
        assertThat(csvAsJson.body().get("detail").asString()).contains("text/csv");
        Reply jsonAsCsv = call("POST", "/api/v1/courses/" + courseId + "/scores.csv", token(instructor), "{}");
        assertThat(jsonAsCsv.status()).isEqualTo(415);
        assertThat(jsonAsCsv.body().get("error").asString()).isEqualTo("unsupported_media_type");
        assertThat(jsonAsCsv.body().get("detail").asString()).contains("text/csv");
        // A malformed Content-Type, or an Accept the error itself cannot meet: still the JSON answer, never a 500.
        String instructorToken = token(instructor);
        var malformed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/courses/" + courseId + "/scores.csv"))
                .header("Authorization", "Bearer " + instructorToken).header("Content-Type", "not a type")
                .POST(HttpRequest.BodyPublishers.ofString("Student,Email\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(415);
        assertThat(malformed.body()).contains("unsupported_media_type");
        var xml = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/courses/" + courseId + "/gradebook.csv"))
                .header("Authorization", "Bearer " + instructorToken).header("Accept", "application/xml").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(xml.statusCode()).isEqualTo(406);
        assertThat(xml.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(xml.body()).contains("not_acceptable").contains("text/csv");
    }

    @Test
    void revokedTokensStopWorking() throws Exception {
        String t = token(student);
        assertThat(call("DELETE", "/api/v1/tokens/current", t, null).status()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/courses", t, null).status()).isEqualTo(401);
    }

    @Test
    void healthAndMetricsAreServed() throws Exception {
        Reply health = call("GET", "/actuator/health", null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("UP");
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            assertThat(call("GET", probe, null, null).status()).as(probe).isEqualTo(200);
        }
        var metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                        .header("Authorization", "Bearer test-metrics-token-0123456789").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void metricsNeedTheScrapeTokenOrASiteAdmin() throws Exception {
        // Anonymous, a wrong token, and an ordinary user's API token are all turned away.
        assertThat(call("GET", "/actuator/prometheus", null, null).status()).isEqualTo(401);
        assertThat(call("GET", "/actuator/prometheus", "test-metrics-token-wrong", null).status()).isEqualTo(401);
        assertThat(call("GET", "/actuator/prometheus", token(student), null).status()).isEqualTo(403);
        String admin = token(people.make("metrics-admin", org.lectern.identity.SiteRole.ADMIN));
        assertThat(new RestCalls(port).send("GET", "/actuator/prometheus", admin, null, (String) null).statusCode()).isEqualTo(200);
    }

    @Test
    void liveModelAnswersOverRest() throws Exception {
        String staff = token(instructor);
        Reply created = call("POST", "/api/v1/courses/" + courseId + "/live-models", staff,
                "{\"shortName\":\"LIVE\",\"title\":\"Draw a digit\"}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        String t = token(student);
        Reply answer = call("POST", "/api/v1/live-models/" + id + "/answers", t, "{\"sample\":3}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("explanation").get("probabilities").size()).isEqualTo(10);
        assertThat(answer.body().get("sampleLabel").asInt()).isBetween(0, 9);
        Reply both = call("POST", "/api/v1/live-models/" + id + "/answers", t, "{\"sample\":3,\"pixels\":[1]}");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body().get("detail").asString()).isEqualTo("Give exactly one of drawing, pixels or sample.");
        assertThat(call("POST", "/api/v1/live-models/" + id + "/answers", token(outsider), "{\"sample\":3}").status()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/live-models/" + id + "/summary", t, null).status()).isEqualTo(403);
    }
}
