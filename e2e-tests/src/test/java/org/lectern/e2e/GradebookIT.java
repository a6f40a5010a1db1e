package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import java.util.List;
import org.openqa.selenium.By;

/** A TA enters one quiz score in the staff table; the column's statistics and the student's page follow. */
class GradebookIT extends BrowserTest {

    @Test
    void aTaEntersAScoreInTheTableAndTheStudentSeesIt() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");

        browser.signIn("ta@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/grades");
        browser.waitFor(By.id("gradebook"));
        browser.type("gradebook-filter", "student3");
        By cell = By.cssSelector("vaadin-grid-cell-content .score-cell[data-item='quiz2']");
        // The filter must leave one visible row; the click waits for the grid to settle with that cell clickable.
        browser.clickGridCell(By.id("gradebook"), cell);

        browser.waitFor(By.id("score-dialog"));
        browser.type("score-value", "7.5");
        browser.click(By.id("score-save"));
        // Saved and redrawn with the filter kept: still the one row, now with the score.
        browser.waiting().until(d -> d.findElements(cell).stream()
                .map(e -> e.getDomProperty("textContent")).filter(t -> !t.isEmpty()).toList().equals(List.of("7.5")));
        browser.waitForText(By.id("gradebook"), "1 graded · mean 7.5 · median 7.5");
        browser.screenshot("ta-entered-quiz2");

        // The download links are there for staff; the grid's CSV is checked by the API tests.
        assertThat(browser.all(By.id("gradebook-csv"))).hasSize(1);
        assertThat(browser.all(By.id("gradebook-canvas"))).hasSize(1);

        browser.signOut();
        browser.signIn("student3@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/grades");
        browser.waitForText(By.id("my-grades"), "Quiz 2"); // the item's name, not the policy's key
        browser.waitForText(By.id("my-grades"), "7.5 / 10");
        assertThat(browser.all(By.id("gradebook"))).isEmpty();
    }

    @Test
    void gradesPagesNameItemsAsTheScheduleDoesAndAStudentsPageNeverContradictsItself() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        // Created after the course was set up: its placeholder's column carries its name from the schedule.
        instructor.postJson("/api/v1/courses/" + courseId + "/assignments", """
                {"shortName": "A4", "title": "Attention", "releaseAt": "2024-01-01T00:00:00Z",
                 "dueAt": "2099-01-01T00:00:00Z", "points": 100}""");

        browser.signIn("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/grades");
        browser.waitFor(By.id("gradebook"));
        String table = browser.text(By.id("gradebook"));
        assertThat(table).contains("A0", "Project final report").doesNotContain("project-final-report");
        assertThat(table).contains("A4").doesNotContain("a4");
        browser.waitForText(By.id("grade-rule"), "counts only items that have a score");
        browser.screenshot("gradebook-staff-names");
        browser.signOut();

        browser.signIn("student2@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/grades");
        browser.waitFor(By.id("my-grades"));
        String total = browser.text(By.id("my-total"));
        assertThat(total).doesNotContain("No released scores yet");
        assertThat(total).matches("Nothing graded yet.*|Grade so far: .*, from \\d+ graded items?\\.");
        // Participation is a running tally, said so; every item is listed by its name, none by its key.
        String mine = browser.text(By.id("my-grades"));
        assertThat(mine).contains("Participation").contains("in progress").contains("A4 · Attention").doesNotContain("project-final-report");
        browser.waitForText(By.id("grade-rule"), "counts only items that have a score");
        browser.screenshot("gradebook-student-consistent");
    }

    @Test
    void practiceAndItemsWithoutACategoryHaveTheirPlaceAndTheDemosPastDeadlineHasSpentLateDays() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        // Neither a category nor a placeholder in the policy: it still gets its column, under the schedule's name.
        instructor.postJson("/api/v1/courses/" + courseId + "/assignments", """
                {"shortName": "LAB9", "title": "Optional lab: attention maps", "releaseAt": "2024-01-01T00:00:00Z",
                 "dueAt": "2099-01-01T00:00:00Z", "points": 10}""");
        // A practice exercise (no category) that student3 has tried: it is on their grades page, said to count for nothing.
        Api student = new Api("student3@demo.lectern", LecternServer.DEMO_PASSWORD);
        String exercise = EveryPageIT.object(student.get("/api/v1/courses/" + courseId + "/exercises"), "\"shortName\":\"EX-weights\"");
        String exerciseId = Api.field(exercise, "id");
        String sheet = student.get("/api/v1/exercises/" + exerciseId);
        String wrong = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\",\"question\"").matcher(sheet).results()
                .map(m -> "\"" + m.group(1) + "\": \"-7\"").reduce((a, b) -> a + ", " + b).orElseThrow();
        student.postJson("/api/v1/exercises/" + exerciseId + "/attempts", "{" + wrong + "}");

        browser.signIn("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/grades");
        browser.waitFor(By.id("gradebook"));
        browser.waitFor(By.cssSelector("#gradebook [data-item='LAB9']"));
        assertThat(browser.text(By.cssSelector("#gradebook [data-item='LAB9']"))).contains("LAB9");
        browser.signOut();

        browser.signIn("student3@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/grades");
        browser.waitForText(By.id("my-grades"), "EX-weights");
        assertThat(browser.text(By.id("my-grades"))).contains("(not counted)").doesNotContain("EX-attention"); // untouched practice stays out
        browser.screenshot("grades-practice-not-counted");
        browser.signOut();

        // The demo's A0 is past its deadline: Ada handed it in two days late and her ledger shows the days spent.
        browser.signIn("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.waiting().until(d -> {
            browser.open("/courses/" + courseId + "/grades");
            browser.waitFor(By.id("ledger"));
            return browser.text(By.id("my-grades")).contains("100 / 100");
        });
        assertThat(browser.text(By.id("my-grades"))).contains("Assignment 0").contains("2 late");
        assertThat(browser.text(By.id("ledger"))).contains("A0");
        assertThat(browser.text(By.id("late-days-left"))).matches("Late days: [2-5] used, [0-3] left\\.");
        browser.screenshot("grades-demo-late-days");
    }
}
