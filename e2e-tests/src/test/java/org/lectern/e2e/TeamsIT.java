package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An instructor makes a project team on the roster page; a student already in a team cannot join a second. */
class TeamsIT extends BrowserTest {

    @Test
    void anInstructorMakesATeamOnTheRosterPage() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        browser.signIn("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/roster");
        browser.type("team-name", "Rocket");
        browser.type("team-emails", "student1@demo.lectern, student3@demo.lectern");
        browser.click(By.id("team-create"));
        browser.waitForText(By.id("teams-panel"), "Rocket (2/3)");
        assertThat(browser.text(By.id("teams-panel"))).contains("student1@demo.lectern").contains("student3@demo.lectern");

        // student1 is taken: a second team with them is refused whole, and says why.
        browser.type("team-name", "Jet");
        browser.type("team-emails", "student1@demo.lectern");
        browser.click(By.id("team-create"));
        browser.waitForText(By.tagName("vaadin-notification-card"), "is already in team Rocket");
        assertThat(browser.text(By.id("teams-panel"))).doesNotContain("Jet");
        assertThat(instructor.get("/api/v1/courses/" + courseId + "/teams")).contains("Rocket").doesNotContain("Jet");
    }
}
