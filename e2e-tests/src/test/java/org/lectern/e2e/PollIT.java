package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An instructor runs a Think/Group poll from a lecture; two students vote on phones; the projector follows by push. */
class PollIT extends BrowserTest {

    @Test
    void aTwoPhasePollWithTwoPhonesAndTheProjector() throws Exception {
        browser.signIn("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        browser.open("/courses/" + courseId + "/schedule");
        browser.click(By.id("new-poll-1"));
        browser.type("poll-new-question", "A 3x3 kernel on a 5x5 image with 1x1 zero padding and stride 2: what size is the output?");
        browser.type("poll-new-options", "2x2\n3x3\n5x5");
        browser.type("poll-new-correct", "2");
        browser.click(By.id("poll-create"));
        browser.waitFor(By.id("join-code"));
        String code = browser.text(By.id("join-code")).strip();
        assertThat(code).matches("[A-Z2-9]{6}");
        // the projector gives the whole address, and a QR code of the poll's own page
        browser.waitForText(By.id("join-address"), "Join at " + LecternServer.baseUrl() + "/poll");
        assertThat(browser.all(By.cssSelector("#join-qr svg path"))).hasSize(1);
        browser.click(By.id("start-think"));
        browser.waitForText(By.id("poll-phase"), "Think");

        try (Browser ada = Browser.phone(); Browser alan = Browser.phone()) {
            ada.signIn("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
            // on a phone, Sign out is whole inside the window, and the sidebar leads to the join page
            assertThat((Boolean) ada.script("const r = document.getElementById('sign-out').getBoundingClientRect();"
                    + " return r.width > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth;")).isTrue();
            assertThat(ada.all(By.id("nav-join-poll"))).hasSize(1);
            ada.open("/poll");
            ada.type("poll-code", code.toLowerCase());
            ada.click(By.id("poll-join"));
            ada.waitForText(By.id("poll-question"), "what size is the output?");
            alan.signIn("student2@demo.lectern", LecternServer.DEMO_PASSWORD);
            alan.open("/poll/" + code);

            ada.click(By.id("option-1"));
            ada.waitForText(By.id("my-vote"), "Your vote is in: 3x3");
            alan.click(By.id("option-0"));
            alan.waitForText(By.id("my-vote"), "Your vote is in: 2x2");
            assertThat(ada.all(By.id("round1-chart"))).isEmpty(); // students see no bars before the reveal

            // The projector redraws by push: no reload between the votes and these bars.
            browser.waitForText(By.id("round1-chart"), "2 votes");
            browser.waitForText(By.id("round1-chart-count-0"), "1");
            browser.waitForText(By.id("round1-chart-count-1"), "1");
            browser.screenshot("poll-projector-think");

            browser.click(By.id("start-group"));
            // The phones learn of the new round by push too, and vote again.
            ada.waitForText(By.id("poll-phase"), "Group");
            ada.click(By.id("option-1"));
            alan.waitForText(By.id("poll-phase"), "Group");
            alan.click(By.id("option-1"));
            alan.waitForText(By.id("my-vote"), "Your vote is in: 3x3");
            browser.waitForText(By.id("round2-chart"), "2 votes");
            browser.waitForText(By.id("round2-chart-count-1"), "2");
            assertThat(browser.text(By.id("round1-chart"))).contains("2 votes"); // both rounds side by side

            browser.click(By.id("reveal"));
            ada.waitForText(By.id("poll-answer"), "Answer: 3x3");
            ada.waitForText(By.id("poll-verdict"), "Your answer, 3x3, was right.");
            alan.waitForText(By.id("poll-verdict"), "Your answer, 3x3, was right.");
            ada.waitForText(By.id("round2-chart"), "2 votes");
            ada.screenshot("poll-phone-revealed");
            browser.waitForText(By.id("poll-answer"), "Answer: 3x3");
        }
    }
}
