package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The training playground in the packaged app: a student finds it on the schedule, sees their quota and the run's
 * estimate before training, trains a 3-epoch run on the pool (a worker JVM started from the app's jar, PyTorch through
 * DJL, offline) and watches the curves arrive, trains a second run, and compares the two side by side.
 */
class TrainingIT extends BrowserTest {

    /** The first run also unpacks libtorch into the app's cache (a few seconds more). */
    static final Duration RUN = Duration.ofSeconds(120);

    @Test
    void aStudentSeesQuotaAndEstimateTrainsWatchesTheCurvesAndComparesTwoRuns() throws Exception {
        Api api = new Api("student2@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(api.get("/api/v1/courses"), "CSE 493G1");

        browser.signIn("student2@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/schedule");
        browser.click(By.partialLinkText("Training playground: train"));
        browser.waitForText(By.id("training-title"), "Training playground");
        // Before anything runs: the quota and this run's cost.
        browser.waitForText(By.id("training-quota-student"), "600 s of 600 s left");
        browser.waitForText(By.id("training-estimate"), "This run: about");
        assertThat(browser.text(By.id("training-estimate"))).contains("4,810 parameters").contains("1078 training and 269 validation images");

        browser.screenshot("training-form");
        browser.type("training-epochs", "3");
        browser.waitForText(By.id("training-estimate"), "This run: about");
        browser.click(By.id("training-start"));
        browser.waitForText(By.id("training-run-title"), "3 epochs");
        browser.waitForText(By.id("training-state"), "Done", RUN);
        browser.waitForText(By.id("training-epoch"), "epoch 3/3");
        assertThat(points(By.cssSelector("#chart-loss polyline.series-train"))).isEqualTo(3);
        assertThat(points(By.cssSelector("#chart-accuracy polyline.series-validation"))).isEqualTo(3);
        assertThat(browser.text(By.id("training-state"))).contains("validation accuracy").contains("s of worker time");
        browser.screenshot("training-run-done");
        // The run was charged: the quota shown went down.
        browser.waitForText(By.id("training-estimate"), "This run: about");
        assertThat(browser.text(By.id("training-quota-student"))).doesNotContain("600 s of 600 s left");

        // A second run from the recipe's first step: a linear model, one epoch.
        browser.click(By.id("preset-recipe-1"));
        browser.waitForText(By.id("training-advice"), "Recipe step 1");
        browser.waitForText(By.id("training-estimate"), "650 parameters");
        browser.click(By.id("training-start"));
        browser.waitForText(By.id("training-run-title"), "Linear");
        browser.waitForText(By.id("training-state"), "Done", RUN);

        List<WebElement> boxes = browser.all(By.cssSelector("vaadin-checkbox[id^='compare-run-']"));
        assertThat(boxes).hasSize(2);
        for (String id : boxes.stream().map(b -> b.getDomAttribute("id")).toList()) {
            browser.click(By.id(id));
        }
        browser.click(By.id("training-compare"));
        browser.waitForText(By.id("training-comparison-title"), "Side by side");
        browser.waitFor(By.cssSelector("#compare-accuracy[data-series='2']"));
        assertThat(browser.text(By.id("training-comparison-table"))).contains("MLP 64").contains("Linear").contains("3/3").contains("1/1");
        browser.screenshot("training-compared");
    }

    /** How many points a chart's polyline has. */
    private int points(By by) {
        WebElement line = browser.waitFor(by);
        return line.getDomAttribute("points").strip().split("\\s+").length;
    }
}
