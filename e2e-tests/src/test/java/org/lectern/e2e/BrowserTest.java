package org.lectern.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/** A browser test: a fresh Chromium per test against the shared packaged app, and a last screenshot. */
@ExtendWith(LecternServer.class)
abstract class BrowserTest {

    protected Browser browser;
    private String testName;

    @BeforeEach
    void openBrowser(TestInfo info) throws Exception {
        browser = new Browser();
        testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
    }

    @AfterEach
    void closeBrowser() {
        browser.screenshot(testName + "-last");
        browser.close();
    }
}
