package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
        browser.waitForText(By.id("attempts-left"), "3 attempts left");

        browser.type("answer-size", "banana");
        browser.click(By.id("exercise-submit"));
        browser.waitForText(By.id("attempts-left"), "3 attempts left"); // a typo costs nothing
        browser.type("answer-size", "99999");
        browser.click(By.id("exercise-submit"));
        browser.waitFor(By.cssSelector("#feedback-size.feedback-wrong"));
        browser.waitForText(By.id("attempts-left"), "2 attempts left");
        browser.waitFor(By.id("hints-size"));
        assertThat(browser.text(By.id("hints-size"))).startsWith("Hint");
        browser.screenshot("exercise-after-wrong-answer");
    }

    private static String exerciseId(Api student, String courseId, String key) throws Exception {
        String list = student.get("/api/v1/courses/" + courseId + "/exercises");
        Matcher m = Pattern.compile("\"id\":(\\d+),\"courseId\":\\d+,\"lectureId\":\\d+,\"generatorKey\":\"" + key + "\"").matcher(list);
        assertThat(m.find()).as("the demo's %s exercise in %s", key, list).isTrue();
        return m.group(1);
    }

    @Test
    void mathInHeadersIsTypesetVectorsAreRowsBoxesAreLabelledAndCountsReadRight() throws Exception {
        Api student = new Api("student2@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(student.get("/api/v1/courses"), "CSE 493G1");
        browser.signIn("student2@demo.lectern", LecternServer.DEMO_PASSWORD);

        // Column labels such as $x_1$ are typeset, never shown raw.
        browser.open("/courses/" + courseId + "/exercises/" + exerciseId(student, courseId, "knn"));
        browser.waitFor(By.cssSelector(".given-grid .given-label[data-typeset='true'] .katex"));
        assertThat(browser.text(By.cssSelector(".exercise-givens"))).doesNotContain("$");

        // A vector the prompt writes as a row is drawn as one row.
        browser.open("/courses/" + courseId + "/exercises/" + exerciseId(student, courseId, "backprop"));
        browser.waitForText(By.id("attempts-left"), "3 attempts left");
        assertThat((Boolean) browser.script("""
                const cells = [...document.querySelectorAll('.exercise-given .given-cell')];
                return cells.length > 1 && new Set(cells.map(c => Math.round(c.getBoundingClientRect().top))).size === 1;""")).isTrue();

        // Every answer box has a name a screen reader can tell apart from the others.
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) browser.script("""
                return [...document.querySelectorAll('.exercise-part input')].map(i => i.getAttribute('aria-label')
                    || (i.labels && i.labels.length ? i.labels[0].textContent : ''));""");
        assertThat(names).isNotEmpty().allSatisfy(n -> assertThat(n).isNotBlank()).doesNotHaveDuplicates();

        // Counts in words: "1 attempt left", not "1 attempt(s) left".
        List<String> boxes = browser.all(By.cssSelector(".exercise-part vaadin-text-field")).stream().map(e -> e.getAttribute("id")).toList();
        for (String left : List.of("2 attempts left", "1 attempt left", "No attempts left")) {
            boxes.forEach(id -> browser.type(id, "99999"));
            browser.click(By.id("exercise-submit"));
            browser.waitForText(By.id("attempts-left"), left);
        }
        // Locked answers stay readable: dark, opaque text rather than faint grey.
        browser.waitFor(By.cssSelector(".answer-locked input"));
        String colour = (String) browser.script("return getComputedStyle(document.querySelector('.answer-locked input')).webkitTextFillColor;");
        Matcher rgba = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)(?:, ([0-9.]+))?\\)").matcher(colour);
        assertThat(rgba.find()).as(colour).isTrue();
        double alpha = rgba.group(4) == null ? 1 : Double.parseDouble(rgba.group(4));
        int brightest = Math.max(Integer.parseInt(rgba.group(1)), Math.max(Integer.parseInt(rgba.group(2)), Integer.parseInt(rgba.group(3))));
        assertThat(alpha).as(colour).isGreaterThan(0.85);
        assertThat(brightest).as(colour).isLessThan(100);
        browser.screenshot("exercise-out-of-attempts");
    }
}
