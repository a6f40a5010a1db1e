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

    static final String LONG_NOTEBOOK = """
            {"cells": [{"cell_type": "code", "source": "import time\\nprint('epoch 1: loss 2.30', flush=True)\\ntime.sleep(600)",
              "metadata": {}, "outputs": []}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""";

    @Test
    void aTaScoresAPosterOnAPhoneAndTheScoreReachesTheStudentsGrades() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", PW);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        freeTheDemoStudents(instructor, courseId);
        try {
            // The poster item's rubric: one written question of 100 points, two items.
            String poster = Api.field(instructor.postJson("/api/v1/courses/" + courseId + "/assignments", """
                    {"shortName": "POSTER-E2E", "title": "Project poster", "releaseAt": "2024-01-01T00:00:00Z",
                     "dueAt": "2099-01-01T00:00:00Z", "points": 100}"""), "id");
            String question = Api.field(instructor.postJson("/api/v1/assignments/" + poster + "/written-questions",
                    "{\"title\": \"Poster\", \"points\": 100}"), "id");
            instructor.postJson("/api/v1/written-questions/" + question + "/rubric", "{\"points\": 60, \"text\": \"Clear question and results\"}");
            instructor.postJson("/api/v1/written-questions/" + question + "/rubric", "{\"points\": 40, \"text\": \"Answers questions well\"}");
            String teamId = Api.field(instructor.postJson("/api/v1/courses/" + courseId + "/teams",
                    "{\"name\": \"Poster People\", \"members\": [\"student1@demo.lectern\"]}"), "id");
            String session = Api.field(instructor.postJson("/api/v1/courses/" + courseId + "/poster-sessions", """
                    {"assignmentId": %s, "title": "Final posters", "itemKey": "project-poster", "startsAt": "2099-06-01T17:00:00Z",
                     "slotMinutes": 15}""".formatted(poster)), "id");
            instructor.postJson("/api/v1/poster-sessions/" + session + "/slots", "{\"teamId\": " + teamId + ", \"board\": \"B4\"}");

            // The TA, on a phone in front of the poster, ticks the first item and saves.
            try (Browser phone = Browser.sized(390, 844)) {
                phone.signIn("ta@demo.lectern", PW);
                phone.open("/poster-sessions/" + session);
                phone.waitForText(By.id("poster-slot-" + teamId), "Poster People");
                phone.waitForText(By.id("poster-slot-" + teamId), "Not scored yet");
                phone.click(By.id("poster-score-link-" + teamId));
                phone.waitForText(By.id("poster-sheet-title"), "Poster People");
                phone.waitForText(By.id("poster-total"), "Total 0 of 100");
                phone.click(By.xpath("//*[@id='poster-question-1']//vaadin-checkbox[contains(., 'Clear question')]"));
                phone.waitForText(By.id("poster-total"), "Total 60 of 100");
                phone.click(By.id("poster-save"));
                phone.waitForText(By.id("poster-total"), "Total 60 of 100");
                phone.waiting().until(d -> !d.findElement(By.id("poster-total")).getText().contains("not saved"));
                assertThat(phone.overflowsSideways()).isFalse();
                phone.screenshot("poster-score-390x844");
                phone.open("/poster-sessions/" + session);
                phone.waitForText(By.id("poster-slot-" + teamId), "Score 60 · 1 scorer");
                assertThat(phone.overflowsSideways()).isFalse();
                phone.screenshot("poster-session-390x844");
            }
            screenshots("poster-session", "/poster-sessions/" + session, "ta@demo.lectern");
            screenshots("poster-sheet", "/poster-sessions/" + session + "/teams/" + teamId, "ta@demo.lectern");

            // The score is in the gradebook under the poster item for the team's member.
            String book = new Api("student1@demo.lectern", PW).get("/api/v1/courses/" + courseId + "/gradebook");
            assertThat(book).containsPattern("\"project-poster\":\\{\"score\":60(\\.0+)?,");
        } finally {
            freeTheDemoStudents(instructor, courseId);
        }
    }

    @Test
    void threeStudentsFormATeamRunANotebookAndPresentAPaper() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", PW);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        freeTheDemoStudents(instructor, courseId);
        try {
            // Ada starts a team and invites Alan by name and Grace by e-mail; Alan declines, Grace accepts.
            TeamFormationSteps.adaInvitesAlanAndGraceAlanDeclinesGraceAccepts(browser, courseId, "Gradient Descenders");

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

            // A long notebook: its first line shows while the cell still runs, and Ada cancels the run.
            Path slow = nb.resolveSibling("long.ipynb");
            Files.writeString(slow, LONG_NOTEBOOK);
            browser.upload("workspace-upload", slow);
            browser.waitForText(By.id("workspace-files"), "long.ipynb");
            browser.click(By.xpath("//div[contains(@class,'workspace-file')][starts-with(normalize-space(.),'long.ipynb')]//vaadin-button"));
            browser.waitForText(By.id("workspace-file-view"), "long.ipynb");
            browser.click(By.id("run-notebook"));
            browser.waitForText(By.cssSelector(".notebook-run-cell-running"), "epoch 1: loss 2.30", Duration.ofSeconds(180));
            browser.click(By.cssSelector("vaadin-button[id^='cancel-run-']"));
            browser.waitForText(By.id("notebook-runs"), "cancelled", Duration.ofSeconds(60));
            browser.waitForText(By.id("notebook-runs"), "Cancelled by Ada Lovelace after 0 of 1 cells");
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
