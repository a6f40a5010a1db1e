package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The course-communication API (Q&A, announcements, office hours, surveys) over real HTTP: strangers get 404, students
 * 403 on staff actions, and no JSON a classmate receives names an anonymous author, a private topic or a survey answer.
 */
@BackendTest
class CommunicationApiIT {

    static final String JSON = "application/json";
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @LocalServerPort int port;
    @Autowired Coursework coursework;
    @Autowired People people;

    RestCalls rest;
    Coursework.Setup s;
    String instructor;
    String ta;
    String student;
    String other;
    String stranger;

    @BeforeEach
    void connect() throws Exception {
        rest = new RestCalls(port);
        s = coursework.setup(false);
        instructor = rest.token(s.instructor());
        ta = rest.token(s.ta());
        student = rest.token(s.student());
        other = rest.token(s.otherStudent());
        stranger = rest.token(people.user("stranger"));
    }

    int status(String method, String path, String token, String body) throws Exception {
        return rest.send(method, path, token, body == null ? null : JSON, body).statusCode();
    }

    JsonNode ok(String method, String path, String token, String body, int expected) throws Exception {
        var r = rest.send(method, path, token, body == null ? null : JSON, body);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
        return RestCalls.json(r.body());
    }

    @Test
    void questionsAnswersAndImages() throws Exception {
        String c = "/api/v1/courses/" + s.courseId();
        JsonNode post = ok("POST", c + "/posts", student, """
                {"title": "NaN in softmax", "body": "```python\\nnp.exp(x)\\n```", "privatePost": true, "anonymous": true}""", 201);
        long id = post.get("id").asLong();
        assertThat(status("GET", "/api/v1/posts/" + id, other, null)).isEqualTo(404);
        assertThat(status("GET", "/api/v1/posts/" + id, stranger, null)).isEqualTo(404);
        assertThat(status("GET", c + "/posts", stranger, null)).isEqualTo(404);
        assertThat(ok("GET", c + "/posts", other, null, 200)).isEmpty();
        assertThat(ok("GET", c + "/posts/search?q=softmax", ta, null, 200)).hasSize(1);
        JsonNode answer = ok("POST", "/api/v1/posts/" + id + "/answers", ta, "{\"body\": \"Subtract the max.\"}", 201);
        assertThat(status("POST", "/api/v1/answers/" + answer.get("id").asLong() + "/endorsed", student, "{\"value\": true}")).isEqualTo(403);
        assertThat(status("POST", "/api/v1/answers/" + answer.get("id").asLong() + "/endorsed", ta, "{\"value\": true}")).isEqualTo(204);
        assertThat(ok("GET", c + "/posts/unread", student, null, 200).get("unread").asInt()).isEqualTo(1);
        assertThat(ok("POST", "/api/v1/posts/" + id + "/resolved", student, "{\"value\": true}", 200).get("post").get("resolved").asBoolean()).isTrue();
        assertThat(status("POST", "/api/v1/posts/" + id + "/moderation", student, "{\"makePublic\": true}")).isEqualTo(403);
        ok("POST", "/api/v1/posts/" + id + "/moderation", ta, "{\"makePublic\": true}", 200);
        JsonNode seen = ok("GET", "/api/v1/posts/" + id, other, null, 200);
        assertThat(seen.get("post").get("author").isNull()).isTrue();
        assertThat(seen.toString()).doesNotContain("\"student\"");
        assertThat(ok("GET", "/api/v1/posts/" + id, ta, null, 200).get("post").get("author").asString()).isEqualTo("student");
        assertThat(status("GET", c + "/posts/response-times", student, null)).isEqualTo(403);
        assertThat(ok("GET", c + "/posts/response-times", instructor, null, 200).get("staffAnswered").asInt()).isEqualTo(1);
        assertThat(status("GET", c + "/posts?show=everything", student, null)).isEqualTo(400);
        assertThat(ok("PUT", c + "/posts/email", student, "{\"email\": \"daily\"}", 200).get("email").asString()).isEqualTo("daily");
        assertThat(status("PUT", c + "/posts/email", student, "{\"email\": \"hourly\"}")).isEqualTo(400);

        var up = rest.send("POST", c + "/posts/images", student, "multipart/form-data; boundary=XyZ", multipart("shot.png", PNG));
        assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
        String path = RestCalls.json(up.body()).get("url").asString();
        assertThat(rest.send("GET", path, other, null, (byte[]) null).statusCode()).isEqualTo(404); // in no post yet
        var img = rest.send("GET", path, ta, null, (byte[]) null);
        assertThat(img.statusCode()).isEqualTo(200);
        assertThat(img.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(img.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(rest.send("GET", path, stranger, null, (byte[]) null).statusCode()).isEqualTo(404);
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(rest.send("POST", c + "/posts/images", student, "multipart/form-data; boundary=XyZ", multipart("cat.png", html)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void announcements() throws Exception {
        String c = "/api/v1/courses/" + s.courseId();
        assertThat(status("POST", c + "/announcements", student, "{\"title\": \"Hi\", \"body\": \"x\"}")).isEqualTo(403);
        assertThat(status("GET", c + "/announcements", stranger, null)).isEqualTo(404);
        long id = ok("POST", c + "/announcements", instructor, "{\"title\": \"A1 released\", \"body\": \"Due Friday\"}", 201).get("id").asLong();
        String later = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        ok("POST", c + "/announcements", instructor, "{\"title\": \"Tomorrow\", \"body\": \"x\", \"publishAt\": \"" + later + "\"}", 201);
        assertThat(ok("GET", c + "/announcements", student, null, 200)).hasSize(1);
        assertThat(status("GET", c + "/announcements?all=true", student, null)).isEqualTo(403);
        assertThat(ok("GET", c + "/announcements?all=true", ta, null, 200)).hasSize(2);
        assertThat(status("POST", "/api/v1/announcements/" + id + "/dismiss", stranger, null)).isEqualTo(404);
        assertThat(status("POST", "/api/v1/announcements/" + id + "/dismiss", student, null)).isEqualTo(204);
        assertThat(ok("GET", c + "/announcements", student, null, 200)).isEmpty();
        assertThat(ok("GET", c + "/announcements", other, null, 200)).hasSize(1);
        assertThat(status("DELETE", "/api/v1/announcements/" + id, student, null)).isEqualTo(403);
    }

    @Test
    void officeHours() throws Exception {
        String c = "/api/v1/courses/" + s.courseId();
        String ends = Instant.now().plus(2, ChronoUnit.HOURS).toString();
        assertThat(status("POST", c + "/office-hours", student, "{\"location\": \"CSE2 152\", \"endsAt\": \"" + ends + "\"}")).isEqualTo(403);
        long session = ok("POST", c + "/office-hours", ta, "{\"location\": \"CSE2 152\", \"endsAt\": \"" + ends + "\"}", 201).get("id").asLong();
        String q = "/api/v1/office-hours/" + session;
        assertThat(status("GET", q, stranger, null)).isEqualTo(404);
        assertThat(status("POST", q + "/join", stranger, "{\"topic\": \"x\"}")).isEqualTo(404);
        JsonNode mine = ok("POST", q + "/join", student, "{\"topic\": \"My grade appeal\", \"privateTopic\": true}", 200);
        assertThat(mine.get("mine").get("position").asInt()).isEqualTo(1);
        assertThat(status("POST", q + "/join", student, "{\"topic\": \"again\"}")).isEqualTo(409);
        JsonNode seen = ok("GET", q, other, null, 200);
        assertThat(seen.toString()).doesNotContain("grade appeal").doesNotContain(":\"student\"");
        assertThat(status("POST", q + "/next", student, null)).isEqualTo(403);
        JsonNode taken = ok("POST", q + "/next", ta, null, 200);
        assertThat(taken.get("topic").asString()).isEqualTo("My grade appeal");
        assertThat(status("POST", "/api/v1/office-hours/entries/" + taken.get("id").asLong() + "/finish", student, "{\"helped\": true}"))
                .isEqualTo(403);
        ok("POST", "/api/v1/office-hours/entries/" + taken.get("id").asLong() + "/finish", ta, "{\"helped\": true}", 200);
        assertThat(status("GET", c + "/office-hours/figures", student, null)).isEqualTo(403);
        assertThat(ok("GET", c + "/office-hours/figures", instructor, null, 200).get("helped").asInt()).isEqualTo(1);
    }

    @Test
    void surveys() throws Exception {
        String c = "/api/v1/courses/" + s.courseId();
        String body = """
                {"shortName": "day1", "title": "First-day survey", "anonymous": true, "points": 1,
                 "opensAt": "%s", "closesAt": "%s",
                 "questions": [{"kind": "SINGLE", "prompt": "GPU access?", "options": ["Own GPU", "Colab only", "None"], "required": true},
                               {"kind": "SHORT_TEXT", "prompt": "Time zone?"}]}"""
                .formatted(Instant.now().minus(1, ChronoUnit.MINUTES), Instant.now().plus(7, ChronoUnit.DAYS));
        assertThat(status("POST", c + "/surveys", student, body)).isEqualTo(403);
        long id = ok("POST", c + "/surveys", instructor, body, 201).get("id").asLong();
        String sv = "/api/v1/surveys/" + id;
        assertThat(status("GET", sv, stranger, null)).isEqualTo(404);
        assertThat(status("POST", sv + "/answers", student, "{\"answers\": [\"7\"]}")).isEqualTo(400);
        assertThat(status("POST", sv + "/answers", student, "{\"answers\": [\"1\", \"UTC-8\"]}")).isEqualTo(204);
        assertThat(status("POST", sv + "/answers", student, "{\"answers\": [\"1\", \"UTC-8\"]}")).isEqualTo(409);
        assertThat(status("GET", sv + "/results", student, null)).isEqualTo(403);
        assertThat(status("GET", sv + "/results.csv", student, null)).isEqualTo(403);
        JsonNode results = ok("GET", sv + "/results", ta, null, 200);
        assertThat(results.get("respondents").asInt()).isEqualTo(1);
        assertThat(results.toString()).doesNotContain("\"student\"").doesNotContain(s.student().email());
        assertThat(ok("GET", sv + "/respondents", ta, null, 200).get(0).asString()).isEqualTo("student");
        var csv = rest.send("GET", sv + "/results.csv", instructor, null, (byte[]) null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Colab only,UTC-8").doesNotContain(s.student().email());
        assertThat(ok("GET", sv, student, null, 200).get("answered").asBoolean()).isTrue();
    }

    static byte[] multipart(String filename, byte[] content) throws Exception {
        var out = new ByteArrayOutputStream();
        out.write(("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write("\r\n--XyZ--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
