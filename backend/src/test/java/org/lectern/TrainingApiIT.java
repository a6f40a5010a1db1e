package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.RestCalls.Reply;
import org.lectern.identity.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training and team APIs: staff make a team and offer the digits; a student sees the cost, trains, follows and compares
 * runs; bad choices are 400 and an exhausted quota 409 with the one error shape; another student gets 404 for the run and a
 * stranger 404 for the course.
 */
@BackendTest
class TrainingApiIT {

    static final String RUN = """
            {"dataset": "digits", "architecture": "%s", "optimizer": "adam", "learningRate": 0.003, "batchSize": 64,
             "weightDecay": 0.0001, "epochs": 2}""";

    @LocalServerPort int port;
    @Autowired Coursework coursework;
    @Autowired People people;

    RestCalls rest;

    @BeforeEach
    void connect() {
        rest = new RestCalls(port);
    }

    Reply send(String method, String path, String token, String body) throws Exception {
        return rest.call(method, path, token, body);
    }

    String token(Account a) throws Exception {
        return rest.token(a);
    }

    @Test
    void aStudentEstimatesTrainsFollowsAndComparesRunsOverRest() throws Exception {
        var s = coursework.setup(false);
        long course = s.courseId();
        String base = "/api/v1/courses/" + course;
        String instructor = token(s.instructor());
        String ta = token(s.ta());
        String student = token(s.student());
        String other = token(s.otherStudent());
        String stranger = token(people.user("stranger"));

        assertThat(send("POST", base + "/training/datasets", ta, "{\"key\": \"digits\"}").status()).isEqualTo(403);
        Reply datasets = send("POST", base + "/training/datasets", instructor, "{\"key\": \"digits\"}");
        assertThat(datasets.status()).as(datasets.raw()).isEqualTo(200);
        assertThat(datasets.json().get(0).get("key").asString()).isEqualTo("digits");
        Reply team = send("POST", base + "/teams", ta, "{\"name\": \"Blue\", \"members\": [\"" + s.student().email() + "\"]}");
        assertThat(team.status()).as(team.raw()).isEqualTo(201);
        assertThat(team.json().get("members").get(0).get("email").asString()).isEqualTo(s.student().email());
        assertThat(send("GET", base + "/teams/mine", student, null).json().get("team").get("name").asString()).isEqualTo("Blue");
        assertThat(send("GET", base + "/teams/mine", other, null).json().get("team").isNull()).isTrue();
        assertThat(send("GET", base + "/teams", student, null).status()).isEqualTo(403);

        JsonNode choices = send("GET", base + "/training/choices", student, null).json();
        assertThat(choices.get("architectures").size()).isEqualTo(11);
        assertThat(choices.get("presets").get(0).get("choices").get("dataset").asString()).isEqualTo("digits");
        assertThat(choices.get("maxEpochs").asInt()).isEqualTo(50);

        Reply estimate = send("POST", base + "/training/estimate", student, RUN.formatted("mlp1-32"));
        assertThat(estimate.status()).as(estimate.raw()).isEqualTo(200);
        assertThat(estimate.json().get("allowed").asBoolean()).isTrue();
        assertThat(estimate.json().get("parameters").asLong()).isEqualTo(2410);
        assertThat(estimate.json().get("quota").get("student").get("limitSeconds").asLong()).isEqualTo(600);
        assertThat(estimate.json().get("quota").get("teamName").asString()).isEqualTo("Blue");

        Reply bad = send("POST", base + "/training/runs", student, RUN.formatted("mlp1-32").replace("\"epochs\": 2", "\"epochs\": 500"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asString()).isEqualTo("invalid_input");
        assertThat(bad.json().get("detail").asString()).isEqualTo("Epochs must be from 1 to 50 (you gave 500).");
        assertThat(send("POST", base + "/training/runs", student, "{not json").status()).isEqualTo(400);

        long first = send("POST", base + "/training/runs", student, RUN.formatted("mlp1-32")).json().get("id").asLong();
        Reply secondReply = send("POST", base + "/training/runs", student, RUN.formatted("linear"));
        assertThat(secondReply.status()).isEqualTo(201);
        long second = secondReply.json().get("id").asLong();
        for (long id : new long[] {first, second}) {
            JsonNode done = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> send("GET", base + "/training/runs/" + id, student, null).json(),
                            r -> !r.get("run").get("state").asString().matches("QUEUED|RUNNING"));
            assertThat(done.get("run").get("state").asString()).isEqualTo("DONE");
            assertThat(done.get("epochs").size()).isEqualTo(2);
            assertThat(done.get("epochs").get(1).get("validationAccuracy").asDouble()).isGreaterThan(0.3);
        }
        JsonNode compared = send("GET", base + "/training/compare?runs=" + first + "," + second, student, null).json();
        assertThat(compared.size()).isEqualTo(2);
        assertThat(compared.get(0).get("run").get("architecture").asString()).isEqualTo("mlp1-32");
        assertThat(send("GET", base + "/training/runs", student, null).json().size()).isEqualTo(2);
        assertThat(send("GET", base + "/training/runs", ta, null).json().size()).isEqualTo(2);
        Reply ended = send("POST", base + "/training/runs/" + first + "/cancel", student, null);
        assertThat(ended.status()).isEqualTo(409);
        assertThat(ended.json().get("detail").asString()).isEqualTo("This run has already ended (done).");

        // Another student: the run is not theirs to see; a stranger: the course is not theirs.
        for (String path : new String[] {base + "/training/runs/" + first, base + "/training/compare?runs=" + first + "," + second}) {
            Reply r = send("GET", path, other, null);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().get("error").asString()).isEqualTo("not_found");
        }
        assertThat(send("POST", base + "/training/runs/" + first + "/cancel", other, null).status()).isEqualTo(404);
        assertThat(send("GET", base + "/training/runs", other, null).json().size()).isZero();
        assertThat(send("GET", base + "/training/runs", stranger, null).status()).isEqualTo(404);
        assertThat(send("GET", base + "/training/quota", stranger, null).status()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/courses/" + course + "/training/runs/" + first, stranger, null).status()).isEqualTo(404);

        // An exhausted quota: 409 with the reason, before anything is queued.
        assertThat(send("PUT", base + "/training/settings", student, "{\"studentSecondsPerWeek\": 1, \"teamSecondsPerWeek\": 1}").status())
                .isEqualTo(403);
        assertThat(send("PUT", base + "/training/settings", instructor, "{\"studentSecondsPerWeek\": 1, \"teamSecondsPerWeek\": 1800}")
                .status()).isEqualTo(200);
        Reply refused = send("POST", base + "/training/runs", other, RUN.formatted("linear"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("but you have 1 s left this week");
        assertThat(send("GET", base + "/training/runs", other, null).json().size()).isZero();
    }
}
