package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.grading.plagiarism.CheckResult;
import org.lectern.identity.Account;
import org.lectern.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Starter files through the REST API, and what a plagiarism check makes of them, on real submissions: sixteen real
 * students' independent solutions of CS231n's kNN classifier (grading's fixtures under plagiarism/knn, sources in their
 * README). With the starter uploaded, the check uses it as base code and flags no pair; without it, the result says
 * it is no evidence.
 */
@BackendTest
class PlagiarismStarterApiIT {

    static final String FILE = "k_nearest_neighbor.py";
    static final String STARTER_PATH = "cs231n/classifiers/" + FILE;

    @LocalServerPort int port;
    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired CourseService courses;
    @Autowired AssignmentService assignments;
    @Autowired SubmissionService submissions;

    RestCalls rest;

    @BeforeEach
    void connect() {
        rest = new RestCalls(port);
    }

    static byte[] fixture(String path) {
        try (InputStream in = PlagiarismStarterApiIT.class.getResourceAsStream("/plagiarism/knn/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A course whose 16 students each submitted one of the independent kNN solutions. */
    private Coursework.Setup classOfSixteen() {
        var s = coursework.setup(false);
        long aid = s.assignment().id();
        List<Account> students = new ArrayList<>(List.of(s.student(), s.otherStudent()));
        for (int i = 3; i <= 16; i++) {
            Account a = people.user("knn" + i);
            as(s.instructor(), () -> courses.addMember(s.courseId(), new NewMember("Student " + a.id(), a.email(), CourseRole.STUDENT, null)));
            students.add(a);
        }
        for (int i = 0; i < students.size(); i++) {
            String id = "s%02d".formatted(i + 1);
            Account student = students.get(i);
            as(s.ta(), () -> submissions.submitOnBehalf(aid, student.email(), null, "kNN fixture " + id, FILE,
                    fixture("students/" + id + "/" + FILE)));
        }
        return s;
    }

    static byte[] multipart(String boundary, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private HttpResponse<String> putStarter(long aid, String token, String fileName, byte[] content) throws Exception {
        return rest.send("PUT", "/api/v1/assignments/" + aid + "/starter", token, "multipart/form-data; boundary=starter",
                multipart("starter", fileName, content));
    }

    private JsonNode get(String path, String token) throws Exception {
        HttpResponse<String> r = rest.send("GET", path, token, null, (String) null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return RestCalls.json(r.body());
    }

    private JsonNode runCheck(long aid, String token) throws Exception {
        assertThat(rest.send("POST", "/api/v1/assignments/" + aid + "/plagiarism-checks", token, null, (String) null).statusCode())
                .isEqualTo(202);
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/v1/assignments/" + aid + "/plagiarism", token),
                        r -> r.get("latest").get("state").asString().equals("done"));
    }

    @Test
    void theStarterUploadedThroughTheApiIsBaseCodeAndNoIndependentPairIsFlagged() throws Exception {
        var s = classOfSixteen();
        long aid = s.assignment().id();
        String instructor = rest.token(s.instructor());
        String ta = rest.token(s.ta());
        String student = rest.token(s.student());
        String stranger = rest.token(people.user("stranger"));
        byte[] starter = fixture("starter/" + FILE);
        byte[] zip = Coursework.zip(STARTER_PATH, new String(starter, StandardCharsets.UTF_8),
                "cs231n/__init__.py", "# the package\n");

        // Only instructors change the set; students and TAs 403, strangers 404.
        assertThat(putStarter(aid, student, "starter.zip", zip).statusCode()).isEqualTo(403);
        assertThat(putStarter(aid, ta, "starter.zip", zip).statusCode()).isEqualTo(403);
        assertThat(putStarter(aid, stranger, "starter.zip", zip).statusCode()).isEqualTo(404);
        HttpResponse<String> saved = putStarter(aid, instructor, "starter.zip", zip);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode listed = RestCalls.json(saved.body());
        assertThat(listed.size()).isEqualTo(2);
        assertThat(listed.get(1).get("path").asString()).isEqualTo(STARTER_PATH);
        assertThat(listed.get(1).get("bytes").asLong()).isEqualTo(starter.length);

        // A bad set is refused whole, with the reason, and the saved set stays.
        HttpResponse<String> refused = putStarter(aid, instructor, "starter.zip",
                Coursework.zip("ok.py", "x = 1\n", "get_datasets.sh", "curl http://example.org\n"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("get_datasets.sh", "not an accepted file type");
        assertThat(putStarter(aid, instructor, "../evil.py", "x = 1\n".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200)
                .as("a client path is cut to its last segment");
        assertThat(get("/api/v1/assignments/" + aid + "/starter", instructor).get(0).get("path").asString()).isEqualTo("evil.py");
        assertThat(putStarter(aid, instructor, "starter.zip", Coursework.zip("a/../b.py", "x = 1\n")).statusCode()).isEqualTo(400);
        assertThat(putStarter(aid, instructor, "starter.zip", zip).statusCode()).isEqualTo(200);

        // Students see the set of a released assignment and can download a file, as on the assignment page.
        assertThat(get("/api/v1/assignments/" + aid + "/starter", student).get(1).get("path").asString()).isEqualTo(STARTER_PATH);
        HttpResponse<String> file = rest.send("GET", "/api/v1/assignments/" + aid + "/starter/file?path=" + STARTER_PATH, student, null,
                (String) null);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(new String(starter, StandardCharsets.UTF_8));
        assertThat(rest.send("GET", "/api/v1/assignments/" + aid + "/starter", stranger, null, (String) null).statusCode()).isEqualTo(404);

        JsonNode results = runCheck(aid, ta);
        assertThat(results.get("warning").isNull()).isTrue();
        assertThat(results.get("latest").get("baseCodeWarning").isNull()).isTrue();
        assertThat(results.get("latest").get("comparisons").asInt()).isEqualTo(120);
        assertThat(results.get("latest").get("flaggedPairs").asInt()).isZero();
        assertThat(results.get("pairs")).hasSize(120).allSatisfy(p -> assertThat(p.get("flagged").asBoolean()).isFalse());
    }

    @Test
    void studentsDoNotSeeTheStarterFilesOfAnUnreleasedAssignment() throws Exception {
        var s = coursework.setup(false);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long later = as(s.instructor(), () -> assignments.create(s.courseId(), AssignmentDraft.of("A9", "Later",
                now.plus(3, ChronoUnit.DAYS), now.plus(9, ChronoUnit.DAYS), BigDecimal.TEN)).id());
        String instructor = rest.token(s.instructor());
        assertThat(putStarter(later, instructor, FILE, fixture("starter/" + FILE)).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/assignments/" + later + "/starter", rest.token(s.ta())).size()).isEqualTo(1);
        String student = rest.token(s.student());
        assertThat(rest.send("GET", "/api/v1/assignments/" + later + "/starter", student, null, (String) null).statusCode()).isEqualTo(404);
        assertThat(rest.send("GET", "/api/v1/assignments/" + later + "/starter/file?path=" + FILE, student, null, (String) null)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aCheckWithoutStarterFilesCarriesTheWarningInItsResultAndOnEachPair() throws Exception {
        var s = classOfSixteen();
        long aid = s.assignment().id();
        String ta = rest.token(s.ta());

        JsonNode results = runCheck(aid, ta);
        assertThat(results.get("warning").asString()).isEqualTo(CheckResult.NO_BASE_CODE_WARNING)
                .startsWith("No starter code was given as base code: code every student received counts as a match. Upload the starter files");
        assertThat(results.get("latest").get("baseCodeWarning").asString()).isEqualTo(CheckResult.NO_BASE_CODE_WARNING);
        long pairId = results.get("pairs").get(0).get("id").asLong();
        assertThat(get("/api/v1/plagiarism-pairs/" + pairId, ta).get("warning").asString()).isEqualTo(CheckResult.NO_BASE_CODE_WARNING);
    }
}
