package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.RestCalls.Reply;
import org.lectern.identity.Account;
import org.lectern.submission.SubmissionService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The plagiarism API: staff run a check and read it; students get 403 on every endpoint, strangers 404. */
@BackendTest
class PlagiarismApiIT {

    static final String CODE = """
            import numpy as np

            def softmax(scores):
                shifted = scores - np.max(scores, axis=1, keepdims=True)
                exp = np.exp(shifted)
                return exp / np.sum(exp, axis=1, keepdims=True)

            def cross_entropy(probs, labels):
                n = probs.shape[0]
                return -np.sum(np.log(probs[np.arange(n), labels])) / n

            def accuracy(scores, labels):
                return np.mean(np.argmax(scores, axis=1) == labels)
            """;

    @LocalServerPort int port;
    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired SubmissionService submissions;

    RestCalls rest;

    @BeforeEach
    void connect() {
        rest = new RestCalls(port);
    }

    Reply send(String method, String path, String token, String contentType, String body) throws Exception {
        return rest.call(method, path, token, contentType, body);
    }

    String token(Account a) throws Exception {
        return rest.token(a);
    }

    @Test
    void staffRunAndReadChecksStudentsGet403StrangersGet404() throws Exception {
        var s = coursework.setup(false);
        long aid = s.assignment().id();
        for (Account student : new Account[] {s.student(), s.otherStudent()}) {
            as(s.ta(), () -> submissions.submitOnBehalf(aid, student.email(), null, "api test", "softmax.py",
                    CODE.getBytes(StandardCharsets.UTF_8)));
        }
        String ta = token(s.ta());
        Reply started = send("POST", "/api/v1/assignments/" + aid + "/plagiarism-checks", ta, null, null);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("state").asString()).isEqualTo("queued");
        JsonNode results = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> send("GET", "/api/v1/assignments/" + aid + "/plagiarism", ta, null, null).json(),
                        r -> r.get("latest").get("state").asString().equals("done"));
        JsonNode pair = results.get("pairs").get(0);
        assertThat(pair.get("flagged").asBoolean()).isTrue();
        long pairId = pair.get("id").asLong();
        Reply detail = send("GET", "/api/v1/plagiarism-pairs/" + pairId, ta, null, null);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().get("fragments").size()).isPositive();
        assertThat(send("GET", "/api/v1/assignments/" + aid + "/plagiarism/report.zip", ta, null, null).status()).isEqualTo(200);
        Reply marked = send("PUT", "/api/v1/plagiarism-pairs/" + pairId + "/case", ta, "application/json",
                "{\"status\":\"confirmed\",\"notes\":\"identical\"}");
        assertThat(marked.status()).isEqualTo(200);
        long caseId = marked.json().get("id").asLong();
        assertThat(send("POST", "/api/v1/plagiarism-cases/" + caseId + "/decision", ta, "application/json",
                "{\"decision\":\"zero\",\"score\":0}").status()).isEqualTo(403);

        String student = token(s.student());
        String stranger = token(people.user("stranger"));
        String[][] calls = {
                {"POST", "/api/v1/assignments/" + aid + "/plagiarism-checks", null},
                {"GET", "/api/v1/assignments/" + aid + "/plagiarism", null},
                {"GET", "/api/v1/plagiarism-pairs/" + pairId, null},
                {"GET", "/api/v1/assignments/" + aid + "/plagiarism/report.zip", null},
                {"GET", "/api/v1/assignments/" + aid + "/plagiarism-cases", null},
                {"PUT", "/api/v1/plagiarism-pairs/" + pairId + "/case", "{\"status\":\"dismissed\",\"notes\":\"\"}"},
                // A status the API does not know: the caller's role is still judged first (no 400 that shows the pair exists).
                {"PUT", "/api/v1/plagiarism-pairs/" + pairId + "/case", "{\"status\":\"maybe\",\"notes\":\"\"}"},
                {"POST", "/api/v1/plagiarism-cases/" + caseId + "/decision", "{\"decision\":\"none\"}"}};
        for (String[] call : calls) {
            Reply r = send(call[0], call[1], student, call[2] == null ? null : "application/json", call[2]);
            assertThat(r.status()).as(call[0] + " " + call[1]).isEqualTo(403);
            assertThat(r.raw()).doesNotContain("softmax", "fragments");
            assertThat(send(call[0], call[1], stranger, call[2] == null ? null : "application/json", call[2]).status())
                    .as(call[0] + " " + call[1]).isEqualTo(404);
        }
        String boundary = "----plag";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nreference\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ref.py\"\r\n\r\n" + CODE + "\r\n--" + boundary + "--\r\n";
        assertThat(send("POST", "/api/v1/assignments/" + aid + "/plagiarism/corpus", student, "multipart/form-data; boundary=" + boundary,
                multipart).status()).isEqualTo(403);
        Reply created = send("POST", "/api/v1/assignments/" + aid + "/plagiarism/corpus", token(s.instructor()),
                "multipart/form-data; boundary=" + boundary, multipart.replace("reference\r\n", "reference\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"label\"\r\n\r\nAI solution\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"origin\"\r\n\r\nChatGPT-4o, 2026-10-02\r\n"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.json().get("origin").asString()).isEqualTo("ChatGPT-4o, 2026-10-02");
    }
}
