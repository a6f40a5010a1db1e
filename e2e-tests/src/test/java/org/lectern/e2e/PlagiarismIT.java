package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Plagiarism checks in the browser: two demo students hand in near-copies (renamed variables, reordered functions);
 * the TA runs the check, watches it finish, opens the top pair side by side with its fragments highlighted and
 * confirms the case; the instructor sees it and decides a zero.
 */
class PlagiarismIT extends BrowserTest {

    /** The engine's fixtures (grading's test resources, copied in by the pom): "alice.py" is students/alice/two_layer_net.py. */
    static byte[] fixture(String name) throws Exception {
        String path = "/plagiarism/students/" + name.replaceFirst("\\.py$", "") + "/two_layer_net.py";
        try (InputStream in = PlagiarismIT.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aTaOpensTheTopPairAndConfirmsACaseTheInstructorDecides() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        String created = instructor.postJson("/api/v1/courses/" + courseId + "/assignments", """
                {"shortName": "PLAG", "title": "Two-layer net", "releaseAt": "2024-01-01T00:00:00Z",
                 "dueAt": "2099-01-01T00:00:00Z", "points": 10, "category": "Assignments"}""");
        String assignmentId = Api.field(created, "id");
        Api ta = new Api("ta@demo.lectern", LecternServer.DEMO_PASSWORD);
        ta.multipart("POST", "/api/v1/assignments/" + assignmentId + "/submissions", Map.of("two_layer_net.py", fixture("alice.py")),
                Map.of("student", "student1@demo.lectern", "reason", "e-mailed in"));
        ta.multipart("POST", "/api/v1/assignments/" + assignmentId + "/submissions", Map.of("two_layer_net.py", fixture("dana.py")),
                Map.of("student", "student2@demo.lectern", "reason", "e-mailed in"));
        String page = "/courses/" + courseId + "/assignments/" + assignmentId;

        // The TA finds the check from the assignment, runs it and watches it finish.
        browser.signIn("ta@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open(page);
        browser.click(By.id("plagiarism-link"));
        browser.waitForText(By.id("plagiarism-state"), "No check has run yet");
        browser.click(By.id("plagiarism-run"));
        // The bar is there while the job runs; a fast check may already be done and redrawn, so only its presence is required.
        browser.waiting().until(d -> !d.findElements(By.id("plagiarism-progress")).isEmpty());
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#plagiarism-state[data-state='done']")).isEmpty());
        browser.waitForText(By.id("plagiarism-state"), "1 pairs compared, 1 flagged");
        // No starter files were uploaded: the page says above everything that the pairs are no evidence.
        browser.waitForText(By.id("plagiarism-base-code-warning"), "No starter code was given as base code");
        browser.waitFor(By.id("plagiarism-report"));
        browser.screenshot("plagiarism-check-done");

        // JPlag's own report viewer, served by Lectern, opens this check's report at its overview of the comparisons.
        browser.click(By.id("plagiarism-viewer"));
        browser.waiting().until(d -> d.getCurrentUrl().endsWith("/jplag-viewer/overview"));
        browser.waitForText(By.tagName("body"), "Distribution of Comparisons");
        browser.waitForText(By.tagName("body"), "Shown/Total Comparisons");
        browser.screenshot("plagiarism-jplag-viewer");
        assertThat(status("/jplag-viewer/reports/" + assignmentId + ".zip")).isEqualTo(200);
        // The viewer probes for a report beside itself and would open that one instead of ours: nothing answers there.
        assertThat(status("/jplag-viewer/results.zip")).isEqualTo(404);
        assertThat(status("/jplag-viewer/files/overview.json")).isEqualTo(404);
        browser.open(page + "/plagiarism");

        // The top pair side by side: the same fragments highlighted on both sides.
        browser.click(By.id("pair-open-1"));
        browser.waitFor(By.cssSelector("#pair-first .plagiarism-fragment"));
        browser.waitFor(By.cssSelector("#pair-second .plagiarism-fragment"));
        assertThat(browser.all(By.cssSelector("#pair-first .plagiarism-fragment[data-fragment='0']"))).isNotEmpty();
        assertThat(browser.all(By.cssSelector("#pair-second .plagiarism-fragment[data-fragment='0']"))).isNotEmpty();
        browser.waitForText(By.id("pair-numbers"), "flagged");
        browser.waitForText(By.id("plagiarism-base-code-warning"), "re-run before deciding any case");
        browser.setTextArea("case-notes", "Same code with renamed variables and reordered functions.");
        browser.click(By.id("case-confirm"));
        browser.waitFor(By.cssSelector("#case-status[data-status='confirmed']"));
        browser.waitForText(By.id("case-awaiting"), "awaiting the instructor");
        assertThat(browser.all(By.id("decision-save"))).isEmpty();
        browser.screenshot("plagiarism-pair-confirmed");
        browser.signOut();

        // The instructor sees the case and decides it.
        browser.signIn("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open(page + "/plagiarism");
        browser.waitFor(By.xpath("//vaadin-grid[@id='plagiarism-cases']/vaadin-grid-cell-content[normalize-space()='awaiting the instructor']"));
        browser.click(By.id("pair-open-1"));
        browser.waitForText(By.id("case-status"), "renamed variables");
        browser.type("decision-text", "Zero on PLAG for both.");
        browser.type("decision-score", "0");
        browser.click(By.id("decision-save"));
        browser.waitForText(By.id("case-decision"), "Zero on PLAG for both. (score 0 in the gradebook)");
        browser.signOut();

        // Students never see any of it.
        browser.signIn("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open(page);
        browser.waitFor(By.id("assignment-title-heading"));
        assertThat(browser.all(By.id("plagiarism-link"))).isEmpty();
        browser.open(page + "/plagiarism");
        browser.waitFor(By.id("access-denied"));
        assertThat(browser.all(By.id("plagiarism-pairs"))).isEmpty();
        // Nor the report through JPlag's viewer, though the viewer's own files are there for anyone signed in.
        assertThat(status("/jplag-viewer/reports/" + assignmentId + ".zip")).isEqualTo(403);
        assertThat(status("/jplag-viewer/open/" + assignmentId)).isEqualTo(403);
        assertThat(status("/jplag-viewer/")).isEqualTo(200);
    }

    /** The status of a GET from the page, with the browser's session (as the viewer's own fetch of the report). */
    private int status(String path) {
        return ((Number) browser.script("const x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send(); return x.status;",
                path)).intValue();
    }

    private static String checkedAssignment(Api instructor, String courseId, String shortName, byte[] first, byte[] second) throws Exception {
        String created = instructor.postJson("/api/v1/courses/" + courseId + "/assignments", """
                {"shortName": "%s", "title": "Two-layer net", "releaseAt": "2024-01-01T00:00:00Z",
                 "dueAt": "2099-01-01T00:00:00Z", "points": 10, "category": "Assignments"}""".formatted(shortName));
        String assignmentId = Api.field(created, "id");
        Api ta = new Api("ta@demo.lectern", LecternServer.DEMO_PASSWORD);
        ta.multipart("POST", "/api/v1/assignments/" + assignmentId + "/submissions", Map.of("two_layer_net.py", first),
                Map.of("student", "student1@demo.lectern", "reason", "e-mailed in"));
        ta.multipart("POST", "/api/v1/assignments/" + assignmentId + "/submissions", Map.of("two_layer_net.py", second),
                Map.of("student", "student2@demo.lectern", "reason", "e-mailed in"));
        return assignmentId;
    }

    @Test
    void thePairIsTwoReadableListingsAndEachMatchScrollsBothSidesToIt() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        String assignmentId = checkedAssignment(instructor, courseId, "PLAGV", fixture("alice.py"), fixture("dana.py"));
        browser.resize(1400, 900);
        browser.signIn("ta@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/assignments/" + assignmentId + "/plagiarism");
        browser.click(By.id("plagiarism-run"));
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#plagiarism-state[data-state='done']")).isEmpty());
        browser.click(By.id("pair-open-1"));
        browser.waitFor(By.cssSelector("#pair-first .plagiarism-fragment"));

        // Each side is a listing, a line per row with its number, one below the other: not one line thousands of pixels wide.
        Number rows = (Number) browser.script("""
                const lines = [...document.querySelectorAll('#pair-first [data-line]')];
                return new Set(lines.map(l => Math.round(l.getBoundingClientRect().top))).size;""");
        assertThat(rows.intValue()).isGreaterThan(20);
        assertThat(browser.text(By.cssSelector("#pair-first [data-line='3']"))).startsWith("3");
        assertThat(browser.overflowsSideways()).isFalse();
        // Both sides side by side at desktop size.
        assertThat((Boolean) browser.script("""
                const a = document.getElementById('pair-first').getBoundingClientRect();
                const b = document.getElementById('pair-second').getBoundingClientRect();
                return Math.abs(a.top - b.top) < 2 && b.left >= a.right - 1;""")).isTrue();
        browser.screenshot("plagiarism-pair-1400x900");

        // The last match in the list: both listings scroll so that its first line is in view.
        int last = browser.all(By.cssSelector(".pair-match")).size() - 1;
        assertThat(last).isGreaterThanOrEqualTo(0);
        browser.click(By.id("pair-match-" + last));
        browser.waiting().until(d -> (Boolean) browser.script("""
                return ['pair-first-code', 'pair-second-code'].every(id => {
                  const box = document.getElementById(id);
                  const line = box.querySelector('[data-fragment-start="' + arguments[0] + '"]');
                  if (!line) { return false; }
                  const b = box.getBoundingClientRect(), l = line.getBoundingClientRect();
                  return l.top >= b.top && l.bottom <= b.bottom;
                });""", last));

        // On a phone the two files are stacked, still without sideways scrolling.
        browser.resize(390, 844);
        browser.waiting().until(d -> (Boolean) browser.script("""
                const a = document.getElementById('pair-first').getBoundingClientRect();
                const b = document.getElementById('pair-second').getBoundingClientRect();
                return b.top >= a.bottom - 1;"""));
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("plagiarism-pair-390x844");
    }

    @Test
    void filesTooShortToCompareAreListedWithTheReason() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        String assignmentId = checkedAssignment(instructor, courseId, "PLAGS", "x = 1\n".getBytes(), "y = 2\n".getBytes());
        browser.signIn("ta@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/assignments/" + assignmentId + "/plagiarism");
        browser.click(By.id("plagiarism-run"));
        browser.waiting().until(d -> !d.findElements(By.cssSelector("#plagiarism-state[data-state='done']")).isEmpty());
        browser.waitForText(By.id("plagiarism-outcome"), "the problems below say why");
        browser.waitForText(By.id("plagiarism-problems"), "too little code to compare");
        browser.screenshot("plagiarism-too-short");
    }
}
