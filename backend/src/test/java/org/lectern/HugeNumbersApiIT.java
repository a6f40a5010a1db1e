package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.lectern.RestCalls.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Numbers that are short to type but huge to write out ({@code 1e-300000000}) or to parse (a million
 * digits) are refused with a 400 by polls, quizzes and exercises alike, and nothing is recorded.
 */
@BackendTest
class HugeNumbersApiIT {

    @LocalServerPort int port;
    @Autowired Coursework coursework;

    RestCalls rest;

    @BeforeEach
    void connect() {
        rest = new RestCalls(port);
    }

    Reply send(String method, String path, String token, String body) throws Exception {
        return rest.call(method, path, token, body);
    }

    @Test
    void aPollVoteWithAHugeExponentIsRefusedAndNotCounted() throws Exception {
        var s = coursework.setup(false);
        String instructor = rest.token(s.instructor());
        String student = rest.token(s.student());
        Reply poll = send("POST", "/api/v1/courses/" + s.courseId() + "/polls", instructor,
                "{\"question\":\"Output width?\",\"kind\":\"NUMBER\",\"correct\":\"4\",\"thinkSeconds\":90,\"groupSeconds\":180}");
        assertThat(poll.status()).isEqualTo(201);
        long id = poll.body().get("id").asLong();
        assertThat(send("POST", "/api/v1/polls/" + id + "/phase", instructor, "{\"phase\":\"think\"}").status()).isEqualTo(200);

        for (String huge : new String[] {"1e-2000000", "1e-300000000", "0e-300000000", "1".repeat(100_000)}) {
            Reply vote = send("POST", "/api/v1/polls/" + id + "/votes", student, "{\"answer\":\"" + huge + "\"}");
            assertThat(vote.status()).as(huge.substring(0, Math.min(20, huge.length()))).isEqualTo(400);
            assertThat(vote.body().get("detail").asString()).startsWith("Your answer ");
        }
        assertThat(send("GET", "/api/v1/polls/" + id, instructor, null).body().get("votes1").asInt()).isZero();
        assertThat(send("POST", "/api/v1/polls/" + id + "/votes", student, "{\"answer\":\"4\"}").status()).isEqualTo(201);

        Reply badKey = send("POST", "/api/v1/courses/" + s.courseId() + "/polls", instructor,
                "{\"question\":\"Learning rate?\",\"kind\":\"NUMBER\",\"correct\":\"1e-300000000\"}");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.body().get("detail").asString()).contains("is out of range");
    }

    @Test
    void aQuizAnswerOrKeyWithAHugeExponentIsRefused() throws Exception {
        var s = coursework.setup(false);
        String instructor = rest.token(s.instructor());
        String student = rest.token(s.student());
        String quiz = """
                {"shortName": "QN", "title": "Numbers", "openAt": "2024-01-19T09:30:00-08:00", "closeAt": "2099-01-19T13:30:00-08:00",
                 "questions": [{"kind": "numeric", "prompt": "Parameters?", "points": 2, "answer": ANSWER}]}""";
        Reply badKey = send("POST", "/api/v1/courses/" + s.courseId() + "/quizzes", instructor, quiz.replace("ANSWER", "1e-300000000"));
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.body().get("detail").asString()).contains("questions[0]: the answer is out of range");

        Reply created = send("POST", "/api/v1/courses/" + s.courseId() + "/quizzes", instructor, quiz.replace("ANSWER", "30730"));
        assertThat(created.status()).isEqualTo(201);
        Reply attempt = send("POST", "/api/v1/quizzes/" + created.body().get("id").asLong() + "/attempt", student, null);
        long attemptId = attempt.body().get("id").asLong();
        long question = attempt.body().get("questions").get(0).get("questionId").asLong();
        String path = "/api/v1/quiz-attempts/" + attemptId + "/answers/" + question;
        for (String huge : new String[] {"1e-300000000", "0e-300000000", "1e300000000"}) {
            Reply saved = send("PUT", path, student, "{\"number\": " + huge + "}");
            assertThat(saved.status()).as(huge).isEqualTo(400);
            assertThat(saved.body().get("detail").asString()).isEqualTo("Your answer is out of range: numbers go from 1e-99 to 1e99.");
        }
        assertThat(send("PUT", path, student, "{\"number\": 30730}").status()).isEqualTo(200);
    }

    @Test
    void anExerciseAnswerWithAHugeExponentIsRefusedWithoutUsingAnAttempt() throws Exception {
        var s = coursework.setup(false);
        String instructor = rest.token(s.instructor());
        String student = rest.token(s.student());
        Reply exercise = send("POST", "/api/v1/courses/" + s.courseId() + "/exercises", instructor,
                "{\"generatorKey\":\"conv-output-size\",\"shortName\":\"EXN\",\"maxAttempts\":3}");
        assertThat(exercise.status()).as(String.valueOf(exercise.body())).isEqualTo(201);
        long id = exercise.body().get("id").asLong();
        JsonNode sheet = send("GET", "/api/v1/exercises/" + id, student, null).body();
        StringBuilder answers = new StringBuilder("{");
        for (JsonNode part : sheet.get("parts")) {
            answers.append(answers.length() > 1 ? "," : "").append('"').append(part.get("id").asString()).append("\":\"1e-300000000\"");
        }
        Reply attempt = send("POST", "/api/v1/exercises/" + id + "/attempts", student, answers.append('}').toString());
        assertThat(attempt.status()).isEqualTo(400);
        assertThat(attempt.body().get("detail").asString()).contains("is out of range").contains("did not use an attempt");
        assertThat(send("GET", "/api/v1/exercises/" + id, student, null).body().get("attemptsLeft").asInt()).isEqualTo(3);
    }
}
