package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Hostile text in a real browser, under the real security headers: a poll question full of script payloads is
 * shown on the projector and on a student's phone; no payload runs (each would set window.__pwned), and the
 * question's words still show. The headers are checked on a page, an API answer and a static file, and a sample of
 * Vaadin's route access decisions is checked in the browser.
 */
class SecurityIT extends BrowserTest {

    static final String HOSTILE = "Payloads: $x\\\" onmouseover=\\\"window.__pwned=1$ then [a link](javascript:window.__pwned=1)"
            + " then <img src=x onerror=\\\"window.__pwned=1\\\"> then </script><script>window.__pwned=1</script>"
            + " then $</div><img src=x onerror=window.__pwned=1>$ and the end of the question";

    /** Hovers and clicks everything inside the element, then says whether any payload ran. */
    static Object pwned(Browser b, String id) {
        return b.script("""
                const root = document.getElementById(arguments[0]);
                root.querySelectorAll('*').forEach(e => {
                  ['mouseover', 'mouseenter', 'focus'].forEach(t => e.dispatchEvent(new Event(t, {bubbles: true})));
                  if (e.tagName === 'A') { e.click(); }
                });
                return window.__pwned === undefined ? null : String(window.__pwned);""", id);
    }

    @Test
    void aHostilePollQuestionRunsNothingOnTheProjectorOrThePhone() throws Exception {
        Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
        String created = instructor.postJson("/api/v1/courses/" + courseId + "/polls",
                "{\"question\":\"" + HOSTILE + "\",\"kind\":\"CHOICE\",\"options\":[\"<img src=x onerror=window.__pwned=1>\",\"b\"],"
                        + "\"correct\":\"1\"}");
        String pollId = Api.field(created, "id");
        String code = Api.field(created, "code");
        instructor.postJson("/api/v1/polls/" + pollId + "/phase", "{\"phase\":\"think\"}");

        browser.signIn("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/polls/" + pollId);
        browser.waitForText(By.id("poll-question"), "the end of the question");
        browser.waiting().until(d -> "true".equals(browser.script("return document.getElementById('poll-question').getAttribute('data-typeset')")));
        assertThat(pwned(browser, "poll-question")).isNull();
        assertThat(browser.all(By.cssSelector("#poll-question script, #poll-question [onerror], #poll-question [onmouseover]"))).isEmpty();
        assertThat(browser.all(By.cssSelector("#poll-question a[href^='javascript']"))).isEmpty();
        assertThat(browser.text(By.id("poll-question"))).contains("Payloads:", "a link", "the end of the question");

        try (Browser phone = Browser.phone()) {
            phone.signIn("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
            phone.open("/poll/" + code);
            phone.waitForText(By.id("poll-question"), "the end of the question");
            phone.waitFor(By.id("option-0"));
            assertThat(pwned(phone, "poll-question")).isNull();
            assertThat(phone.text(By.id("option-0"))).contains("<img src=x onerror=window.__pwned=1>"); // shown as text
            assertThat(phone.script("return window.__pwned === undefined ? null : 'ran'")).isNull();
        }
    }

    @Test
    void aPageAnApiAnswerAndAStaticFileCarryTheSecurityHeaders() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : new String[] {"/login", "/api/v1/courses", "/styles.css", "/webjars/katex/0.16.47/dist/katex.min.js"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(LecternServer.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (path.contains("katex")) { // the managed KaTeX, served by the app without signing in
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                assertThat(r.body()).as(path).contains("0.16.47");
            }
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).get().asString()
                    .contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'").contains("object-src 'none'").contains("frame-ancestors 'self'");
            assertThat(r.headers().allValues("X-Content-Type-Options")).as(path).containsExactly("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("strict-origin-when-cross-origin");
            // X-Frame-Options cannot name an LMS: SAMEORIGIN while only our own pages may frame us, absent once a
            // registered platform (or lectern.web.frame-ancestors) may, so that it never contradicts the CSP.
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            if (csp.endsWith("frame-ancestors 'self'")) {
                assertThat(r.headers().allValues("X-Frame-Options")).as(path).containsExactly("SAMEORIGIN");
            } else {
                assertThat(r.headers().allValues("X-Frame-Options")).as(path).isEmpty();
            }
        }
    }

    @Test
    void routesLetInWhomTheirAnnotationsSay() {
        browser.open("/courses/1/schedule");
        browser.waiting().until(d -> browser.url().contains("/login"));
        browser.signIn("student1@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/admin");
        // Vaadin's navigation access control turns a student away from @RolesAllowed("ADMIN") as from a missing route.
        browser.waiting().until(d -> String.valueOf(browser.script("return document.body.innerText")).contains("admin"));
        assertThat(String.valueOf(browser.script("return document.body.innerText"))).doesNotContain("Site admin")
                .containsAnyOf("Could not navigate", "access");
    }
}
