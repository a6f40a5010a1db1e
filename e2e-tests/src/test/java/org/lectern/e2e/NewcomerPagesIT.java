package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** What a newcomer met on a first walk through the course: error pages, form problems and dates. */
class NewcomerPagesIT extends BrowserTest {

    private static final By FRAMED_ERROR = By.cssSelector("vaadin-app-layout .lectern-error-page");

    /** A mistyped, unknown or forbidden address: the app's frame, a sentence, a way back; never a raw or empty error. */
    @Test
    void errorPagesSitInTheAppsFrameAndLeadBack() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        browser.signIn("student1@demo.lectern", LecternServer.DEMO_PASSWORD);

        browser.open("/courses/" + courseId + "/no-such-tab");
        browser.waitForText(FRAMED_ERROR, "no-such-tab");
        assertThat(browser.text(By.tagName("body"))).doesNotContain("Could not navigate");
        browser.waitFor(By.id("error-home-link"));
        browser.screenshot("error-not-found");

        browser.open("/admin");
        browser.waitFor(FRAMED_ERROR);
        assertThat(browser.text(By.tagName("body"))).doesNotContain("Could not navigate").doesNotContain("Whitelabel");
        browser.screenshot("error-admin-as-student");

        browser.open("/courses/" + courseId + "/roster");
        browser.waitForText(FRAMED_ERROR, "You don't have access to this page");
        browser.waitFor(By.id("error-course-link"));

        browser.open("/courses/999999/schedule");
        browser.waitForText(FRAMED_ERROR, "Not found");

        // refused before any Vaadin page (the request firewall): Spring Boot's error page, in the frame
        browser.open("/courses;x=1/schedule");
        browser.waitFor(FRAMED_ERROR);
        // it explains what failed (a refused address: 400), not Spring Boot's own /error page
        assertThat(browser.text(FRAMED_ERROR)).doesNotContain("Whitelabel").doesNotContain("“/error”").contains("That address is not valid");
        browser.screenshot("error-outside-router");
    }

    /** A lecture without a title, or with a slides link that is no web address: the field says so, no pop-up over it. */
    @Test
    void aLecturesProblemsShowOnTheirFields() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        browser.signIn("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/schedule");
        browser.click(By.id("add-lecture"));
        browser.waitFor(By.id("lecture-title"));

        // the suggested day is the course's next lecture weekday (Tuesday or Thursday), never a weekend
        String suggested = (String) browser.script("return document.getElementById('lecture-date').value;");
        assertThat(LocalDate.parse(suggested).getDayOfWeek()).isIn(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);

        browser.click(By.id("save-lecture"));
        browser.waitFor(By.cssSelector("#lecture-title[invalid]"));
        assertThat(browser.text(By.id("lecture-title"))).contains("A lecture needs a title.");
        assertThat(browser.all(By.tagName("vaadin-notification-card"))).isEmpty();
        browser.screenshot("lecture-title-invalid");

        browser.type("lecture-title", "Extra: questions and answers");
        browser.type("lecture-slides", "ftp://example.org/slides.pdf");
        browser.click(By.id("save-lecture"));
        browser.waitFor(By.cssSelector("#lecture-slides[invalid]"));
        assertThat(browser.text(By.id("lecture-slides"))).contains("http(s) address");
        assertThat(browser.all(By.cssSelector("#lecture-title[invalid]"))).isEmpty();
        assertThat(browser.all(By.tagName("vaadin-notification-card"))).isEmpty();
    }

    /** A deadline in another year says which year; every page writes dates one way. */
    @Test
    void aDeadlineInAnotherYearShowsItsYear() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        instructor.postJson("/api/v1/courses/" + courseId + "/assignments", """
                {"shortName": "FAR", "title": "Far-off capstone", "releaseAt": "2024-01-01T00:00:00Z",
                 "dueAt": "2099-01-19T07:59:00Z", "points": 10, "category": "Assignments"}""");
        browser.signIn("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/assignments");
        browser.waitForText(By.tagName("vaadin-grid"), "Far-off capstone");
        // 07:59 UTC on Jan 19 is 23:59 on Jan 18 in Seattle, the course's zone
        browser.waitForText(By.tagName("vaadin-grid"), "Sun Jan 18 2099, 23:59");
        browser.open("/courses/" + courseId + "/schedule");
        browser.waitForText(By.tagName("body"), "Due Sun Jan 18 2099, 23:59");
        browser.screenshot("dates-with-year");
    }
}
