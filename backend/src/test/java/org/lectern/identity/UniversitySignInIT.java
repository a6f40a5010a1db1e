package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.People;
import org.lectern.TestServers;
import org.lectern.testing.OidcProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * University sign-in over HTTP, the whole redirect flow: Lectern → the provider's authorization endpoint → back with a
 * code → Lectern exchanges it at the token endpoint and checks the signed id_token → a session for the matched account.
 * The provider is a real OpenID Connect server on a free port ({@link OidcProvider}, started by {@link TestServers}); the browser chain under test is
 * {@link UniversitySignIn#configure} as the UI's chain applies it (see {@code OidcTestChain}).
 */
@BackendTest
class UniversitySignInIT {

    static OidcProvider idp;

    @LocalServerPort int port;
    @Autowired People people;

    @BeforeAll
    static void findProvider() {
        idp = TestServers.idp();
    }

    record Outcome(String landedOn, String whoAmI) {
    }

    /** Follows the redirects one by one, as a browser would, and asks who the session belongs to. */
    Outcome signIn() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/" + UniversitySignIn.startPath())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        String toProvider = r.headers().firstValue("Location").orElseThrow();
        assertThat(toProvider).startsWith(idp.issuer() + "/authorize?").contains("nonce=").contains("state=");
        r = http.send(HttpRequest.newBuilder(URI.create(toProvider)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        String callback = r.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(base + "/login/oauth2/code/university?code=");
        r = http.send(HttpRequest.newBuilder(URI.create(callback)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        String landed = URI.create(base).resolve(r.headers().firstValue("Location").orElseThrow()).getPath()
                + (URI.create(base).resolve(r.headers().firstValue("Location").orElseThrow()).getQuery() == null ? ""
                : "?" + URI.create(base).resolve(r.headers().firstValue("Location").orElseThrow()).getQuery());
        HttpResponse<String> who = http.send(HttpRequest.newBuilder(URI.create(base + OidcTestChain.WHOAMI)).build(), HttpResponse.BodyHandlers.ofString());
        return new Outcome(landed, who.body());
    }

    void reset() {
        idp.next.emailVerified = Boolean.TRUE;
        idp.next.issuer = null;
        idp.next.audience = null;
    }

    @Test
    void aVerifiedUniversityAddressSignsInTheAccountThatHasIt() throws Exception {
        reset();
        Account student = people.user("oidc-student");
        idp.next.email = student.email().toUpperCase(); // providers may spell it differently
        Outcome o = signIn();
        assertThat(o.landedOn()).isEqualTo("/");
        assertThat(o.whoAmI()).isEqualTo(student.email());
    }

    @Test
    void anUnverifiedAddressSignsNobodyIn() throws Exception {
        reset();
        Account student = people.user("oidc-unverified");
        idp.next.email = student.email();
        idp.next.emailVerified = Boolean.FALSE;
        Outcome o = signIn();
        assertThat(o.landedOn()).isEqualTo("/login?oidc=email_unverified");
        assertThat(o.whoAmI()).isEqualTo("anonymous");
        idp.next.emailVerified = null; // no claim at all: the same
        assertThat(signIn().landedOn()).isEqualTo("/login?oidc=email_unverified");
    }

    @Test
    void somebodyWithoutAnAccountIsToldSoAndNoAccountIsMade() throws Exception {
        reset();
        idp.next.email = "stranger-" + System.nanoTime() + "@uni.test";
        Outcome o = signIn();
        assertThat(o.landedOn()).isEqualTo("/login?oidc=no_account");
        assertThat(o.whoAmI()).isEqualTo("anonymous");
    }

    @Test
    void aTokenFromAnotherIssuerOrForAnotherClientIsRefused() throws Exception {
        reset();
        Account student = people.user("oidc-forged");
        idp.next.email = student.email();
        idp.next.issuer = "https://evil.example";
        Outcome wrongIssuer = signIn();
        assertThat(wrongIssuer.landedOn()).isEqualTo("/login?oidc=failed");
        assertThat(wrongIssuer.whoAmI()).isEqualTo("anonymous");
        reset();
        idp.next.audience = "some-other-client";
        Outcome wrongAudience = signIn();
        assertThat(wrongAudience.landedOn()).isEqualTo("/login?oidc=failed");
        assertThat(wrongAudience.whoAmI()).isEqualTo("anonymous");
    }
}
