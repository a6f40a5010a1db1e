package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.identity.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gradebook API: policy, JSON, CSV exports and imports, with each role's view. */
@BackendTest
class GradebookApiIT {

    @LocalServerPort int port;
    @Autowired Coursework coursework;

    RestCalls rest;

    @BeforeEach
    void connect() {
        rest = new RestCalls(port);
    }
    final JsonMapper json = JsonMapper.builder().build();

    HttpResponse<String> send(String method, String path, String token, String type, String body) throws Exception {
        return rest.send(method, path, token, type, body);
    }

    String token(Account a) throws Exception {
        return rest.token(a);
    }

    @Test
    void staffSeeEveryoneStudentsThemselvesAndScoresImportAllOrNothing() throws Exception {
        var s = coursework.setup(false);
        String ta = token(s.ta());
        String student = token(s.student());
        String instructor = token(s.instructor());
        String base = "/api/v1/courses/" + s.courseId();

        var bad = send("POST", base + "/scores.csv", ta, "text/csv",
                "Student,Email,quiz1,quiz2\nStu," + s.student().email() + ",8,9\nNobody,nobody@uni.edu,7,x\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode badBody = json.readTree(bad.body());
        assertThat(badBody.get("saved").asBoolean()).isFalse();
        assertThat(badBody.get("problems").toString()).contains("Row 3").contains("nobody@uni.edu").contains("'x' is not a number");

        var good = send("POST", base + "/scores.csv", ta, "text/csv",
                "Student,Email,quiz1,quiz2\nStu," + s.student().email() + ",8,9\nOth," + s.otherStudent().email() + ",10,EX\n");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(json.readTree(good.body()).get("scores").asInt()).isEqualTo(4);

        JsonNode all = json.readTree(send("GET", base + "/gradebook", ta, null, null).body());
        assertThat(all.get("students")).hasSize(2);
        JsonNode mine = json.readTree(send("GET", base + "/gradebook", student, null, null).body());
        assertThat(mine.get("students")).hasSize(1);
        JsonNode me = mine.get("students").get(0);
        assertThat(me.get("email").asString()).isEqualTo(s.student().email());
        assertThat(me.get("items").get("quiz1").get("score").decimalValue()).isEqualByComparingTo("8");
        assertThat(me.get("items").get("quiz1").get("max").decimalValue()).isEqualByComparingTo("10");
        assertThat(me.get("items").get("quiz1").has("lateDays")).isTrue();
        assertThat(me.get("items").get("quiz1").has("penaltyPercent")).isTrue();
        assertThat(me.get("items").get("quiz1").has("dropped")).isTrue();
        assertThat(me.get("lateDaysRemaining").asInt()).isEqualTo(5);
        assertThat(me.has("totalPercent")).isTrue();
        assertThat(me.has("letter")).isTrue();

        var csv = send("GET", base + "/gradebook.csv", ta, null, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("Student,Email");
        var canvas = send("GET", base + "/gradebook-canvas.csv", ta, null, null);
        assertThat(canvas.body()).startsWith("Student,ID,SIS User ID,SIS Login ID,Section");
        assertThat(send("GET", base + "/gradebook.csv", student, null, null).statusCode()).isEqualTo(403);

        JsonNode policy = json.readTree(send("GET", base + "/grading-policy", instructor, null, null).body());
        assertThat(policy.get("lateDays").get("freeDays").asInt()).isEqualTo(5);
        String comp541 = policy.toString().replace("\"freeDays\":5", "\"freeDays\":7");
        assertThat(send("PUT", base + "/grading-policy", student, "application/json", comp541).statusCode()).isEqualTo(403);
        var put = send("PUT", base + "/grading-policy", instructor, "application/json", comp541);
        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode after = json.readTree(send("GET", base + "/gradebook", student, null, null).body());
        assertThat(after.get("students").get(0).get("lateDaysRemaining").asInt()).isEqualTo(7);
    }
}
