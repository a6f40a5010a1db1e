package org.lectern.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An instructor uploads an autograder in the browser: a pytest file and a conftest.py (a support file, by its
 * name), and chooses that students see nothing of failing private tests.
 */
class AutograderUploadIT extends BrowserTest {

    @Test
    void anInstructorUploadsTestsWithAConftestAndChoosesWhatPrivateTestsShow() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        String created = instructor.postJson("/api/v1/courses/" + courseId + "/assignments", """
                {"shortName": "A8", "title": "Support files", "releaseAt": "2024-01-01T00:00:00Z",
                 "dueAt": "2099-01-01T00:00:00Z", "points": 10}""");
        String assignmentId = Api.field(created, "id");
        Path dir = Files.createTempDirectory("a8-");
        Path test = Files.writeString(dir.resolve("test_relu.py"), AutograderIT.PUBLIC_TEST, StandardCharsets.UTF_8);
        Path conftest = Files.writeString(dir.resolve("conftest.py"), "import pytest\n", StandardCharsets.UTF_8);

        browser.signIn("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/assignments/" + assignmentId);
        browser.upload("autograder-upload", test);
        browser.waitForText(By.id("autograder-pending"), "test_relu.py");
        browser.upload("autograder-upload", conftest);
        browser.waitForText(By.id("autograder-pending"), "conftest.py");
        browser.click(By.id("autograder-private-feedback"));
        browser.click(By.xpath("//vaadin-select-item[contains(., 'nothing (outcome and points only)')]"));
        browser.click(By.id("save-autograder"));

        browser.waitForText(By.id("autograder-current"), "conftest.py (support)");
        browser.waitForText(By.id("autograder-current"), "test_relu.py (public, 10)");
        browser.waitForText(By.id("autograder-current"), "failing private tests show students: nothing");
        browser.screenshot("autograder-with-support-file");
    }

    @Test
    void anInstructorPicksThePythonEnvironmentTheRunsNeedAndTheTaCannot() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        String created = instructor.postJson("/api/v1/courses/" + courseId + "/assignments", """
                {"shortName": "A9", "title": "PyTorch layers", "releaseAt": "2024-01-01T00:00:00Z",
                 "dueAt": "2099-01-01T00:00:00Z", "points": 10}""");
        String page = "/courses/" + courseId + "/assignments/" + Api.field(created, "id");

        browser.signIn("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open(page);
        browser.waitForText(By.cssSelector("#environment-picker [slot='value']"), "any worker");
        browser.click(By.id("environment-picker"));
        browser.click(By.xpath("//vaadin-select-item[contains(., 'pytorch-cpu (PyTorch on the CPU)')]"));
        browser.waitForText(By.id("environment-offered"), "pytorch-cpu");
        browser.screenshot("environment-picked");
        // Saved: the page drawn anew shows the pick.
        browser.open(page);
        browser.waitForText(By.cssSelector("#environment-picker [slot='value']"), "pytorch-cpu");
        browser.signOut();

        // Picking is the instructor's (the service refuses TAs): a TA's staff panel has no picker.
        browser.signIn("ta@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open(page);
        browser.waitFor(By.id("plagiarism-link"));
        org.assertj.core.api.Assertions.assertThat(browser.all(By.id("environment-picker"))).isEmpty();
    }
}
