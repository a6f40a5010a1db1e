package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A student opens the visualisation lecture's live exercise from the schedule, draws a "1" with the mouse and
 * sees at once what the CNN makes of it: probabilities, occlusion map, filters and activation maps.
 */
class LiveModelIT extends BrowserTest {

    @Test
    void aStudentDrawsADigitAndTheNetworkAnswers() throws Exception {
        Api student = new Api("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(student.get("/api/v1/courses"), "CSE 493G1");

        browser.signIn("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/schedule");
        browser.click(By.partialLinkText("LIVE-digits"));
        browser.waitForText(By.id("live-title"), "LIVE-digits");

        // One upright stroke down the middle of the 224-pixel pad.
        browser.stroke(By.id("digit-pad"), new int[] {112, 30}, new int[] {112, 70}, new int[] {112, 110},
                new int[] {112, 150}, new int[] {112, 195});
        browser.waitForText(By.id("live-verdict"), "The network says 1");
        for (int c = 0; c < 10; c++) {
            assertThat(browser.text(By.id("live-p-" + c))).endsWith("%");
        }
        assertThat(browser.all(By.cssSelector("#live-occlusion rect"))).hasSize(64);
        assertThat(browser.all(By.cssSelector("#live-filters svg"))).hasSize(16);
        assertThat(browser.all(By.cssSelector("#live-activations svg"))).hasSize(16);
        assertThat(browser.text(By.id("live-timing"))).startsWith("Answered in");
        browser.screenshot("live-model-drawn-one");

        // An example from the course dataset comes with its true label.
        browser.click(By.id("dataset-example"));
        browser.waitForText(By.id("live-truth"), "This example from the course dataset is a");
        browser.screenshot("live-model-dataset-example");
    }

    @Test
    void anInstructorPutsOneBesideALecture() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        browser.signIn("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/schedule");
        browser.click(By.id("new-live-model-6"));
        browser.type("live-short-name", "LIVE-conv");
        browser.click(By.id("live-save"));
        browser.waitForText(By.id("live-title"), "LIVE-conv");
        browser.waitForText(By.id("live-staff"), "worker:");
        browser.click(By.id("dataset-example"));
        browser.waitForText(By.id("live-verdict"), "The network says");
        assertThat(instructor.get("/api/v1/courses/" + courseId + "/live-models")).contains("\"shortName\":\"LIVE-conv\"");
    }
}
