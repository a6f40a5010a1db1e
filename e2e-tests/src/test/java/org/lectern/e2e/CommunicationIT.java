package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Course communication in real browsers: a private question with code answered and resolved, the office-hours queue on
 * a phone with the TA's desk beside it, and an anonymous survey whose plot staff then see. Both sides update by push.
 */
class CommunicationIT extends BrowserTest {

    static final String CODE = """
            My softmax returns nan:
            ```python
            def softmax(x):
                return np.exp(x) / np.exp(x).sum()
            ```""";

    String courseId() throws Exception {
        return Api.courseId(new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD).get("/api/v1/courses"), "CSE 493G1");
    }

    @Test
    void aPrivateQuestionWithCodeIsAnsweredAndResolved() throws Exception {
        String courseId = courseId();
        browser.signIn("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/qa");
        browser.type("qa-title", "NaN from my softmax");
        browser.setTextArea("qa-body", CODE);
        browser.click(By.id("qa-private"));
        browser.click(By.id("qa-ask"));
        browser.waitForText(By.id("qa-post-title"), "NaN from my softmax");
        browser.waitForText(By.id("qa-post-body"), "np.exp(x).sum()");
        // The code stays a code block, coloured by the highlighter the app serves itself.
        browser.waitFor(By.cssSelector("#qa-post-body pre code.hljs span.hljs-keyword"));
        String threadUrl = browser.url().replaceFirst("^https?://[^/]+", "");

        try (Browser ta = new Browser()) {
            ta.signIn("ta@demo.lectern", LecternServer.DEMO_PASSWORD);
            ta.open(threadUrl);
            ta.waitForText(By.id("qa-post-body"), "np.exp(x).sum()");
            ta.setTextArea("qa-answer-text", "Subtract the maximum first: `np.exp(x - x.max())` cannot overflow.");
            ta.click(By.id("qa-answer-send"));
            // The student's page shows the answer without a reload.
            browser.waitForText(By.id("qa-thread"), "Subtract the maximum first");
            browser.click(By.id("qa-resolve"));
            browser.waitForText(By.id("qa-state"), "Resolved");
            ta.waitForText(By.id("qa-state"), "Resolved");

            // News on a followed post while the student is elsewhere: the Q&A tab counts it.
            browser.open("/courses/" + courseId + "/schedule");
            browser.waitFor(By.id("tab-qa"));
            ta.setTextArea("qa-answer-text", "Lecture 3's slides derive the same trick.");
            ta.click(By.id("qa-answer-send"));
            ta.waitForText(By.id("qa-thread"), "Lecture 3's slides");
            browser.open("/courses/" + courseId + "/schedule");
            browser.waitForText(By.id("tab-qa"), "Q&A (1)");
        }
        // A classmate never sees it.
        try (Browser alan = new Browser()) {
            alan.signIn("student2@demo.lectern", LecternServer.DEMO_PASSWORD);
            alan.open("/courses/" + courseId + "/qa");
            alan.waitFor(By.id("qa-list"));
            assertThat(alan.text(By.id("qa-list"))).doesNotContain("NaN from my softmax");
        }
    }

    @Test
    void aStudentQueuesOnAPhoneAndTheTaTakesThem() throws Exception {
        String courseId = courseId();
        browser.signIn("ta@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/office-hours");
        browser.type("oh-location", "CSE2 152");
        browser.click(By.id("oh-open"));
        browser.waitFor(By.id("oh-take-next"));

        try (Browser phone = Browser.phone()) {
            phone.signIn("student2@demo.lectern", LecternServer.DEMO_PASSWORD);
            phone.open("/courses/" + courseId + "/office-hours");
            phone.type("oh-topic", "A1: my SVM gradient check fails");
            phone.click(By.id("oh-private"));
            phone.click(By.id("oh-join"));
            phone.waitForText(By.id("oh-position"), "You are #1 in line");
            phone.screenshot("office-hours-phone-waiting");

            // The TA's page learns of the new student by push, and takes them.
            browser.waitForText(By.id("oh-waiting-count"), "1 waiting");
            browser.click(By.id("oh-take-next"));
            phone.waitForText(By.id("oh-your-turn"), "It's your turn");
            browser.click(By.cssSelector("[id^=oh-helped-]"));
            phone.waitForText(By.id("oh-done"), "You were helped");
            browser.click(By.id("oh-close"));
            assertThat(browser.confirmationText()).contains("nobody can join");
            browser.confirm();
        }
    }

    @Test
    void anAnonymousSurveyIsAnsweredAndItsPlotShows() throws Exception {
        String courseId = courseId();
        String surveys = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD).get("/api/v1/courses/" + courseId + "/surveys");
        String surveyId = Api.field(surveys, "id");
        browser.signIn("student3@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/surveys");
        for (int q = 0; q < 3; q++) {
            browser.click(By.cssSelector("#survey-" + surveyId + "-q" + q + " vaadin-radio-button"));
        }
        browser.type("survey-" + surveyId + "-q4", "UTC-8");
        browser.click(By.id("survey-submit-" + surveyId));
        browser.waitFor(By.id("survey-answered-" + surveyId));
        browser.signOut();

        browser.signIn("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/surveys");
        browser.waitFor(By.cssSelector("#survey-" + surveyId + "-plot-0 svg rect"));
        assertThat(browser.text(By.id("survey-responses-" + surveyId))).matches("\\d+ responses?");
        assertThat(browser.text(By.id("survey-" + surveyId))).contains("UTC-8").contains("Grace Hopper"); // who answered, not what
        browser.screenshot("survey-results");

        // Staff write the next survey on the page, one question per line.
        browser.click(By.cssSelector("#survey-new vaadin-details-summary"));
        browser.type("survey-new-short-name", "midq");
        browser.type("survey-new-title", "Mid-quarter check-in");
        browser.setTextArea("survey-new-questions", "scale*: How is the pace? | too slow | too fast\nlong: What should change?");
        browser.click(By.id("survey-create"));
        browser.waitForText(By.cssSelector(".survey-page"), "Mid-quarter check-in");
    }
}
