package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Projects and papers in a real browser: three students form a team (one invitation declined, one accepted, the
 * instructor places the third), the team runs a notebook on the pool and sees its output, and the presenter view of
 * the team's paper counts the first role down.
 */
class ProjectsIT extends BrowserTest {

    static final String PW = LecternServer.DEMO_PASSWORD;
    static final String NOTEBOOK = """
            {"cells": [{"cell_type": "code", "source": "x = sum(range(10))\\nprint('sum', x)", "metadata": {}, "outputs": []}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""";

    @Test
    void threeStudentsFormATeamRunANotebookAndPresentAPaper() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", PW);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        freeTheDemoStudents(instructor, courseId);
        try {
            // Ada starts a team and invites Alan by name and Grace by e-mail.
            browser.signIn("student1@demo.lectern", PW);
            browser.open("/courses/" + courseId + "/teams");
            browser.type("start-team-name", "Gradient Descenders");
            browser.click(By.id("start-team"));
            browser.waitForText(By.id("my-team-name"), "Gradient Descenders");
            browser.type("invite-who", "Alan Turing");
            browser.click(By.id("invite"));
            browser.waitForText(By.id("my-team"), "Invited: Alan Turing");
            browser.type("invite-who", "student3@demo.lectern");
            browser.click(By.id("invite"));
            browser.waitForText(By.id("my-team"), "Invited: Grace Hopper");
            browser.signOut();

            // Alan declines; Grace accepts.
            browser.signIn("student2@demo.lectern", PW);
            browser.open("/courses/" + courseId + "/teams");
            browser.waitForText(By.id("invitations"), "invites you to Gradient Descenders");
            browser.click(By.cssSelector("#invitations .decline-invitation"));
            browser.waitForText(By.id("my-team"), "You are not in a team yet.");
            browser.signOut();
            browser.signIn("student3@demo.lectern", PW);
            browser.open("/courses/" + courseId + "/teams");
            browser.click(By.cssSelector("#invitations .accept-invitation"));
            browser.waitForText(By.id("my-team-members"), "Grace Hopper");
            assertThat(browser.text(By.id("my-team-members"))).contains("Ada Lovelace");
            browser.signOut();

            // The instructor sees Alan without a team and places him.
            String teamId = teamId(instructor.get("/api/v1/courses/" + courseId + "/teams"), "Gradient Descenders");
            browser.signIn("instructor@demo.lectern", PW);
            browser.open("/courses/" + courseId + "/teams");
            browser.waitForText(By.id("without-team"), "Alan Turing");
            browser.type("team-add-" + teamId, "student2@demo.lectern");
            browser.click(By.id("team-add-button-" + teamId));
            browser.waitForText(By.id("teams-panel"), "Gradient Descenders (3/3)");
            // Alan leaves the list of students without a team (other browser tests may add students of their own to
            // the demo course, so the list need not be empty).
            browser.waiting().until(d -> !d.findElement(By.id("team-overview")).getText().contains("Alan Turing"));
            screenshots("teams-staff", "/courses/" + courseId + "/teams", "instructor@demo.lectern");

            // The instructor gives the team a paper.
            String paper = instructor.postJson("/api/v1/courses/" + courseId + "/papers", """
                    {"shortName": "E2E-R1", "title": "Deep Residual Learning", "lectureAt": "2099-01-01T10:00:00Z"}""");
            String paperId = Api.field(paper, "id");
            instructor.putJson("/api/v1/papers/" + paperId + "/team", "{\"teamId\": " + teamId + "}");
            screenshots("papers-staff", "/courses/" + courseId + "/papers", "instructor@demo.lectern");
            browser.signOut();

            // Ada uploads a notebook to the workspace and runs it on the pool: the output arrives on the page.
            browser.signIn("student1@demo.lectern", PW);
            browser.open("/teams/" + teamId + "/workspace");
            Path nb = Files.createTempDirectory("e2e-nb").resolve("train.ipynb");
            Files.writeString(nb, NOTEBOOK);
            browser.upload("workspace-upload", nb);
            browser.waitForText(By.id("workspace-files"), "train.ipynb");
            browser.click(By.cssSelector("#workspace-files .workspace-file vaadin-button"));
            browser.click(By.id("run-notebook"));
            browser.waitForText(By.id("notebook-runs"), "finished", Duration.ofSeconds(180));
            browser.waitForText(By.id("notebook-runs"), "sum 45");
            screenshots("workspace", "/teams/" + teamId + "/workspace", "student1@demo.lectern");
            screenshots("teams-student", "/courses/" + courseId + "/teams", "student1@demo.lectern");
            screenshots("papers-student", "/courses/" + courseId + "/papers", "student1@demo.lectern");

            // The presenter view counts the first role down.
            browser.open("/papers/" + paperId + "/present");
            browser.click(By.id("presenter-start"));
            browser.waitForText(By.id("presenter-role"), "Overview");
            browser.waitForText(By.id("presenter-clock"), "13:5");
            screenshots("presenter", "/papers/" + paperId + "/present", "student1@demo.lectern");
        } finally {
            freeTheDemoStudents(instructor, courseId);
        }
    }

    /** Teams are per course and the demo course is shared by every browser test: its students leave whatever team they are in. */
    private static void freeTheDemoStudents(Api instructor, String courseId) throws Exception {
        String teams = instructor.get("/api/v1/courses/" + courseId + "/teams");
        Matcher team = Pattern.compile("\\{\"id\":(\\d+),\"courseId\":\\d+,\"name\":\"[^\"]*\",\"members\":\\[(.*?)\\]\\}").matcher(teams);
        while (team.find()) {
            Matcher member = Pattern.compile("\"accountId\":(\\d+)").matcher(team.group(2));
            while (member.find()) {
                instructor.delete("/api/v1/teams/" + team.group(1) + "/members/" + member.group(1));
            }
        }
    }

    private static String teamId(String teams, String name) {
        Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"courseId\":\\d+,\"name\":\"" + Pattern.quote(name) + "\"").matcher(teams);
        if (!m.find()) {
            throw new IllegalStateException("No team " + name + " in " + teams);
        }
        return m.group(1);
    }

    /** The page at the desktop and phone sizes the pages are checked at. */
    private static void screenshots(String name, String path, String email) throws Exception {
        for (int[] size : new int[][] {{1400, 900}, {390, 844}}) {
            try (Browser b = Browser.sized(size[0], size[1])) {
                b.signIn(email, PW);
                b.open(path);
                b.waitFor(By.tagName("h2"));
                b.screenshot(name + "-" + size[0] + "x" + size[1]);
            }
        }
    }
}
