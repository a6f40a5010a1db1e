package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A model assignment in the packaged app: the student uploads the course's digits CNN (models/), the
 * pool evaluates it in a separate worker JVM started from the app's own jar, and the public score
 * and the leaderboard appear.
 */
class ModelIT extends BrowserTest {

    static final Path MODELS = Path.of("..", "models").toAbsolutePath().normalize(); // ChromeDriver wants canonical paths

    @Test
    void aStudentUploadsAModelAndSeesThePublicScoreAndTheLeaderboard() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String created = instructor.postJson("/api/v1/courses/" + courseId + "/assignments", """
                {"shortName": "M1", "title": "Digits classifier", "type": "model", "releaseAt": "%s", "dueAt": "%s", "points": 10}"""
                .formatted(now.minus(1, ChronoUnit.DAYS), now.plus(7, ChronoUnit.DAYS)));
        String assignmentId = Api.field(created, "id");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String f : new String[] {"data.json", "images.f32", "labels.csv"}) {
                out.putNextEntry(new ZipEntry(f));
                out.write(Files.readAllBytes(MODELS.resolve("digits-eval").resolve(f)));
                out.closeEntry();
            }
        }
        instructor.multipart("PUT", "/api/v1/assignments/" + assignmentId + "/model-task", Map.of("digits-eval.zip", zip.toByteArray()),
                Map.of());

        browser.signIn("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/assignments/" + assignmentId);
        browser.upload("submission-upload", MODELS.resolve("digits-cnn.onnx"));
        // PyTorch scores 98.22% on the public split (models/digits-models.json); the pool must agree.
        browser.waitForText(By.id("model-public-score"), "Public score: 98.22%");
        browser.waitForText(By.id("leaderboard"), "(you)");
        assertThat(browser.text(By.id("leaderboard"))).contains("98.22%").contains("38,282");
        assertThat(browser.text(By.id("model-result"))).contains("Private score: after the deadline");
        browser.screenshot("model-leaderboard");
    }
}
