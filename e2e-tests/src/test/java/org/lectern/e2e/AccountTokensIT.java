package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A TA makes an API token for a script on their account page: the secret is shown once and works
 * against the API; the token is listed by name, and revoking it there stops it at once.
 */
class AccountTokensIT extends BrowserTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private int status(String path, String token) throws Exception {
        return send(path, token).statusCode();
    }

    private HttpResponse<String> send(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(LecternServer.baseUrl() + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The page's own count of listed tokens (the grid keeps stale cells in the DOM, so its text is no guide). */
    private int tokenCount() {
        String text = browser.text(By.id("token-count")).strip();
        return text.startsWith("No") ? 0 : Integer.parseInt(text.substring(0, text.indexOf(' ')));
    }

    @Test
    void aTokenMadeOnTheAccountPageWorksUntilItIsRevokedThere() throws Exception {
        browser.signIn("ta@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.click(By.xpath("//vaadin-side-nav-item[normalize-space()='Your account']"));
        browser.waitFor(By.id("tokens"));
        browser.type("token-name", "grading laptop");
        browser.click(By.id("create-token"));
        browser.waitForText(By.cssSelector("#new-token-secret input"), "lct_");
        String secret = browser.waitFor(By.cssSelector("#new-token-secret input")).getDomProperty("value");
        browser.waitForText(By.id("tokens"), "grading laptop");
        browser.screenshot("account-token-created");

        assertThat(status("/api/v1/me", secret)).isEqualTo(200);
        String listed = send("/api/v1/tokens", secret).body();
        Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"grading laptop\"").matcher(listed);
        assertThat(m.find()).as(listed).isTrue();
        assertThat(listed).doesNotContain(secret);

        int before = tokenCount();
        browser.click(By.id("revoke-token-" + m.group(1)));
        browser.confirm();
        browser.waitForText(By.tagName("vaadin-notification-card"), "revoked");
        browser.waitForText(By.id("token-count"), before == 1 ? "No API tokens." : (before - 1) + " API token");
        await().atMost(Duration.ofSeconds(10)).until(() -> status("/api/v1/me", secret) == 401);
    }
}
