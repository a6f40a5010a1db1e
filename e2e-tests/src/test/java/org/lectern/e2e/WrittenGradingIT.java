package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lectern.testing.SamplePdfs;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

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

    /**
     * The loop: three students upload PDFs and mark their pages (one in the browser), a TA grades the three
     * answers with the rubric by keyboard and changes one item's points (all three totals follow), the instructor
     * releases, a student asks for a regrade and reads the TA's answer and the change, asks for an extension with a
     * document that the TA approves; the TA's open dashboard counts the requests as they come (push) and goes back down.
     */
    @Test
    void threeStudentsMarkPagesATaGradesChangesAnItemAndAnswersARegradeAndAnExtension() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        String assignmentId = Api.field(instructor.postJson("/api/v1/courses/" + courseId + "/assignments", """
                {"shortName": "W17R", "title": "Backprop by hand, two questions", "releaseAt": "2024-01-01T00:00:00Z",
                 "dueAt": "2099-01-01T00:00:00Z", "points": 6, "allowedExtensions": ".pdf", "category": "Assignments"}"""), "id");
        String q1 = Api.field(instructor.postJson("/api/v1/assignments/" + assignmentId + "/written-questions",
                "{\"title\": \"Chain rule\", \"points\": 4}"), "id");
        String q2 = Api.field(instructor.postJson("/api/v1/assignments/" + assignmentId + "/written-questions",
                "{\"title\": \"Shapes\", \"points\": 2}"), "id");
        instructor.postJson("/api/v1/written-questions/" + q1 + "/rubric", "{\"points\": 3, \"text\": \"Correct chain rule\"}");
        instructor.postJson("/api/v1/written-questions/" + q1 + "/rubric", "{\"points\": 1, \"text\": \"Shapes stated\"}");
        Api ta = new Api("ta@demo.lectern", LecternServer.DEMO_PASSWORD);
        String page = "/courses/" + courseId + "/assignments/" + assignmentId;

        // Students 2 and 3 upload and mark by the API; student 1 in the browser, on a desktop-sized window.
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (String who : new String[] {"student2@demo.lectern", "student3@demo.lectern"}) {
            Api s = new Api(who, LecternServer.DEMO_PASSWORD);
            ids.put(who, Api.field(s.get("/api/v1/me"), "id"));
            String sub = Api.field(s.multipart("POST", "/api/v1/assignments/" + assignmentId + "/submissions", Map.of("answers.pdf", SamplePdfs.answers(2)), Map.of()),
                    "submissionId");
            s.putJson("/api/v1/submissions/" + sub + "/page-marks", "{\"marks\": {\"" + q1 + "\": [1], \"" + q2 + "\": [2]}}");
        }
        Path answers = Files.createTempFile("answers-", ".pdf");
        Files.write(answers, SamplePdfs.answers(2));
        try (Browser student = Browser.sized(1400, 900)) {
            onFailure(student, "written-student-marking-failed", () -> marking(student, page, answers));
        }
        Api adaApi = new Api("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        ids.put("student1@demo.lectern", Api.field(adaApi.get("/api/v1/me"), "id"));
        await().atMost(Duration.ofSeconds(60)).until(() -> ta.get("/api/v1/written-questions/" + q1 + "/queue").split("submissionId").length - 1 == 3);

        // The TA's dashboard stays open: the requests below arrive by push.
        browser.signIn("ta@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/dashboard");
        int written0 = count("written");
        int regrades0 = count("regrade-requests");
        int extensions0 = count("extension-requests");

        // Three answers graded by keyboard: 1 applies "Correct chain rule" (3 points), then save.
        browser.click(By.id("grade-question-" + q1));
        for (int left = 3; left >= 1; left--) {
            browser.waitForText(By.id("ungraded-count"), left + " of 3 answers ungraded");
            browser.waitFor(By.id("page-1"));
            browser.script("document.dispatchEvent(new KeyboardEvent('keydown', {key: '1', bubbles: true}))");
            browser.waiting().until(d -> d.findElement(By.id("rubric-item-1")).getAttribute("checked") != null);
            browser.click(By.id("grade-save"));
        }
        browser.waitForText(By.id("ungraded-count"), "0 of 3 answers ungraded");
        for (String id : ids.values()) {
            assertThat(score(ta, assignmentId, id)).isEqualByComparingTo("3");
        }
        // One item's points change: every grade that applies it follows.
        browser.type("rubric-points-1", "2");
        browser.click(By.id("rubric-change-1"));
        for (String id : ids.values()) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(score(ta, assignmentId, id)).isEqualByComparingTo("2"));
        }
        browser.screenshot("written-grading-rubric");

        instructor.postJson("/api/v1/assignments/" + assignmentId + "/grades/release", "{}");
        java.time.Instant now = java.time.Instant.now();
        instructor.putJson("/api/v1/assignments/" + assignmentId + "/regrade-window",
                "{\"opensAt\": \"" + now.minusSeconds(3600) + "\", \"closesAt\": \"" + now.plusSeconds(7 * 86400) + "\"}");
        browser.open("/courses/" + courseId + "/dashboard");
        browser.waitForText(By.id("count-written"), Integer.toString(written0 - 3));

        // Student 1 reads the released question with the item applied and asks for a regrade.
        try (Browser student = Browser.sized(1400, 900)) {
            student.signIn("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
            student.open(page);
            student.waitForText(By.id("written-score-q1"), "2 of 4 points");
            student.waitForText(By.id("written-applied-q1"), "Correct chain rule");
            student.type("regrade-reason-q1", "I stated the shapes on page 1, third line.");
            student.click(By.id("regrade-ask-q1"));
            student.waitForText(By.id("regrade-outcome-q1"), "Waiting for staff");
            browser.waitForText(By.id("count-regrade-requests"), Integer.toString(regrades0 + 1)); // pushed to the open dashboard

            // The TA opens the answer from the request, applies the second item, and answers.
            String request = firstId(ta.get("/api/v1/assignments/" + assignmentId + "/regrade-requests"));
            browser.click(By.id("link-regrade-requests"));
            browser.click(By.id("regrade-open-" + request));
            browser.waitForText(By.id("current-answer"), "Ada Lovelace");
            browser.script("document.dispatchEvent(new KeyboardEvent('keydown', {key: '2', bubbles: true}))");
            browser.waiting().until(d -> d.findElement(By.id("rubric-item-2")).getAttribute("checked") != null);
            browser.click(By.id("grade-save"));
            browser.waitForText(By.id("ungraded-count"), "0 of 3 answers ungraded");
            browser.open("/courses/" + courseId + "/regrade-requests");
            browser.type("regrade-answer-" + request, "You are right: the shapes are there. +1.");
            browser.click(By.id("regrade-send-" + request));
            browser.waitForText(By.id("regrade-outcome-" + request), "2 → 3");
            browser.screenshot("written-regrade-answered");

            student.open(page);
            student.waitForText(By.id("regrade-outcome-q1"), "Answered: 2 → 3");
            student.waitForText(By.id("written-score-q1"), "3 of 4 points");
            student.screenshot("written-student-released-1400");
            student.resize(390, 844);
            student.waitFor(By.id("written-result-q1"));
            assertThat(student.overflowsSideways()).as("the released page on a phone").isFalse();
            student.screenshot("written-student-released-390");
            student.resize(1400, 900);

            // An extension request with a document; the TA approves it.
            browser.open("/courses/" + courseId + "/dashboard");
            browser.waitForText(By.id("count-regrade-requests"), Integer.toString(regrades0));
            Path note = Files.createTempFile("doctors-note-", ".png");
            Files.write(note, png());
            student.open("/courses/" + courseId + "/extension-requests");
            WebElement item = student.waitFor(By.cssSelector("#extension-item input"));
            item.sendKeys("W17R");
            student.waiting().until(d -> !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
            item.sendKeys(Keys.ENTER);
            student.type("extension-days", "2");
            student.type("extension-reason", "Flu; the doctor's note is attached.");
            student.upload("extension-document", note);
            student.waitForText(By.id("extension-document-name"), "Attached: ");
            student.click(By.id("extension-send"));
            await().atMost(Duration.ofSeconds(20)).until(() -> ta.get("/api/v1/courses/" + courseId + "/extension-requests").contains("\"itemKey\":\"W17R\""));
            String extension = extensionId(ta.get("/api/v1/courses/" + courseId + "/extension-requests"));
            student.waitForText(By.id("extension-status-" + extension), "Waiting for staff");
            student.screenshot("extension-request-student");
            browser.waitForText(By.id("count-extension-requests"), Integer.toString(extensions0 + 1)); // pushed

            browser.click(By.id("link-extension-requests"));
            browser.waitFor(By.id("extension-document-" + extension));
            browser.type("extension-decision-note-" + extension, "Get well soon.");
            browser.click(By.id("extension-approve-" + extension));
            browser.waitForText(By.id("extension-status-" + extension), "Approved");
            browser.screenshot("extension-requests-staff");
            student.open("/courses/" + courseId + "/extension-requests");
            student.waitForText(By.id("extension-status-" + extension), "Approved");
            student.waitForText(By.id("extension-note-" + extension), "Get well soon.");
        }
        browser.open("/courses/" + courseId + "/dashboard");
        browser.waitForText(By.id("count-extension-requests"), Integer.toString(extensions0));
        browser.waitForText(By.id("count-regrade-requests"), Integer.toString(regrades0));
        browser.resize(1400, 900);
        browser.screenshot("dashboard-1400");
        browser.resize(390, 844);
        browser.waitFor(By.id("count-written"));
        assertThat(browser.overflowsSideways()).as("the dashboard on a phone").isFalse();
        browser.screenshot("dashboard-390");
    }

    /** Student 1 uploads in the browser and marks one page for each question. */
    private static void marking(Browser student, String page, Path answers) {
        student.signIn("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        student.open(page);
        student.upload("submission-upload", answers);
        // The PDF is drawn in a worker JVM before the receipt: give a loaded machine time.
        student.waitForText(By.id("unmarked-questions"), "Not marked yet: Q1, Q2", Duration.ofMinutes(2));
        tick(student, "mark-q1", "p1");
        tick(student, "mark-q2", "p2");
        student.click(By.id("save-page-marks"));
        student.waitForText(By.id("unmarked-questions"), "Every question has its pages marked");
        student.screenshot("written-student-marking-1400");
        student.resize(390, 844);
        student.waitFor(By.id("save-page-marks"));
        assertThat(student.overflowsSideways()).as("the marking page on a phone").isFalse();
        student.screenshot("written-student-marking-390");
    }

    /** Runs a step in a second browser, keeping its screenshot when the step fails (the test's own screenshot is the TA's). */
    private static void onFailure(Browser b, String name, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | AssertionError e) {
            b.screenshot(name);
            throw e;
        }
    }

    private int count(String key) {
        browser.waitFor(By.id("count-" + key));
        return Integer.parseInt(browser.text(By.id("count-" + key)).trim());
    }

    /** Ticks the checkbox labelled {@code label} in a Vaadin checkbox group (its label is in the light DOM). */
    private static void tick(Browser b, String groupId, String label) {
        b.waiting().until(d -> Boolean.TRUE.equals(b.script("""
                const box = [...document.querySelectorAll('#' + arguments[0] + ' vaadin-checkbox')].find(c => c.textContent.trim() === arguments[1]);
                if (!box) return false;
                box.click();
                return true;""", groupId, label)));
    }

    /** The student's first question's score as staff read it (null while ungraded). */
    private static java.math.BigDecimal score(Api ta, String assignmentId, String accountId) throws Exception {
        String v = Api.field(ta.get("/api/v1/assignments/" + assignmentId + "/written-results?accountId=" + accountId), "score");
        return "null".equals(v) ? null : new java.math.BigDecimal(v);
    }

    private static String firstId(String json) {
        return Api.field(json, "id");
    }

    private static String extensionId(String json) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"id\":(\\d+),\"courseId\":\\d+,\"itemKey\":\"W17R\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No W17R request in " + json);
        }
        return m.group(1);
    }

    /** A small PNG (a scanned note stands in). */
    static byte[] png() throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
