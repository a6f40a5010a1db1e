package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The autograder in the browser: a student uploads a notebook and sees the public results; the
 * instructor releases grades; the student then sees the private results and the total.
 */
class AutograderIT extends BrowserTest {

    static final String PUBLIC_TEST = """
            import numpy as np
            from submission import relu

            def test_positive():
                assert relu(np.array([1.0, 2.0])).tolist() == [1.0, 2.0]

            def test_negative():
                assert relu(np.array([-1.0])).tolist() == [0.0]
            """;
    static final String PRIVATE_TEST = """
            import numpy as np
            from submission import relu

            def test_matrix():
                assert relu(np.array([[-1.0, 3.0], [0.5, -0.5]])).tolist() == [[0.0, 3.0], [0.5, 0.0]]
            """;
    /** Right on positive numbers only: passes one public test of two and fails the private one. */
    static final String NOTEBOOK = """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3", "language": "python"}},
             "cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ["# A7: ReLU"]},
              {"cell_type": "code", "metadata": {}, "execution_count": 1, "outputs": [], "source": ["%matplotlib inline\\n", "import numpy as np"]},
              {"cell_type": "code", "metadata": {}, "execution_count": 2, "outputs": [], "source": ["def relu(x):\\n", "    return np.abs(x)"]}
             ]}""";


    @Test
    void aStudentSeesPublicResultsAtOnceAndPrivateOnesAfterRelease() throws Exception {
        // The course's CI sets up the assignment and pushes its autograder.
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        String created = instructor.postJson("/api/v1/courses/" + courseId + "/assignments", """
                {"shortName": "A7", "title": "ReLU in numpy", "releaseAt": "2024-01-01T00:00:00Z",
                 "dueAt": "2099-01-01T00:00:00Z", "points": 10}""");
        String assignmentId = Api.field(created, "id");
        instructor.multipart("PUT", "/api/v1/assignments/" + assignmentId + "/autograder",
                Map.of("test_public.py", PUBLIC_TEST.getBytes(StandardCharsets.UTF_8),
                        "test_private.py", PRIVATE_TEST.getBytes(StandardCharsets.UTF_8)),
                Map.of("manifest", "{\"test_public.py\": {\"visibility\": \"public\", \"points\": 4},"
                        + " \"test_private.py\": {\"visibility\": \"private\", \"points\": 6}}"));
        String page = "/courses/" + courseId + "/assignments/" + assignmentId;

        // The student uploads a notebook and watches it being graded.
        browser.signIn("student3@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open(page);
        Path notebook = Files.createTempFile("a7-", ".ipynb");
        Files.writeString(notebook, NOTEBOOK);
        browser.upload("submission-upload", notebook);
        browser.waitForText(By.id("receipt"), "SHA-256");
        browser.waitFor(By.cssSelector("#run-status[data-status='done']"));
        browser.waitForText(By.id("public-score"), "Public tests: 2 / 4");
        // The failed test's output is there without a click on the row (nobody knew the row was clickable).
        assertThat(browser.waitFor(By.cssSelector("#public-tests .test-output")).isDisplayed()).isTrue();
        assertThat(browser.text(By.cssSelector("#public-tests .test-output"))).isNotBlank().isNotEqualTo("(no output)");
        browser.waitForText(By.id("private-pending"), "6 more points are in private tests");
        assertThat(browser.text(By.id("removals"))).contains("1");
        assertThat(browser.all(By.id("private-tests"))).isEmpty();
        assertThat(browser.all(By.id("total-score"))).isEmpty();
        browser.screenshot("student-public-results");
        browser.signOut();

        // The instructor releases grades.
        browser.signIn("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open(page);
        browser.waitFor(By.id("staff-submissions"));
        browser.click(By.id("release-grades"));
        // Releasing is asked first: students are told and the LMS gets the scores, which hiding again does not undo.
        assertThat(browser.confirmationText()).contains("told by e-mail");
        browser.confirm();
        browser.waitForText(By.id("release-grades"), "Hide grades again");
        // Staff read the notebook rendered beside its results.
        browser.click(By.xpath("//vaadin-grid[@id='staff-submissions']/vaadin-grid-cell-content[normalize-space()='student3@demo.lectern']"));
        browser.waitForText(By.cssSelector(".nb h1"), "A7: ReLU");
        browser.waitForText(By.cssSelector(".nb"), "return np.abs(x)");
        browser.waitForText(By.id("private-score"), "Private tests: 0 / 6");
        browser.screenshot("staff-submission-rendered");
        browser.signOut();

        // The student now sees the private results and the total.
        browser.signIn("student3@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open(page);
        browser.waitForText(By.id("total-score"), "Total: 2 / 10");
        browser.waitForText(By.id("private-score"), "Private tests: 0 / 6");
        browser.waitFor(By.id("private-tests"));
        assertThat(browser.all(By.id("private-pending"))).isEmpty();
    }
}
