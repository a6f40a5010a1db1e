package org.lectern.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.RestCalls.Reply;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.RestCalls;
import org.lectern.identity.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The quiz API end to end: a course's script creates a quiz; a student takes it; roles and JSON errors. */
@BackendTest
class QuizApiIT {

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

    String token(Account a) throws Exception {
        return rest.token(a);
    }

    static final String QUIZ = """
            {"shortName": "Quiz1", "title": "kNN and linear classifiers", "openAt": "2024-01-19T09:30:00-08:00",
             "closeAt": "2099-01-19T13:30:00-08:00", "timeLimitMinutes": 10, "category": "Quizzes", "allowReview": true,
             "questions": [
               {"kind": "single_choice", "prompt": "kNN with k = 1: training accuracy?", "points": 1,
                "options": ["0%", "50%", "100%"], "correct": [2], "explanation": "Each point is its own neighbour."},
               {"kind": "numeric", "prompt": "Parameters of a linear classifier, 3072 inputs, 10 classes, with biases?", "points": 2,
                "answer": 30730},
               {"kind": "short_text", "prompt": "Name kNN's usual distance.", "points": 2, "accepted": ["L2", "Euclidean"]}
             ]}""";

    @Test
    void aScriptCreatesAQuizAndAStudentTakesIt() throws Exception {
        var s = coursework.setup(false);
        String instructor = token(s.instructor());
        String ta = token(s.ta());
        String student = token(s.student());
        String other = token(s.otherStudent());
        String base = "/api/v1/courses/" + s.courseId();

        Reply refused = send("POST", base + "/quizzes", ta, QUIZ);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("error").asString()).isEqualTo("forbidden");
        Reply bad = send("POST", base + "/quizzes", instructor, QUIZ.replace("\"answer\": 30730", "\"tolerance\": 1"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("detail").asString()).contains("questions[1]: a numeric question needs its answer");

        Reply created = send("POST", base + "/quizzes", instructor, QUIZ);
        assertThat(created.status()).isEqualTo(201);
        long quizId = created.body().get("id").asLong();
        assertThat(created.body().get("points").decimalValue()).isEqualByComparingTo("5");
        assertThat(created.body().get("pools")).hasSize(3);
        assertThat(send("POST", base + "/quizzes", instructor, QUIZ).status()).isEqualTo(409);

        // Students see the quiz, never its questions or keys before they start.
        Reply forStudent = send("GET", "/api/v1/quizzes/" + quizId, student, null);
        assertThat(forStudent.status()).isEqualTo(200);
        assertThat(forStudent.body().get("questionCount").asInt()).isEqualTo(3);
        assertThat(forStudent.body().get("pools").isNull()).isTrue();
        assertThat(forStudent.body().toString()).doesNotContain("30730").doesNotContain("Euclidean");
        assertThat(send("GET", base + "/quizzes", student, null).body()).extracting(n -> n.get("shortName").asString()).containsExactly("Quiz1");

        Reply attempt = send("POST", "/api/v1/quizzes/" + quizId + "/attempt", student, null);
        assertThat(attempt.status()).isEqualTo(200);
        long attemptId = attempt.body().get("id").asLong();
        String deadline = attempt.body().get("deadline").asString();
        assertThat(attempt.body().get("state").asString()).isEqualTo("OPEN");
        assertThat(attempt.body().get("questions")).hasSize(3);
        assertThat(attempt.body().toString()).doesNotContain("30730").doesNotContain("Euclidean").doesNotContain("own neighbour");
        Reply resumed = send("POST", "/api/v1/quizzes/" + quizId + "/attempt", student, null);
        assertThat(resumed.body().get("id").asLong()).isEqualTo(attemptId);
        assertThat(resumed.body().get("deadline").asString()).isEqualTo(deadline);

        List<Long> ids = new ArrayList<>();
        attempt.body().get("questions").forEach(q -> ids.add(q.get("questionId").asLong()));
        long numeric = 0;
        long text = 0;
        long choice = 0;
        for (JsonNode q : attempt.body().get("questions")) {
            switch (q.get("kind").asString()) {
                case "NUMERIC" -> numeric = q.get("questionId").asLong();
                case "SHORT_TEXT" -> text = q.get("questionId").asLong();
                default -> choice = q.get("questionId").asLong();
            }
        }
        String answers = "/api/v1/quiz-attempts/" + attemptId + "/answers/";
        Reply saved = send("PUT", answers + numeric, student, "{\"number\": 30730}");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("savedAt").asString()).isNotBlank();
        assertThat(saved.body().get("deadline").asString()).isEqualTo(deadline);
        assertThat(send("PUT", answers + choice, student, "{\"choices\": [2]}").status()).isEqualTo(200);
        assertThat(send("PUT", answers + text, student, "{\"text\": \"straight-line distance\"}").status()).isEqualTo(200);
        Reply wrongShape = send("PUT", answers + numeric, student, "{\"text\": \"lots\"}");
        assertThat(wrongShape.status()).isEqualTo(400);
        assertThat(wrongShape.body().get("detail").asString()).isEqualTo("Enter a number.");

        // Nobody else reads or writes this attempt.
        assertThat(send("GET", "/api/v1/quiz-attempts/" + attemptId, other, null).status()).isEqualTo(404);
        assertThat(send("PUT", answers + numeric, other, "{\"number\": 1}").status()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/quiz-attempts/" + attemptId + "/submit", other, null).status()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/quizzes/" + quizId + "/attempt", ta, null).status()).isEqualTo(403);

        Reply submitted = send("POST", "/api/v1/quiz-attempts/" + attemptId + "/submit", student, null);
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.body().get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.body().get("score").decimalValue()).isEqualByComparingTo("3");
        assertThat(submitted.body().get("pending").asInt()).isEqualTo(1);
        Reply late = send("PUT", answers + numeric, student, "{\"number\": 1}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("error").asString()).isEqualTo("conflict");

        // The TA's queue and grade; the student's gradebook row follows.
        assertThat(send("GET", base + "/quiz-grading", student, null).status()).isEqualTo(403);
        Reply queue = send("GET", base + "/quiz-grading", ta, null);
        assertThat(queue.body()).singleElement().satisfies(p -> assertThat(p.get("response").asString()).isEqualTo("straight-line distance"));
        Reply graded = send("PUT", answers + text + "/grade", ta, "{\"points\": 2, \"comment\": \"That is L2.\"}");
        assertThat(graded.status()).isEqualTo(200);
        assertThat(graded.body().get("score").decimalValue()).isEqualByComparingTo("5");
        Reply grades = send("GET", base + "/gradebook", student, null);
        assertThat(grades.body().get("students").get(0).get("items").get("Quiz1").get("score").decimalValue()).isEqualByComparingTo("5");

        assertThat(send("GET", "/api/v1/quizzes/" + quizId + "/must-pass", ta, null).body()).isEmpty();
        assertThat(send("GET", "/api/v1/quizzes/999999999", student, null).status()).isEqualTo(404);
    }
}
