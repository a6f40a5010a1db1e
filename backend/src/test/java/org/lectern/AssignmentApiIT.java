package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.RestCalls.Part;
import org.lectern.RestCalls.Reply;
import org.lectern.identity.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The assignment and submission API end to end, as a course's CI and a notebook would use it. */
@BackendTest
class AssignmentApiIT {

    @LocalServerPort int port;
    @Autowired Coursework coursework;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired org.lectern.assignment.AssignmentService assignments;

    RestCalls rest;

    @BeforeEach
    void connect() {
        rest = new RestCalls(port);
    }

    Reply send(String method, String path, String token, String contentType, byte[] body) throws Exception {
        return Reply.of(rest.send(method, path, token, contentType, body));
    }

    Reply multipart(String method, String path, String token, List<Part> parts) throws Exception {
        return rest.multipart(method, path, token, parts);
    }

    String token(Account a) throws Exception {
        return rest.token(a);
    }

    static Part text(String name, String value) {
        return Part.text(name, value);
    }

    @Test
    void aManifestGivesSupportFilesTheirRolesAndChoosesWhatPrivateTestsShow() throws Exception {
        var s = coursework.setup(false);
        String instructor = token(s.instructor());
        long id = s.assignment().id();

        Reply saved = multipart("PUT", "/api/v1/assignments/" + id + "/autograder", instructor, List.of(
                new Part("file", "test_public.py", Coursework.PUBLIC_TEST.getBytes(StandardCharsets.UTF_8)),
                new Part("file", "conftest.py", "import pytest\n".getBytes(StandardCharsets.UTF_8)),
                new Part("file", "checks/__init__.py", new byte[0]),
                new Part("file", "inputs/factor.txt", "21\n".getBytes(StandardCharsets.UTF_8)),
                text("manifest", """
                        {"files": [{"file": "test_public.py", "visibility": "public", "points": 4},
                                   {"file": "conftest.py"},
                                   {"file": "checks/__init__.py", "role": "support"},
                                   {"file": "inputs/factor.txt", "role": "student"}],
                         "privateFeedback": "nothing"}""")));

        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(saved.body().get("privateFeedback").asString()).isEqualTo("nothing");
        assertThat(saved.body().get("publicPoints").decimalValue()).isEqualByComparingTo("4");
        List<String> roles = new ArrayList<>();
        saved.body().get("tests").forEach(t -> roles.add(t.get("file").asString() + ":" + t.get("role").asString()));
        assertThat(roles).containsExactlyInAnyOrder("test_public.py:test", "conftest.py:support",
                "checks/__init__.py:support", "inputs/factor.txt:student");

        Reply badRole = multipart("PUT", "/api/v1/assignments/" + id + "/autograder", instructor, List.of(
                new Part("file", "test_public.py", Coursework.PUBLIC_TEST.getBytes(StandardCharsets.UTF_8)),
                text("manifest", """
                        {"test_public.py": {"visibility": "public", "points": 4}, "privateFeedback": "all"}""")));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.body().get("detail").asString()).contains("privateFeedback");
    }

    @Test
    void aManifestSentAsAFileIsRefusedWithAMessage() throws Exception {
        var s = coursework.setup(false);
        Reply r = multipart("PUT", "/api/v1/assignments/" + s.assignment().id() + "/autograder", token(s.instructor()), List.of(
                new Part("file", "test_public.py", Coursework.PUBLIC_TEST.getBytes(StandardCharsets.UTF_8)),
                new Part("manifest", "manifest.json", """
                        {"test_public.py": {"visibility": "public", "points": 4}}""".getBytes(StandardCharsets.UTF_8))));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(400);
        assertThat(r.body().get("detail").asString()).contains("manifest").contains("text field");
    }

    @Test
    void aManifestPicksThePythonEnvironmentAndNarrowsSingleTests() throws Exception {
        var s = coursework.setup(false);
        String instructor = token(s.instructor());
        long id = s.assignment().id();
        Reply bad = multipart("PUT", "/api/v1/assignments/" + id + "/autograder", instructor, List.of(
                new Part("file", "test_public.py", Coursework.PUBLIC_TEST.getBytes(StandardCharsets.UTF_8)),
                text("manifest", """
                        {"test_public.py": {"visibility": "public", "points": 4}, "environment": "pytorch-cuda",
                         "tests": {"test_public.py::test_x": "sometimes"}}""")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("detail").asString()).contains("test_public.py::test_x");
        assertThat(org.lectern.People.as(s.instructor(), () -> assignments.environment(id))).as("nothing saved").isNull();

        Reply ok = multipart("PUT", "/api/v1/assignments/" + id + "/autograder", instructor, List.of(
                new Part("file", "test_public.py", Coursework.PUBLIC_TEST.getBytes(StandardCharsets.UTF_8)),
                text("manifest", """
                        {"test_public.py": {"visibility": "public", "points": 4}, "environment": "pytorch-cuda",
                         "tests": {"test_public.py::test_x": "hidden"}}""")));
        assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
        assertThat(org.lectern.People.as(s.instructor(), () -> assignments.environment(id))).isEqualTo("pytorch-cuda");

        Reply unknown = multipart("PUT", "/api/v1/assignments/" + id + "/autograder", instructor, List.of(
                new Part("file", "test_public.py", Coursework.PUBLIC_TEST.getBytes(StandardCharsets.UTF_8)),
                text("manifest", "{\"test_public.py\": {\"visibility\": \"public\", \"points\": 4}, \"environment\": \"tf\"}")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("detail").asString()).contains("pytorch-cpu");
    }

    @Test
    void aCoursesCiCreatesAnAssignmentPushesItsAutograderAndStudentsSubmit() throws Exception {
        var s = coursework.setup(false);
        String instructor = token(s.instructor());
        String student = token(s.student());
        String ta = token(s.ta());

        Reply created = send("POST", "/api/v1/courses/" + s.courseId() + "/assignments", instructor, "application/json",
                """
                {"shortName": "A2", "title": "Backprop", "releaseAt": "2024-01-19T12:00:00-08:00",
                 "dueAt": "2099-02-01T23:59:00-08:00", "points": 10}""".getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).isEqualTo(201);
        long a2 = created.body().get("id").asLong();
        assertThat(created.body().get("shortName").asString()).isEqualTo("A2");

        Reply refused = send("POST", "/api/v1/courses/" + s.courseId() + "/assignments", student, "application/json",
                "{\"shortName\":\"X\",\"title\":\"X\",\"releaseAt\":\"2024-01-19T12:00:00Z\",\"dueAt\":\"2024-01-20T12:00:00Z\",\"points\":1}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(403);

        Reply list = send("GET", "/api/v1/courses/" + s.courseId() + "/assignments", student, null, null);
        assertThat(list.body()).extracting(n -> n.get("shortName").asString()).contains("A1", "A2");

        Reply mismatch = multipart("PUT", "/api/v1/assignments/" + a2 + "/autograder", instructor, List.of(
                new Part("files", "test_public.py", Coursework.PUBLIC_TEST.getBytes(StandardCharsets.UTF_8)),
                text("manifest", "{\"test_other.py\": {\"visibility\": \"public\", \"points\": 4}}")));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body().get("detail").asString()).contains("test_other.py").contains("test_public.py");

        Reply autograder = multipart("PUT", "/api/v1/assignments/" + a2 + "/autograder", instructor, List.of(
                new Part("files", "test_public.py", Coursework.PUBLIC_TEST.getBytes(StandardCharsets.UTF_8)),
                new Part("files", "test_private.py", Coursework.PRIVATE_TEST.getBytes(StandardCharsets.UTF_8)),
                text("manifest", "{\"files\": [{\"file\": \"test_public.py\", \"visibility\": \"public\", \"points\": 4},"
                        + " {\"file\": \"test_private.py\", \"visibility\": \"private\", \"points\": 6}]}")));
        assertThat(autograder.status()).isEqualTo(200);
        assertThat(autograder.body().get("version").asInt()).isEqualTo(1);

        // Limits travel with the autograder; a bad one saves nothing, neither limits nor files.
        Reply badLimits = multipart("PUT", "/api/v1/assignments/" + a2 + "/autograder", instructor, List.of(
                new Part("files", "test_public.py", Coursework.PUBLIC_TEST.getBytes(StandardCharsets.UTF_8)),
                text("manifest", "{\"test_public.py\": {\"visibility\": \"public\", \"points\": 4},"
                        + " \"limits\": {\"wallSeconds\": 30, \"memoryMb\": 1}}")));
        assertThat(badLimits.status()).isEqualTo(400);
        assertThat(badLimits.body().get("detail").asString()).contains("memoryMb");
        Reply unchanged = send("GET", "/api/v1/assignments/" + a2, instructor, null, null);
        assertThat(unchanged.body().get("limits").get("wallSeconds").asInt()).isEqualTo(120);
        assertThat(send("GET", "/api/v1/assignments/" + a2 + "/autograder", instructor, null, null).body().get("version").asInt()).isEqualTo(1);
        assertThat(autograder.body().get("privatePoints").decimalValue()).isEqualByComparingTo("6");

        Reply receipt = multipart("POST", "/api/v1/assignments/" + a2 + "/submissions", student,
                List.of(new Part("file", "hw.ipynb", Coursework.halfRight())));
        assertThat(receipt.status()).isEqualTo(201);
        assertThat(receipt.body().get("sha256").asString()).hasSize(64);
        long id = receipt.body().get("submissionId").asLong();

        Reply done = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> send("GET", "/api/v1/submissions/" + id, student, null, null), r -> r.body().get("status").asString().equals("done"));
        assertThat(done.body().get("publicScore").decimalValue()).isEqualByComparingTo("2");
        assertThat(done.body().get("privatePointsPending").decimalValue()).isEqualByComparingTo("6");
        assertThat(done.body().get("total").isNull()).isTrue();
        List<String> visibilities = new ArrayList<>();
        done.body().get("tests").forEach(t -> visibilities.add(t.get("visibility").asString()));
        assertThat(visibilities).containsOnly("public");
        assertThat(done.body().toString()).doesNotContain("secret_case");

        Reply staffView = send("GET", "/api/v1/submissions/" + id, ta, null, null);
        assertThat(staffView.body().get("tests")).hasSize(3);
        assertThat(send("GET", "/api/v1/submissions/" + id, token(s.otherStudent()), null, null).status()).isEqualTo(404);

        Reply onBehalf = multipart("POST", "/api/v1/assignments/" + a2 + "/submissions", ta, List.of(
                new Part("file", "emailed.ipynb", Coursework.correct()), text("student", s.otherStudent().email()),
                text("submittedAt", "2024-01-25T23:40:00-08:00"), text("reason", "e-mailed during the outage")));
        assertThat(onBehalf.status()).isEqualTo(201);
        assertThat(onBehalf.body().get("submittedAt").asString()).isEqualTo("2024-01-26T07:40:00Z");
        Reply studentOnBehalf = multipart("POST", "/api/v1/assignments/" + a2 + "/submissions", student, List.of(
                new Part("file", "x.ipynb", Coursework.correct()), text("student", s.otherStudent().email())));
        assertThat(studentOnBehalf.status()).isEqualTo(403);

        Reply release = send("POST", "/api/v1/assignments/" + a2 + "/grades/release", instructor, null, null);
        assertThat(release.status()).isEqualTo(200);
        Reply after = send("GET", "/api/v1/submissions/" + id, student, null, null);
        assertThat(after.body().get("total").decimalValue()).isEqualByComparingTo("2");
        assertThat(after.body().get("totalMax").decimalValue()).isEqualByComparingTo("10");
    }

    @Test
    void severalImagesPostedAsFilePartsBecomeOnePdfVersion() throws Exception {
        var s = coursework.setup(false);
        long w = org.lectern.People.as(s.instructor(), () -> assignments.create(s.courseId(), new org.lectern.assignment.AssignmentDraft("W1", "Written", null,
                java.time.Instant.now().minusSeconds(3600), java.time.Instant.now().plusSeconds(86_400), java.math.BigDecimal.TEN, null, ".pdf",
                null, null, null, null, null, null, null, null))).id();
        Reply r = multipart("POST", "/api/v1/assignments/" + w + "/submissions", token(s.student()), List.of(
                new Part("file", "p1.png", org.lectern.testing.SamplePdfs.image("png", 300, 400, 1)),
                new Part("file", "p2.jpg", org.lectern.testing.SamplePdfs.image("jpg", 300, 400, 2))));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().get("fileName").asString()).isEqualTo("p1.pdf");
        Reply bomb = multipart("POST", "/api/v1/assignments/" + w + "/submissions", token(s.student()), List.of(
                new Part("file", "p1.png", org.lectern.testing.SamplePdfs.pngClaiming(90_000, 90_000))));
        assertThat(bomb.status()).isEqualTo(400);
        assertThat(bomb.body().get("detail").asString()).contains("90000x90000");
    }

    @Test
    void aBadNotebookIsRefusedWithItsReason() throws Exception {
        var s = coursework.setup(true);
        Reply r = multipart("POST", "/api/v1/assignments/" + s.assignment().id() + "/submissions", token(s.student()),
                List.of(new Part("file", "hw.ipynb", "{\"cells\": [}".getBytes(StandardCharsets.UTF_8))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("error").asString()).isEqualTo("invalid_input");
        assertThat(r.body().get("detail").asString()).contains("hw.ipynb").contains("not valid JSON");
    }

    @Test
    void anInstructorMovesAnAssignmentsReleaseAndReleasesItNowByTheApi() throws Exception {
        var s = coursework.setup(false);
        String instructor = token(s.instructor());
        String student = token(s.student());
        String ta = token(s.ta());
        Reply created = send("POST", "/api/v1/courses/" + s.courseId() + "/assignments", instructor, "application/json", """
                {"shortName": "A9", "title": "Transformers", "releaseAt": "2098-01-19T12:00:00-08:00",
                 "dueAt": "2099-02-01T23:59:00-08:00", "points": 10}""".getBytes(StandardCharsets.UTF_8));
        long a9 = created.body().get("id").asLong();
        assertThat(send("GET", "/api/v1/assignments/" + a9, student, null, null).status()).isEqualTo(404);

        // Neither a TA nor a student moves it; a release after the due date is refused and changes nothing.
        byte[] later = "{\"releaseAt\": \"2098-06-01T09:00:00Z\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(send("PUT", "/api/v1/assignments/" + a9 + "/release", ta, "application/json", later).status()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/assignments/" + a9 + "/release", student, "application/json", new byte[0]).status()).isEqualTo(403);
        Reply tooLate = send("PUT", "/api/v1/assignments/" + a9 + "/release", instructor, "application/json",
                "{\"releaseAt\": \"2099-03-01T09:00:00Z\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(tooLate.status()).isEqualTo(400);
        assertThat(send("GET", "/api/v1/assignments/" + a9, instructor, null, null).body().get("releaseAt").asString())
                .isEqualTo("2098-01-19T20:00:00Z");

        Reply moved = send("PUT", "/api/v1/assignments/" + a9 + "/release", instructor, "application/json", later);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().get("releaseAt").asString()).isEqualTo("2098-06-01T09:00:00Z");
        assertThat(send("GET", "/api/v1/assignments/" + a9, student, null, null).status()).isEqualTo(404);

        Reply now = send("POST", "/api/v1/assignments/" + a9 + "/release", instructor, "application/json", new byte[0]);
        assertThat(now.status()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/assignments/" + a9, student, null, null).status()).isEqualTo(200);
        // The course schedule's item moves with it.
        assertThat(jdbc.sql("select release_at from course_item where route = ?").param("courses/" + s.courseId() + "/assignments/" + a9)
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(Instant.parse(now.body().get("releaseAt").asString()));
        // Releasing a released assignment keeps its release time.
        Reply again = send("POST", "/api/v1/assignments/" + a9 + "/release", instructor, "application/json", new byte[0]);
        assertThat(again.body().get("releaseAt").asString()).isEqualTo(now.body().get("releaseAt").asString());
    }
}
