package org.lectern.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's, driven by Debian's chromedriver: nothing is downloaded) on one Lectern, whose address
 * may change between calls (a restarted app): the browser tests' and the cluster tests' pages are driven alike.
 */
public class Browser implements AutoCloseable {

    private final Supplier<String> baseUrl;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    /** A window of {@code width,height} CSS pixels ("390,844" a phone, "1280,900" a laptop) on the Lectern at {@code baseUrl}. */
    public Browser(Supplier<String> baseUrl, String windowSize) throws Exception {
        this.baseUrl = baseUrl;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        Path profile = Files.createTempDirectory("lectern-chromium-");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + windowSize, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    public void open(String path) {
        driver.get(baseUrl.get() + path);
    }

    /** Another site's page (e.g. the LMS simulator). */
    public void openUrl(String url) {
        driver.get(url);
    }

    /**
     * Signs in through the login form. The form may still be upgrading when the first keys arrive (they were once
     * lost, leaving both fields empty and the form refusing to submit), so each round checks what the fields hold,
     * types what is missing, and submits only a complete form, until the signed-in page shows.
     */
    public void signIn(String email, String password) {
        open("/login");
        By userField = By.cssSelector("vaadin-login-form input[name='username']");
        By passwordField = By.cssSelector("vaadin-login-form input[name='password']");
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.ElementNotInteractableException.class)
                .until(d -> {
                    if (!d.findElements(By.id("signed-in-as")).isEmpty()) {
                        return true;
                    }
                    List<WebElement> users = d.findElements(userField);
                    if (users.isEmpty() || !users.getFirst().isDisplayed()) {
                        return false; // navigating: look again
                    }
                    WebElement user = users.getFirst();
                    WebElement pass = d.findElement(passwordField);
                    if (!email.equals(user.getDomProperty("value"))) {
                        user.clear();
                        user.sendKeys(email);
                    }
                    if (!password.equals(pass.getDomProperty("value"))) {
                        pass.clear();
                        pass.sendKeys(password);
                    }
                    if (email.equals(user.getDomProperty("value")) && password.equals(pass.getDomProperty("value"))) {
                        pass.sendKeys(Keys.ENTER);
                    }
                    return false;
                });
    }

    /** The one confirmation dialog's text, once it is open. */
    public String confirmationText() {
        return waitFor(By.cssSelector("vaadin-confirm-dialog[opened]")).getText();
    }

    /** Answers the open confirmation dialog with its confirm button. */
    public void confirm() {
        click(By.cssSelector("vaadin-confirm-dialog[opened] [slot='confirm-button']"));
        wait.until(d -> d.findElements(By.cssSelector("vaadin-confirm-dialog[opened]")).isEmpty());
    }

    public WebDriver driver() {
        return driver;
    }

    public void signOut() {
        click(By.id("sign-out"));
        waitFor(By.cssSelector("vaadin-login-form"));
    }

