package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A student opens a lecture's exercise: their numbers are typeset, a wrong answer gets feedback and a hint, an attempt is used. */
class ExerciseIT extends BrowserTest {

    @Test
    void aStudentAnswersAnExerciseAndSeesFeedbackAtOnce() throws Exception {
        Api student = new Api("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(student.get("/api/v1/courses"), "CSE 493G1");
        String list = student.get("/api/v1/courses/" + courseId + "/exercises");
        Matcher m = Pattern.compile("\"id\":(\\d+),\"courseId\":\\d+,\"lectureId\":\\d+,\"generatorKey\":\"conv-output-size\"").matcher(list);
        assertThat(m.find()).as("the demo's output-size exercise in %s", list).isTrue();
        String exerciseId = m.group(1);
        String sheet = student.get("/api/v1/exercises/" + exerciseId);
        assertThat(sheet).contains("\"answer\":null"); // the key stays on the server until the student is done

        browser.signIn("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/schedule");
        browser.click(By.partialLinkText("EX-outsize"));
        browser.waitForText(By.id("exercise-title"), "EX-outsize");
        browser.waitFor(By.cssSelector("#exercise-prompt[data-typeset='true'] .katex")); // KaTeX ran, served locally
        browser.waitForText(By.id("attempts-left"), "3 attempt(s) left");

        browser.type("answer-size", "banana");
        browser.click(By.id("exercise-submit"));
        browser.waitForText(By.id("attempts-left"), "3 attempt(s) left"); // a typo costs nothing
        browser.type("answer-size", "99999");
        browser.click(By.id("exercise-submit"));
        browser.waitFor(By.cssSelector("#feedback-size.feedback-wrong"));
        browser.waitForText(By.id("attempts-left"), "2 attempt(s) left");
        browser.waitFor(By.id("hints-size"));
        assertThat(browser.text(By.id("hints-size"))).startsWith("Hint");
        browser.screenshot("exercise-after-wrong-answer");
    }
}
