package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The foundation's browser flow: an instructor creates a course, imports a roster with a bad row
 * (sees the error, fixes it, saves), adds a lecture; a student signs in and sees it, and cannot
 * open the roster page.
 */
class CourseSetupIT extends BrowserTest {


    @Test
    void instructorBuildsACourseAndAStudentSeesIt() throws Exception {
        // The instructor creates a course.
        browser.signIn("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.click(By.id("new-course"));
        browser.type("course-code", "E2E 101");
        browser.type("course-name", "Browsers and Backprop");
        browser.type("course-term", "Spring 2027");
        browser.click(By.id("create-course"));
        browser.waitForText(By.id("course-title"), "E2E 101 · Browsers and Backprop");
        String courseUrl = browser.url();
        long courseId = Long.parseLong(courseUrl.replaceAll(".*/courses/(\\d+).*", "$1"));

        // A roster with a malformed e-mail is refused with the row named; nothing can be saved yet.
        browser.click(By.id("tab-roster"));
        String bad = "name,email,role,section\n"
                + "Ada Lovelace,student1@demo.lectern,student,AA\n"
                + "Bob Broken,bob@,student,AA\n"
                + "Nina New,nina@e2e.lectern,TA,\n";
        Path file = Files.createTempFile("roster-", ".csv");
        Files.writeString(file, bad);
        browser.upload("roster-upload", file);
        browser.waitForText(By.cssSelector("#roster-csv textarea"), "Bob Broken,bob@,student,AA");
        browser.click(By.id("preview-roster"));
        browser.waitForText(By.id("roster-errors"), "Row 3: 'bob@' is not a valid e-mail address.");
        assertThat(browser.text(By.id("roster-summary"))).contains("Nothing has been saved");
        assertThat(browser.enabled(By.id("save-roster"))).isFalse();
        browser.screenshot("roster-preview-with-error");

        // Fixed, previewed again, saved.
        browser.setTextArea("roster-csv", bad.replace("bob@,", "bob@e2e.lectern,"));
        browser.click(By.id("preview-roster"));
        browser.waitForText(By.id("roster-summary"), "Ready to save: 2 new accounts, 1 added");
        browser.waiting().until(d -> browser.enabled(By.id("save-roster")));
        browser.click(By.id("save-roster"));
        browser.waitForText(By.id("roster-counts"), "1 instructor · 1 TA · 2 students");
        assertThat(browser.all(By.xpath("//vaadin-grid[@id='roster-grid']/vaadin-grid-cell-content[normalize-space()='bob@e2e.lectern']")))
                .hasSize(1);

        // A lecture.
        browser.click(By.id("tab-schedule"));
        browser.click(By.id("add-lecture"));
        browser.type("lecture-title", "Backpropagation by hand");
        browser.type("lecture-topics", "Chain rule on a small graph");
        browser.click(By.id("save-lecture"));
        browser.waitForText(By.id("lecture-1"), "Backpropagation by hand");
        browser.signOut();

        // The student sees the course and the lecture.
        browser.signIn("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.waitFor(By.xpath("//vaadin-grid[@id='my-courses']/vaadin-grid-cell-content[normalize-space()='E2E 101']"));
        browser.open("/courses/" + courseId);
        browser.waitForText(By.id("lecture-1"), "Backpropagation by hand");
        assertThat(browser.all(By.id("tab-roster"))).isEmpty();

        // ...and cannot open the roster page.
        browser.open("/courses/" + courseId + "/roster");
        browser.waitFor(By.id("access-denied"));
        assertThat(browser.all(By.id("roster-grid"))).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedAndTheDemoScheduleIsThere() {
        browser.open("/login");
        browser.waitFor(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys("student2@demo.lectern");
        browser.waitFor(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("wrong-password\n");
        browser.waiting().until(ExpectedConditions.urlContains("error"));
        browser.waitFor(By.cssSelector("vaadin-login-form[error]"));

        browser.signIn("student2@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.waitFor(By.xpath("//vaadin-grid[@id='my-courses']/vaadin-grid-cell-content[normalize-space()='CSE 493G1']")).click();
        browser.waitForText(By.id("lecture-1"), "Introduction");
        browser.waitForText(By.id("lecture-6"), "Convolutional neural networks");
        assertThat(browser.text(By.id("sections"))).contains("AA").contains("JHN 174");
    }
}
