package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A student submits after the deadline: told the cost first, then sees the late-day ledger change. */
class LateDaysIT extends BrowserTest {

    @Test
    void aLateSubmissionIsPricedBeforehandAndChargedToTheLedger() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        // Due an hour ago: one late day whatever the weekday (a weekend counts as one day).
        Instant due = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String created = instructor.postJson("/api/v1/courses/" + courseId + "/assignments", """
                {"shortName": "A3", "title": "Convolutions", "releaseAt": "2024-01-01T00:00:00Z", "dueAt": "%s", "points": 100,
                 "category": "Assignments"}""".replace("%s", due.toString()));
        String page = "/courses/" + courseId + "/assignments/" + Api.field(created, "id");

        browser.signIn("student2@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/grades");
        browser.waitForText(By.id("late-days-left"), "Late days: 0 used, 5 left.");

        browser.open(page);
        browser.waitForText(By.id("late-cost"), "Submitting now is 1 day(s) late: it uses 1 of your 5 free late day(s), leaving 4.");
        Path notebook = Files.createTempFile("a3-", ".ipynb");
        Files.writeString(notebook, AutograderIT.NOTEBOOK);
        browser.upload("submission-upload", notebook);
        browser.waitForText(By.id("receipt"), "after the deadline");

        browser.open("/courses/" + courseId + "/grades");
        browser.waitForText(By.id("late-days-left"), "Late days: 1 used, 4 left.");
        browser.waitForText(By.id("ledger"), "A3");
        assertThat(browser.text(By.id("ledger"))).contains("late");
        browser.screenshot("ledger-after-late-submission");
    }
}
