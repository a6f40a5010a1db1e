package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.testing.UrlEncoded;
import org.openqa.selenium.By;

/**
 * A real browser and an LMS: a site admin registers the LMS on the admin page; the LMS's course page sends
 * its instructor to Lectern (connecting the LMS course to the demo course), then a student, who lands in
 * the course signed in, with no password. Then the instructor picks an assignment for the LMS (deep linking) and
 * the student opens it the way Canvas and Moodle show tools: inside an iframe of the LMS's page. The LMS runs on
 * another port of localhost, which is another origin but the same site, so Chromium keeps Lectern's session
 * cookie in the frame (SameSite looks at the site, not the port) and the frame lands on the assignment itself;
 * it could only do so because the registered platform's origin is among the page's CSP frame-ancestors.
 */
class LtiLaunchIT extends BrowserTest {

    static final String CLIENT_ID = "e2e-client";
    static final String DEPLOYMENT = "e2e-deployment";

    HttpServer lms;
    RSAKey key;
    String issuer;
    volatile String sub;
    volatile String email;
    volatile String name;
    volatile List<String> roles;
    volatile String messageType = "LtiResourceLinkRequest";
    volatile Map<String, String> custom = Map.of();

    @BeforeEach
    void startLms() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("e2e-key").generate();
        lms = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        issuer = "http://localhost:" + lms.getAddress().getPort() + "/lms";
        lms.createContext("/jwks", ex -> send(ex, "application/json", new JWKSet(key.toPublicJWK()).toString()));
        lms.createContext("/auth", this::auth);
        lms.createContext("/course", ex -> send(ex, "text/html", """
                <!DOCTYPE html><html><body><h1>LMS course</h1><a id="open-lectern" href="%s">Lectern</a></body></html>"""
                .formatted(loginUrl())));
        // How Canvas and Moodle show a tool by default: the LMS's own page, with Lectern in an iframe inside it.
        lms.createContext("/course-frame", ex -> send(ex, "text/html", """
                <!DOCTYPE html><html><body><h1>LMS course</h1>
                <iframe id="tool" name="tool" src="%s" style="width:1200px;height:800px"></iframe></body></html>"""
                .formatted(loginUrl().replace("&", "&amp;"))));
        lms.start();
    }

    @AfterEach
    void stopLms() {
        lms.stop(0);
    }

    String loginUrl() {
        return LecternServer.baseUrl() + "/lti/login?iss=" + enc(issuer) + "&login_hint=" + enc(sub) + "&target_link_uri="
                + enc(LecternServer.baseUrl() + "/lti/launch") + "&client_id=" + CLIENT_ID + "&lti_deployment_id=" + DEPLOYMENT;
    }

    String url(String path) {
        return "http://localhost:" + lms.getAddress().getPort() + path;
    }

    private void auth(HttpExchange ex) throws IOException {
        Map<String, String> q = UrlEncoded.parse(ex.getRequestURI().getRawQuery());
        String p = "https://purl.imsglobal.org/spec/lti/claim/";
        Instant now = Instant.now();
        try {
            var builder = new JWTClaimsSet.Builder().issuer(issuer).audience(CLIENT_ID).subject(sub).issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", q.get("nonce")).claim("name", name).claim("email", email)
                    .claim(p + "message_type", "LtiResourceLinkRequest").claim(p + "version", "1.3.0").claim(p + "deployment_id", DEPLOYMENT)
                    .claim(p + "target_link_uri", q.get("redirect_uri")).claim(p + "roles", roles).claim(p + "custom", custom)
                    .claim(p + "context", Map.of("id", "e2e-course", "title", "Deep Learning", "label", "CSE493G1"));
            if (messageType.equals("LtiResourceLinkRequest")) {
                builder.claim(p + "resource_link", Map.of("id", "rl-1"));
            } else {
                builder.claim(p + "message_type", messageType).claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
                        Map.of("deep_link_return_url", url("/deep-link-return"), "accept_types", List.of("ltiResourceLink"),
                                "accept_presentation_document_targets", List.of("iframe", "window")));
            }
            var claims = builder.build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            send(ex, "text/html", """
                    <!DOCTYPE html><html><body onload="document.forms[0].submit()"><form method="post" action="%s">
                    <input type="hidden" name="id_token" value="%s"><input type="hidden" name="state" value="%s"></form></body></html>"""
                    .formatted(q.get("redirect_uri"), jwt.serialize(), q.get("state")));
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void send(HttpExchange ex, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @Test
    void anAdminRegistersTheLmsAndItsPeopleArriveSignedIn() throws Exception {
        browser.signIn("admin@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/admin/lti");
        browser.waitForText(By.id("lti-tool-urls"), LecternServer.baseUrl() + "/lti/jwks");
        browser.type("lti-issuer", issuer);
        browser.type("lti-client-id", CLIENT_ID);
        browser.type("lti-deployments", DEPLOYMENT);
        browser.type("lti-auth-login-url", url("/auth"));
        browser.type("lti-auth-token-url", url("/token"));
        browser.type("lti-keyset-url", url("/jwks"));
        browser.click(By.id("lti-register"));
        browser.waitForText(By.tagName("vaadin-grid"), issuer);
        browser.signOut();

        // The instructor comes from the LMS: Lectern knows their e-mail and asks which course this is.
        sub = "lms-instructor";
        email = "instructor@demo.lectern";
        name = "Demo Instructor";
        roles = List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor");
        try (Browser lmsInstructor = new Browser()) {
            lmsInstructor.openUrl(url("/course"));
            lmsInstructor.click(By.id("open-lectern"));
            lmsInstructor.waitFor(By.id("link-existing"));
            // The demo instructor may teach other courses by now (other browser tests make some): pick the demo course.
            Object chosen = lmsInstructor.script("""
                    const s = document.getElementById('course');
                    const o = [...s.options].find(x => x.textContent.startsWith('CSE 493G1'));
                    if (!o) return null;
                    s.value = o.value;
                    return o.value;""");
            assertThat(chosen).as("the demo course among the instructor's courses").isNotNull();
            lmsInstructor.click(By.id("connect"));
            lmsInstructor.waitFor(By.id("course-title"));
            assertThat(lmsInstructor.url()).matches(".*/courses/\\d+.*");
        }

        // A student of that LMS course arrives in the Lectern course, signed in.
        sub = "lms-student-1";
        email = "lti-student@e2e.lectern";
        name = "Lina Learner";
        roles = List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner");
        try (Browser student = new Browser()) {
            student.openUrl(url("/course"));
            student.click(By.id("open-lectern"));
            student.waitFor(By.id("course-title"));
            student.waitForText(By.id("signed-in-as"), "Lina Learner");
        }

        // The instructor adds an assignment to the LMS course (deep linking); the LMS link carries its Lectern id.
        sub = "lms-instructor";
        email = "instructor@demo.lectern";
        name = "Demo Instructor";
        roles = List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor");
        messageType = "LtiDeepLinkingRequest";
        String itemId;
        String title;
        try (Browser picker = new Browser()) {
            // The demo course's schedule lists its assignments as plain entries; a graded Lectern assignment has a page.
            Api instructor = new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
            String courseId = Api.courseId(instructor.get("/api/v1/courses"), "CSE 493G1");
            instructor.postJson("/api/v1/courses/" + courseId + "/assignments", """
                    {"shortName": "L1", "title": "Framed in the LMS", "releaseAt": "2024-01-01T00:00:00Z",
                     "dueAt": "2099-01-01T00:00:00Z", "points": 10}""");
            picker.openUrl(url("/course"));
            picker.click(By.id("open-lectern"));
            picker.waitFor(By.id("pick"));
            String found = (String) picker.script("""
                    const l = [...document.querySelectorAll('#pick label')].find(x => x.textContent.includes('L1: Framed in the LMS'));
                    return l ? l.querySelector('input').value + '|' + l.textContent : null;""");
            assertThat(found).as("the new assignment among the items to pick").isNotNull();
            itemId = found.substring(0, found.indexOf('|'));
            title = "Framed in the LMS";
        }

        // The student opens that link in the LMS, which shows Lectern in an iframe of its own page (another port of
        // localhost: same site, so Lectern's session cookie is kept inside the frame), and lands on the assignment.
        messageType = "LtiResourceLinkRequest";
        custom = Map.of("lectern_item", itemId);
        sub = "lms-student-1";
        email = "lti-student@e2e.lectern";
        name = "Lina Learner";
        roles = List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner");
        try (Browser student = new Browser()) {
            student.openUrl(url("/course-frame"));
            student.intoFrame(By.id("tool"));
            student.waiting().withMessage(() -> "the frame shows " + student.script("return location.href + ' ' + document.title + ': '"
                    + " + (document.body ? document.body.innerText.slice(0, 400) : '')"))
                    .until(d -> String.valueOf(student.script("return location.pathname")).matches(".*/assignments/\\d+.*"));
            student.waitForText(By.tagName("body"), title);
            student.waitForText(By.id("signed-in-as"), "Lina Learner");
            student.outOfFrames();
            assertThat(student.url()).isEqualTo(url("/course-frame"));
        }
    }
}
