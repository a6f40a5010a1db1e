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
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A real browser and an LMS: a site admin registers the LMS on the admin page; the LMS's course page sends
 * its instructor to Lectern (connecting the LMS course to the demo course), then a student, who lands in
 * the course signed in, with no password.
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

    @BeforeEach
    void startLms() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("e2e-key").generate();
        lms = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        issuer = "http://localhost:" + lms.getAddress().getPort() + "/lms";
        lms.createContext("/jwks", ex -> send(ex, "application/json", new JWKSet(key.toPublicJWK()).toString()));
        lms.createContext("/auth", this::auth);
        lms.createContext("/course", ex -> send(ex, "text/html", """
                <!DOCTYPE html><html><body><h1>LMS course</h1><a id="open-lectern" href="%s">Lectern</a></body></html>"""
                .formatted(LecternServer.baseUrl() + "/lti/login?iss=" + enc(issuer) + "&login_hint=" + enc(sub) + "&target_link_uri="
                        + enc(LecternServer.baseUrl() + "/lti/launch") + "&client_id=" + CLIENT_ID + "&lti_deployment_id=" + DEPLOYMENT)));
        lms.start();
    }

    @AfterEach
    void stopLms() {
        lms.stop(0);
    }

    String url(String path) {
        return "http://localhost:" + lms.getAddress().getPort() + path;
    }

    private void auth(HttpExchange ex) throws IOException {
        Map<String, String> q = new HashMap<>();
        for (String pair : ex.getRequestURI().getRawQuery().split("&")) {
            int i = pair.indexOf('=');
            q.put(URLDecoder.decode(pair.substring(0, i), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
        }
        String p = "https://purl.imsglobal.org/spec/lti/claim/";
        Instant now = Instant.now();
        try {
            var claims = new JWTClaimsSet.Builder().issuer(issuer).audience(CLIENT_ID).subject(sub).issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", q.get("nonce")).claim("name", name).claim("email", email)
                    .claim(p + "message_type", "LtiResourceLinkRequest").claim(p + "version", "1.3.0").claim(p + "deployment_id", DEPLOYMENT)
                    .claim(p + "target_link_uri", q.get("redirect_uri")).claim(p + "roles", roles)
                    .claim(p + "resource_link", Map.of("id", "rl-1")).claim(p + "context", Map.of("id", "e2e-course", "title", "Deep Learning",
                            "label", "CSE493G1")).build();
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
    }
}
