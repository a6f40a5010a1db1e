package org.lectern.lti;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.People;
import org.lectern.RestCalls;
import org.lectern.identity.SiteRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Registering an LMS lets its pages frame Lectern's at once; removing it takes that back. */
@BackendTest
class LtiFrameAncestorsIT {

    @LocalServerPort int port;
    @Autowired People people;

    @Test
    void aRegisteredPlatformsOriginsMayFrameOurPagesUntilItIsRemoved() throws Exception {
        RestCalls rest = new RestCalls(port);
        String admin = rest.token(people.make("admin", SiteRole.ADMIN));
        String tag = Long.toString(System.nanoTime(), 36);
        String issuer = "https://iss-" + tag + ".frames.example";
        String login = "https://login-" + tag + ".frames.example:8443";
        var r = rest.send("POST", "/api/v1/lti/platforms", admin, "application/json", """
                {"issuer":"%s","clientId":"c","deploymentIds":["1"],"authLoginUrl":"%s/auth?x=1","authTokenUrl":"%s/token",
                 "keysetUrl":"%s/jwks"}""".formatted(issuer, login, login, login));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        long id = RestCalls.json(r.body()).get("id").asLong();

        var page = rest.send("GET", "/lti/link?platform=" + id + "&context=nothing", null, null, (byte[]) null);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("frame-ancestors 'self'").contains(" " + issuer).contains(" " + login);
        assertThat(page.headers().allValues("X-Frame-Options")).isEmpty();

        assertThat(rest.send("DELETE", "/api/v1/lti/platforms/" + id, admin, null, (byte[]) null).statusCode()).isEqualTo(204);
        String after = rest.send("GET", "/api/v1/courses", null, null, (byte[]) null).headers().firstValue("Content-Security-Policy")
                .orElseThrow();
        assertThat(after).doesNotContain(issuer).doesNotContain(login);
    }

    @Test
    void aRefusedRegistrationWidensNothing() throws Exception {
        RestCalls rest = new RestCalls(port);
        String admin = rest.token(people.make("admin", SiteRole.ADMIN));
        String issuer = "https://refused-" + Long.toString(System.nanoTime(), 36) + ".frames.example";
        var r = rest.send("POST", "/api/v1/lti/platforms", admin, "application/json", """
                {"issuer":"%s","clientId":"c","deploymentIds":[],"authLoginUrl":"%s/auth","authTokenUrl":"%s/token",
                 "keysetUrl":"%s/jwks"}""".formatted(issuer, issuer, issuer, issuer));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(rest.send("GET", "/api/v1/courses", null, null, (byte[]) null).headers().firstValue("Content-Security-Policy")
                .orElseThrow()).doesNotContain(issuer);
    }
}
