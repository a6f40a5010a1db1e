package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;

/** The team formation the project tests start from, done in the browser as students would: kept once. */
final class TeamFormationSteps {

    private TeamFormationSteps() {
    }

    /**
     * student1 (Ada) starts the team and invites student2 (Alan) by name and student3 (Grace) by e-mail; Alan declines,
     * Grace accepts. Ends signed out, Alan without a team.
     */
    static void adaInvitesAlanAndGraceAlanDeclinesGraceAccepts(Browser browser, String courseId, String teamName) {
        String pw = LecternServer.DEMO_PASSWORD;
        browser.signIn("student1@demo.lectern", pw);
        browser.open("/courses/" + courseId + "/teams");
        browser.type("start-team-name", teamName);
        browser.click(By.id("start-team"));
        browser.waitForText(By.id("my-team-name"), teamName);
        browser.type("invite-who", "Alan Turing");
        browser.click(By.id("invite"));
        browser.waitForText(By.id("my-team"), "Invited: Alan Turing");
        browser.type("invite-who", "student3@demo.lectern");
        browser.click(By.id("invite"));
        browser.waitForText(By.id("my-team"), "Invited: Grace Hopper");
        browser.signOut();

        browser.signIn("student2@demo.lectern", pw);
        browser.open("/courses/" + courseId + "/teams");
        browser.waitForText(By.id("invitations"), "invites you to " + teamName);
        browser.click(By.cssSelector("#invitations .decline-invitation"));
        browser.waitForText(By.id("my-team"), "You are not in a team yet.");
        browser.signOut();
        browser.signIn("student3@demo.lectern", pw);
        browser.open("/courses/" + courseId + "/teams");
        browser.click(By.cssSelector("#invitations .accept-invitation"));
        browser.waitForText(By.id("my-team-members"), "Grace Hopper");
        assertThat(browser.text(By.id("my-team-members"))).contains("Ada Lovelace");
        browser.signOut();
    }
}
