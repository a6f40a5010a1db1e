package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Finding one's way: pages a lecture links to keep the course around them and lead back; the drawer shows where one
 * is; every schedule chip is a link to its item; a TA gets the staff page of an assignment, with every student on it.
 */
class NavigationIT extends BrowserTest {

    @Test
    void exerciseAndLiveModelPagesKeepTheCourseAndLeadBackToTheLecture() throws Exception {
        Api student = new Api("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(student.get("/api/v1/courses"), "CSE 493G1");
        browser.resize(1400, 900);
        browser.signIn("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/schedule");
        browser.waitFor(By.id("course-title"));
        // The drawer marks the course one is in, and names it in full on hover.
        browser.waitFor(By.cssSelector("vaadin-side-nav-item.course-nav-item[current]"));
        assertThat(browser.waitFor(By.cssSelector("vaadin-side-nav-item.course-nav-item")).getAttribute("title")).contains("CSE 493G1 · ");
        assertThat((Boolean) browser.script("""
                const label = document.querySelector('vaadin-side-nav-item.course-nav-item .course-nav-label');
                const item = label.closest('vaadin-side-nav-item').getBoundingClientRect();
                return label.getBoundingClientRect().right <= item.right + 1 && label.scrollWidth <= label.clientWidth + 1;""")).isTrue();
        // Chips on lecture cards are links, every one.
        assertThat(browser.all(By.cssSelector("[id^='lecture-'] a.lectern-chip"))).isNotEmpty();
        assertThat(browser.all(By.cssSelector("[id^='lecture-'] span.lectern-chip"))).isEmpty();

        browser.click(By.partialLinkText("EX-outsize"));
        browser.waitForText(By.id("exercise-title"), "EX-outsize");
        browser.waitFor(By.id("course-title"));
        browser.waitFor(By.id("tab-assignments"));
        assertThat(browser.text(By.id("back-to-lecture"))).startsWith("Back to lecture ");
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("exercise-in-course-1400x900");
        browser.click(By.id("back-to-lecture"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/schedule"));

        browser.click(By.partialLinkText("LIVE-digits"));
        browser.waitFor(By.id("live-title"));
        browser.waitFor(By.id("course-title"));
        assertThat(browser.text(By.id("back-to-lecture"))).startsWith("Back to lecture ");

        browser.resize(390, 844);
        browser.open("/courses/" + courseId + "/schedule");
        browser.click(By.partialLinkText("EX-outsize"));
        browser.waitFor(By.id("back-to-lecture"));
        browser.screenshot("exercise-in-course-390x844");
    }

    @Test
    void anAnnouncedAssignmentsChipLeadsToItsPlaceOnTheAssignmentsTab() throws Exception {
        Api student = new Api("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(student.get("/api/v1/courses"), "CSE 493G1");
        browser.signIn("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/schedule");
        // A1 has no assignment page yet (the demo announces it on the schedule only).
        browser.click(By.partialLinkText("A1 Assignment 1"));
        browser.waiting().until(d -> d.getCurrentUrl().contains("/assignments"));
        browser.waitForText(By.id("announced-items"), "A1 Assignment 1");
        browser.screenshot("assignments-announced");
    }

    @Test
    void aTaSeesTheStaffPageWithEveryStudentNotTheirOwnSubmission() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        String created = instructor.postJson("/api/v1/courses/" + courseId + "/assignments", """
                {"shortName": "NAV1", "title": "Who has submitted", "releaseAt": "2024-01-01T00:00:00Z",
                 "dueAt": "2099-01-01T00:00:00Z", "points": 10}""");
        String assignmentId = Api.field(created, "id");
        new Api("ta@demo.lectern", LecternServer.DEMO_PASSWORD).multipart("POST", "/api/v1/assignments/" + assignmentId + "/submissions",
                Map.of("answer.py", "x = 1\n".getBytes()), Map.of("student", "student1@demo.lectern", "reason", "e-mailed in"));

        browser.resize(1400, 900);
        browser.signIn("ta@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/assignments/" + assignmentId);
        browser.waitFor(By.id("staff-submissions"));
        assertThat(browser.all(By.id("submission-upload"))).isEmpty();
        assertThat(browser.text(By.tagName("body"))).doesNotContain("Your submission");
        browser.waitForText(By.id("submissions-count"), "1 of 3 students submitted · 2 students not yet");
        browser.waitForText(By.id("staff-submissions"), "not submitted");
        browser.waitForText(By.id("staff-submissions"), "student2@demo.lectern");
        browser.screenshot("assignment-staff-1400x900");
        browser.resize(390, 844);
        browser.screenshot("assignment-staff-390x844");
    }
}
