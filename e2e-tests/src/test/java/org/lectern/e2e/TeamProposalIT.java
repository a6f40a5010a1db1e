package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lectern.testing.SamplePdfs;
import org.openqa.selenium.By;

/**
 * The project's team items in a real browser: three students form a team (one invitation declined, one accepted, the
 * instructor places the third), one of them hands in the proposal for the team after its deadline, and each member sees
 * the team's version with who made it and the late day it cost them. A course of its own, so the demo course's late
 * days stay untouched for the other browser tests.
 */
class TeamProposalIT extends BrowserTest {

    static final String PW = LecternServer.DEMO_PASSWORD;

    @Test
    void threeStudentsFormATeamHandInTheProposalAndEachSeesItAndTheLateDaySpent() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", PW);
        String course = instructor.postJson("/api/v1/courses", """
                {"code": "PROJ %s", "title": "Projects", "term": "Autumn 2026", "timeZone": "America/Los_Angeles"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8)));
        String courseId = Api.field(course, "id");
        for (String[] s : List.of(new String[] {"Ada Lovelace", "student1"}, new String[] {"Alan Turing", "student2"},
                new String[] {"Grace Hopper", "student3"})) {
            instructor.postJson("/api/v1/courses/" + courseId + "/members",
                    "{\"name\": \"" + s[0] + "\", \"email\": \"" + s[1] + "@demo.lectern\", \"role\": \"student\"}");
        }
        // Due an hour ago: one late day whatever the weekday (a weekend counts as one day).
        Instant due = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String proposal = instructor.postJson("/api/v1/courses/" + courseId + "/assignments", """
                {"shortName": "project-proposal", "title": "Project proposal", "releaseAt": "2024-01-01T00:00:00Z", "dueAt": "%s",
                 "points": 10, "team": true, "allowedExtensions": ".pdf,.ipynb", "category": "Project"}""".formatted(due));
        String page = "/courses/" + courseId + "/assignments/" + Api.field(proposal, "id");

        // Ada starts a team and invites Alan by name and Grace by e-mail; Alan declines, Grace accepts.
        TeamFormationSteps.adaInvitesAlanAndGraceAlanDeclinesGraceAccepts(browser, courseId, "Backprop Crew");

        // The instructor places Alan, who has no team.
        String teamId = teamId(instructor.get("/api/v1/courses/" + courseId + "/teams"), "Backprop Crew");
        browser.signIn("instructor@demo.lectern", PW);
        browser.open("/courses/" + courseId + "/teams");
        browser.waitForText(By.id("without-team"), "Alan Turing");
        browser.type("team-add-" + teamId, "student2@demo.lectern");
        browser.click(By.id("team-add-button-" + teamId));
        browser.waitForText(By.id("teams-panel"), "Backprop Crew (3/3)");
        browser.signOut();

        // Grace hands in the proposal for the team, after the deadline.
        browser.signIn("student3@demo.lectern", PW);
        browser.open(page);
        browser.waitForText(By.id("team-item-note"), "one submission for your whole team");
        Path pdf = Files.createTempDirectory("e2e-proposal").resolve("proposal.pdf");
        Files.write(pdf, SamplePdfs.answers(1));
        browser.upload("submission-upload", pdf);
        browser.waitForText(By.id("receipt"), "after the deadline");
        browser.signOut();

        // Staff see the team's version on every member's line.
        browser.signIn("instructor@demo.lectern", PW);
        browser.open(page);
        browser.waitForText(By.id("staff-submissions"), "Alan Turing");
        assertThat(browser.text(By.id("staff-submissions"))).contains("Ada Lovelace").contains("Grace Hopper")
                .doesNotContain("not submitted");
        browser.signOut();

        // Every member sees the team's version, who made it, and the late day it cost them.
        for (String student : List.of("student1", "student2", "student3")) {
            browser.signIn(student + "@demo.lectern", PW);
            browser.open(page);
            browser.waitForText(By.id("my-submissions"), "Grace Hopper");
            assertThat(browser.text(By.id("my-submissions"))).contains("v1").contains("proposal.pdf").contains("counts");
            browser.open("/courses/" + courseId + "/grades");
            browser.waitForText(By.id("late-days-left"), "Late days: 1 used, 4 left.");
            browser.waitForText(By.id("ledger"), "Project proposal");
            assertThat(browser.text(By.id("late-day-rules"))).contains("Each member spends their own late days on a team item");
            if (student.equals("student1")) {
                browser.screenshot("team-proposal-ledger");
            }
            browser.signOut();
        }
    }

    private static String teamId(String teams, String name) {
        Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"courseId\":\\d+,\"name\":\"" + Pattern.quote(name) + "\"").matcher(teams);
        if (!m.find()) {
            throw new IllegalStateException("No team " + name + " in " + teams);
        }
        return m.group(1);
    }
}
