package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A student takes a timed quiz, reloads the page half-way, finds the answer and the deadline unchanged, and finishes. */
class QuizIT extends BrowserTest {

    @Test
    void aStudentTakesATimedQuizReloadsMidwayAndFinishes() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        String created = instructor.postJson("/api/v1/courses/" + courseId + "/quizzes", """
                {"shortName": "QuizE2E", "title": "Timed check on kNN", "openAt": "2024-01-01T00:00:00Z",
                 "closeAt": "2099-01-01T00:00:00Z", "timeLimitMinutes": 10, "shuffle": false,
                 "questions": [
                   {"kind": "single_choice", "prompt": "A kNN classifier with k = 1 on its own training set: accuracy?", "points": 1,
                    "options": ["50%", "100%"], "correct": [1]},
                   {"kind": "numeric", "prompt": "Parameters of Wx + b with 3072 inputs and 10 classes?", "points": 2, "answer": 30730}
                 ]}""");
        String page = "/courses/" + courseId + "/quizzes/" + Api.field(created, "id");

        browser.signIn("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open(page);
        browser.click(By.id("quiz-start"));
        String deadline = browser.waitFor(By.id("quiz-deadline")).getDomAttribute("data-deadline");
        assertThat(deadline).isNotBlank();
        browser.waitForText(By.id("quiz-countdown"), "left");
        browser.click(By.xpath("//*[@id='answer-1']//vaadin-radio-button[.//label[contains(., '100%')]]"));
        browser.waitForText(By.id("saved-1"), "Saved");
        browser.screenshot("quiz-answered-one");
        browser.click(By.id("quiz-submit"));
        assertThat(browser.confirmationText()).contains("1 of 2 questions is unanswered");
        browser.click(By.cssSelector("vaadin-confirm-dialog[opened] [slot='cancel-button']"));
        browser.waiting().until(d -> d.findElements(By.cssSelector("vaadin-confirm-dialog[opened]")).isEmpty());

        // A reload resumes the same attempt: the answer is there and the deadline has not moved.
        browser.open(page);
        browser.waitFor(By.id("question-2"));
        assertThat(browser.waitFor(By.id("quiz-deadline")).getDomAttribute("data-deadline")).isEqualTo(deadline);
        assertThat(browser.all(By.id("quiz-start"))).isEmpty();
        browser.waitForText(By.cssSelector("#answer-1 vaadin-radio-button[checked]"), "100%");
        browser.waitForText(By.id("saved-1"), "Saved");

        browser.type("answer-2", "30730");
        browser.waitForText(By.id("saved-2"), "Saved");
        browser.click(By.id("quiz-submit"));
        // submitting is final: it asks first, and says what is still unanswered
        assertThat(browser.confirmationText()).contains("All 2 questions are answered").contains("final");
        browser.screenshot("quiz-submit-question");
        browser.confirm();
        browser.waitForText(By.id("quiz-score"), "Score: 3 / 3");
        assertThat(browser.all(By.id("quiz-submit"))).isEmpty();
        browser.screenshot("quiz-score");
    }

    @Test
    void aTaGradesAShortAnswerFromTheQueue() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        // Outside the gradebook (no category), so other tests' gradebook columns stay as they are.
        String created = instructor.postJson("/api/v1/courses/" + courseId + "/quizzes", """
                {"shortName": "QuizTA", "title": "Choosing hyperparameters", "openAt": "2024-01-01T00:00:00Z",
                 "closeAt": "2099-01-01T00:00:00Z", "timeLimitMinutes": 10,
                 "questions": [{"kind": "short_text", "prompt": "On which split of the data should you choose k?", "points": 3,
                                "accepted": ["validation", "the validation set"]}]}""");
        String quizId = Api.field(created, "id");

        // A student answers through the API with a short answer no key accepts.
        Api student = new Api("student2@demo.lectern", LecternServer.DEMO_PASSWORD);
        String attempt = student.postJson("/api/v1/quizzes/" + quizId + "/attempt", "");
        String attemptId = Api.field(attempt, "id");
        Matcher text = Pattern.compile("\"questionId\":(\\d+),\"kind\":\"SHORT_TEXT\"").matcher(attempt);
        assertThat(text.find()).isTrue();
        student.putJson("/api/v1/quiz-attempts/" + attemptId + "/answers/" + text.group(1), "{\"text\": \"a held-out split of the training data\"}");
        student.postJson("/api/v1/quiz-attempts/" + attemptId + "/submit", "");

        browser.signIn("ta@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/quizzes/" + quizId);
        browser.waitForText(By.id("quiz-title"), "QuizTA");
        browser.screenshot("quiz-staff-page");
        browser.click(By.id("quiz-grading-link"));
        String key = attemptId + "-" + text.group(1);
        browser.waitForText(By.id("pending-" + key), "a held-out split of the training data");
        browser.screenshot("quiz-grading-queue");
        browser.type("grade-points-" + key, "3");
        browser.type("grade-comment-" + key, "Yes: that is a validation set.");
        browser.click(By.id("grade-save-" + key));
        browser.waitForText(By.id("grading-count"), "(0)");

        // The student sees the TA's points in the score.
        browser.signOut();
        browser.signIn("student2@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/quizzes/" + quizId);
        browser.waitForText(By.id("quiz-score"), "Score: 3 / 3");
    }
}
