package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lectern.testing.SamplePdfs;
import org.openqa.selenium.By;

/** A TA grades a student's PDF answer with the rubric from the dashboard, by keyboard, and the dashboard's count goes down. */
class WrittenGradingIT extends BrowserTest {

    @Test
    void aTaGradesAPdfAnswerWithTheRubricAndTheDashboardCountGoesDown() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        String assignmentId = Api.field(instructor.postJson("/api/v1/courses/" + courseId + "/assignments", """
                {"shortName": "W17", "title": "Backprop by hand", "releaseAt": "2024-01-01T00:00:00Z",
                 "dueAt": "2099-01-01T00:00:00Z", "points": 4, "allowedExtensions": ".pdf", "category": "Assignments"}"""), "id");
        String questionId = Api.field(instructor.postJson("/api/v1/assignments/" + assignmentId + "/written-questions",
                "{\"title\": \"Derive the gradient\", \"points\": 4}"), "id");
        instructor.postJson("/api/v1/written-questions/" + questionId + "/rubric", "{\"points\": 4, \"text\": \"Correct derivation\"}");
        Api student = new Api("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        student.multipart("POST", "/api/v1/assignments/" + assignmentId + "/submissions", Map.of("answers.pdf", SamplePdfs.answers(2)), Map.of());
        Api ta = new Api("ta@demo.lectern", LecternServer.DEMO_PASSWORD);
        await().atMost(Duration.ofSeconds(60)).until(() -> ta.get("/api/v1/written-questions/" + questionId + "/queue").contains("submissionId"));

        browser.signIn("ta@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/dashboard");
        browser.waitFor(By.id("count-written"));
        int before = Integer.parseInt(browser.text(By.id("count-written")).trim());
        assertThat(before).isGreaterThanOrEqualTo(1);

        browser.click(By.id("grade-question-" + questionId));
        browser.waitForText(By.id("ungraded-count"), "1 of 1 answers ungraded");
        browser.waitFor(By.id("page-1"));
        browser.waitForText(By.id("current-answer"), "Ada Lovelace");
        // Digit 1 toggles the first rubric item, as the page says.
        browser.script("document.dispatchEvent(new KeyboardEvent('keydown', {key: '1', bubbles: true}))");
        browser.waiting().until(d -> d.findElement(By.id("rubric-item-1")).getAttribute("checked") != null);
        browser.click(By.id("grade-save"));
        browser.waitForText(By.id("ungraded-count"), "0 of 1 answers ungraded");
        browser.waitForText(By.id("current-answer"), "graded 4");
        browser.screenshot("written-grading");

        browser.click(By.id("tab-dashboard"));
        browser.waitForText(By.id("count-written"), Integer.toString(before - 1));
    }
}
