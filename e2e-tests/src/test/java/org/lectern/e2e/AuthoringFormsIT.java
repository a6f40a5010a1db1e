package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An instructor edits the grading policy and the late-day rules on the settings page, not only through the REST API. */
class AuthoringFormsIT extends BrowserTest {

    @Test
    void theGradingPolicyIsAFormWhoseFieldsSayWhatIsWrong() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        String policy = "/api/v1/courses/" + courseId + "/grading-policy";
        String original = instructor.get(policy);
        try {
            browser.resize(1400, 900);
            browser.signIn("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
            browser.open("/courses/" + courseId + "/settings");
            browser.waitFor(By.id("grading-policy-form"));
            // Section kinds read as words.
            assertThat(browser.text(By.id("section-kind"))).contains("Recitation").doesNotContain("RECITATION");
            assertThat(browser.waitFor(By.cssSelector("#category-name-0 input")).getDomProperty("value")).isEqualTo("Assignments");
            assertThat(browser.text(By.id("policy-categories"))).contains("A0", "Project final report").doesNotContain("project-final-report");

            // A wrong value is marked on its field, and nothing is saved.
            browser.type("policy-free-days", "-1");
            browser.click(By.id("save-grading-policy"));
            browser.waitFor(By.cssSelector("#policy-free-days[invalid]"));
            assertThat(instructor.get(policy)).isEqualTo(original);
            browser.screenshot("grading-policy-invalid-1400x900");

            browser.type("policy-free-days", "4");
            browser.type("policy-grace", "15");
            browser.click(By.id("save-grading-policy"));
            browser.waiting().until(d -> {
                try {
                    String now = instructor.get(policy);
                    return now.contains("\"freeDays\":4") && now.contains("\"graceMinutes\":15");
                } catch (Exception e) {
                    return false;
                }
            });
            browser.resize(390, 844);
            browser.open("/courses/" + courseId + "/settings");
            browser.waitFor(By.id("grading-policy-form"));
            browser.screenshot("grading-policy-390x844");
        } finally {
            instructor.putJson(policy, original); // other tests count on the demo's policy
        }
    }

    @Test
    void aQuizIsWrittenInAFormThatMarksWhatIsWrongOnItsField() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        browser.resize(1400, 900);
        browser.signIn("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/quizzes");
        browser.click(By.id("new-quiz-form"));
        browser.waitFor(By.id("quiz-form"));
        browser.type("quiz-short-name", "QF1");
        browser.type("quiz-title", "Written in the form");
        browser.type("quiz-category", ""); // practice: kept out of the gradebook
        browser.setTextArea("question-prompt-0", "Which loss suits $C$ classes?");
        browser.setTextArea("question-options-0", "Hinge\nSoftmax cross-entropy\nL2");
        browser.type("question-correct-0", "5");
        browser.click(By.id("quiz-form-save"));
        browser.waitFor(By.cssSelector("#question-correct-0[invalid]"));
        assertThat(instructor.get("/api/v1/courses/" + courseId + "/quizzes")).doesNotContain("QF1");
        browser.screenshot("quiz-form-invalid");

        browser.type("question-correct-0", "2");
        // Must-pass, no review, one order for everyone, and a computation with each student's own numbers.
        browser.type("quiz-must-pass", "60");
        browser.click(By.cssSelector("#quiz-review label"));
        browser.click(By.cssSelector("#quiz-shuffle label"));
        browser.click(By.id("quiz-add-question"));
        browser.click(By.id("question-kind-1"));
        // Each select keeps its items inside it: the first question's hidden copies must not be the ones found.
        browser.click(By.xpath("//*[@id='question-kind-1']//vaadin-select-item[contains(., \"each student's own numbers\")]"));
        browser.click(By.id("question-generator-1"));
        browser.click(By.xpath("//*[@id='question-generator-1']//vaadin-select-item[contains(., 'Convolution output size')]"));
        browser.script("document.getElementById('question-generator-1').scrollIntoView({block: 'center'});");
        browser.screenshot("quiz-form-options-1400x900");
        browser.click(By.id("quiz-form-save"));
        browser.waiting().until(d -> d.getCurrentUrl().matches(".*/quizzes/\\d+$"));
        String quizzes = instructor.get("/api/v1/courses/" + courseId + "/quizzes");
        assertThat(quizzes).contains("QF1", "Written in the form");
        String qf1 = EveryPageIT.object(quizzes, "\"shortName\":\"QF1\"");
        assertThat(qf1).contains("\"mustPassPercent\":60", "\"allowReview\":false", "\"shuffle\":false", "\"questionCount\":2");
    }

    @Test
    void letterCutOffsAreEditedOnThePolicyFormAndAWrongOrderIsMarkedOnThem() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        String policy = "/api/v1/courses/" + courseId + "/grading-policy";
        String original = instructor.get(policy);
        try {
            browser.resize(1400, 900);
            browser.signIn("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
            browser.open("/courses/" + courseId + "/settings");
            browser.waitFor(By.id("policy-letters"));
            assertThat(browser.waitFor(By.cssSelector("#policy-letters textarea")).getDomProperty("value")).startsWith("A 93\nA- 90");
            // Out of order: the scheme's rule refuses it, and says so on the letters, not in a pop-up.
            browser.setTextArea("policy-letters", "A 80\nB 90\nF 0");
            browser.click(By.id("save-grading-policy"));
            browser.waitFor(By.cssSelector("#policy-letters[invalid]"));
            assertThat(instructor.get(policy)).isEqualTo(original);
            browser.setTextArea("policy-letters", "A 90\nB 80\nC 70\nF 0");
            browser.click(By.id("save-grading-policy"));
            browser.waiting().until(d -> {
                try {
                    return instructor.get(policy).contains("{\"letter\":\"C\",\"min\":70}");
                } catch (Exception e) {
                    return false;
                }
            });
            browser.script("document.getElementById('policy-letters').scrollIntoView({block: 'center'});");
            browser.screenshot("grading-policy-letters-1400x900");
            browser.resize(390, 844);
            browser.open("/courses/" + courseId + "/settings");
            browser.waitFor(By.id("policy-letters"));
            browser.script("document.getElementById('policy-letters').scrollIntoView({block: 'center'});");
            browser.screenshot("grading-policy-letters-390x844");
        } finally {
            instructor.putJson(policy, original); // other tests count on the demo's policy
        }
    }
}