    /**
     * Waits for the element and scrolls it to the middle of the viewport: WebDriver calls an element
     * scrolled out of view inside Vaadin's scrolling layout invisible.
     */
    public WebElement waitFor(By by) {
        // Found again on each try: a pushed or polled redraw may replace the element while we wait.
        return wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement e = d.findElement(by);
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
            return e.isDisplayed() ? e : null;
        });
    }

    /**
     * Waits until the element's text contains the given text. Reads textContent: WebDriver's visible
     * text is empty for an element scrolled out of view inside Vaadin's scrolling layout.
     */
    public void waitForText(By by, String text) {
        waitForText(by, text, wait);
    }

    /** As {@link #waitForText(By, String)}, for work that takes longer than the usual 30 s (a worker's first run). */
    public void waitForText(By by, String text, Duration atMost) {
        waitForText(by, text, new WebDriverWait(driver, atMost));
    }

    private static void waitForText(By by, String text, WebDriverWait wait) {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            var found = d.findElements(by);
            if (found.isEmpty()) {
                return false;
            }
            WebElement e = found.getFirst();
            boolean field = e.getTagName().equals("textarea") || e.getTagName().equals("input");
            return String.valueOf(e.getDomProperty(field ? "value" : "textContent")).contains(text);
        });
    }

    /** Clicks in the middle of the viewport, clear of notifications at the screen's edges. */
    public void click(By by) {
        waitFor(by);
        // Found again on each try: a pushed redraw may replace the element between the wait and the click.
        wait.ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .ignoring(org.openqa.selenium.ElementNotInteractableException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(by).click();
                    return true;
                });
    }

    /**
     * Clicks the one shown cell of a Vaadin grid that holds {@code content}, once the page has settled: the grid has
     * its rows (not loading), no server round trip is in flight, no dialog is open, exactly one matching cell is
     * displayed (the grid keeps pooled rows in the DOM, hidden), it is scrolled to the middle of the viewport both
     * ways (a wide grid's column may start off-screen, or under the frozen first column), and nothing covers its
     * centre. Every condition is looked at again on each try, so a redraw while waiting only delays the click.
     */
    public void clickGridCell(By grid, By content) {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .ignoring(org.openqa.selenium.ElementNotInteractableException.class)
                .until(d -> {
                    WebElement g = d.findElement(grid);
                    if (g.getDomAttribute("loading") != null || Boolean.TRUE.equals(script(SERVER_BUSY))
                            || !d.findElements(By.cssSelector("vaadin-dialog[opened], vaadin-dialog-overlay[opened]")).isEmpty()) {
                        return false;
                    }
                    List<WebElement> shown = d.findElements(content).stream().filter(WebElement::isDisplayed).toList();
                    if (shown.size() != 1) {
                        return false;
                    }
                    // The cell's own box: the content inside may be an empty span with no size to click.
                    WebElement cell = shown.getFirst().findElement(By.xpath("ancestor::vaadin-grid-cell-content"));
                    script("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", cell);
                    if (ExpectedConditions.elementToBeClickable(cell).apply(d) == null || !Boolean.TRUE.equals(script(ON_TOP, cell))) {
                        return false;
                    }
                    cell.click();
                    return true;
                });
    }

    /** Whether Vaadin's client has a request to the server in flight (as Vaadin's own test tools ask it). */
    private static final String SERVER_BUSY = """
            const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
            return !!clients && Object.values(clients).some(c => c.isActive && c.isActive());""";

    /** Whether the element, not something over it, is what a click at its centre would hit. */
    private static final String ON_TOP = """
            const r = arguments[0].getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return hit === arguments[0] || arguments[0].contains(hit);""";

    /** Types into a Vaadin field (its input sits in the light DOM) and leaves it, so the value syncs. */
    public void type(String fieldId, String text) {
        WebElement input = waitFor(By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }

    /** Sets a text area's whole value at once (typing a CSV key by key is slow and adds nothing). */
    public void setTextArea(String fieldId, String text) {
        WebElement area = waitFor(By.id(fieldId));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", area, text);
    }

    /** Chooses a file in a vaadin-upload, whose file input sits in its shadow DOM. */
    public void upload(String uploadId, Path file) {
        WebElement upload = waitFor(By.id(uploadId));
        WebElement input = upload.findElements(By.cssSelector("input[type=file]")).stream().findFirst()
                .orElseGet(() -> upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")));
        input.sendKeys(file.toAbsolutePath().toString());
    }

    /**
     * Draws one stroke with the mouse through the given points, in pixels from the element's top-left corner
     * (pointer events, as a pen or finger would make them).
     */
    public void stroke(By by, int[]... points) {
        WebElement element = waitFor(by);
        org.openqa.selenium.Rectangle box = element.getRect();
        // Selenium's offsets are from the element's centre.
        java.util.function.IntUnaryOperator dx = x -> x - box.getWidth() / 2;
        java.util.function.IntUnaryOperator dy = y -> y - box.getHeight() / 2;
        org.openqa.selenium.interactions.Actions actions = new org.openqa.selenium.interactions.Actions(driver)
                .moveToElement(element, dx.applyAsInt(points[0][0]), dy.applyAsInt(points[0][1])).clickAndHold();
        for (int i = 1; i < points.length; i++) {
            actions.moveToElement(element, dx.applyAsInt(points[i][0]), dy.applyAsInt(points[i][1]));
        }
        actions.release().perform();
    }

    public boolean enabled(By by) {
        WebElement e = waitFor(by);
        return e.getAttribute("disabled") == null;
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public String text(By by) {
        return String.valueOf(wait.until(ExpectedConditions.presenceOfElementLocated(by)).getDomProperty("textContent"));
    }

    /** Runs JavaScript in the page and returns its result (null for undefined). */
    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Waits until the frame is there and its document loaded, and sends every later call into it. */
    public void intoFrame(By frame) {
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(frame));
    }

    /** Back from a frame to the page that holds it. */
    public void outOfFrames() {
        driver.switchTo().defaultContent();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** Resizes the window (e.g. 1400×900 desktop, 390×844 phone) for layout checks on one page. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** Whether the page scrolls sideways (its content wider than the window). */
    public boolean overflowsSideways() {
        // The document, or any big scroller inside it (the app layout's content area scrolls on its own).
        return (Boolean) driver.executeScript("""
                const wide = e => e.scrollWidth > e.clientWidth + 1;
                if (wide(document.documentElement) || wide(document.body)) { return true; }
                const layout = document.querySelector('vaadin-app-layout');
                const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[content]');
                if (content && wide(content) && getComputedStyle(content).overflowX !== 'hidden') { return true; }
                // The course tabs scroll sideways on a phone on purpose (with a visible cue): not an overflow.
                return [...document.querySelectorAll('*')].some(e => {
                  const x = getComputedStyle(e).overflowX;
                  return (x === 'auto' || x === 'scroll') && e.clientWidth > window.innerWidth / 2 && wide(e)
                      && !e.classList.contains('lectern-course-tabs');
                });""");
    }

    public WebDriverWait waiting() {
        return wait;
    }

    /** A PNG of the window as it is, at {@code file} (a test artefact; a failure to write it is not the test's). */
    public void screenshotTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (Exception e) {
            // A failed screenshot must not hide the test's own failure.
        }
    }

    public void screenshot(String name) {
        try {
            Path dir = Path.of("target", "e2e-screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
        } catch (Exception e) {
            // A failed screenshot must not hide the test's own failure.
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
