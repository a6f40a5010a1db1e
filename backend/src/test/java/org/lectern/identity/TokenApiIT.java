package org.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lectern.RestCalls.Reply;
import org.lectern.BackendTest;
import org.lectern.People;
import org.lectern.RestCalls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The token API over real HTTP: named tokens listed and revoked one by one by their owner only,
 * all ended by a password change; sign-in throttled per client address (each client here binds its
 * own loopback address, so the server sees different machines) without telling accounts apart.
 */
@BackendTest
class TokenApiIT {

    private static final AtomicInteger HOSTS = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired People people;

    /** A client on a loopback address of its own (127.0.0.0/8 is all local on Linux). */
    final class Client {
        final HttpClient http;

        Client() throws Exception {
            int n = HOSTS.incrementAndGet();
            http = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0." + (n / 250) % 250 + "." + (2 + n % 250))).build();
        }

        Reply send(String method, String path, String token, String body) throws Exception {
            var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return Reply.of(r);
        }

        Reply signIn(String email, String password, String name) throws Exception {
            return send("POST", "/api/v1/tokens", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\""
                    + (name == null ? "" : ",\"name\":\"" + name + "\"") + "}");
        }
    }

    @Test
    void ownersListNameAndRevokeTheirTokensOneByOne() throws Exception {
        Client c = new Client();
        Account me = people.user("tokens");
        Reply laptop = c.signIn(me.email(), People.PASSWORD, "laptop");
        assertThat(laptop.status()).isEqualTo(201);
        assertThat(laptop.body().get("name").asString()).isEqualTo("laptop");
        String laptopSecret = laptop.body().get("token").asString();
        Reply ci = c.signIn(me.email(), People.PASSWORD, "grading script");
        String ciSecret = ci.body().get("token").asString();
        assertThat(c.send("GET", "/api/v1/me", ciSecret, null).status()).isEqualTo(200);

        Reply list = c.send("GET", "/api/v1/tokens", laptopSecret, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().valueStream().map(t -> t.get("name").asString()).toList()).containsExactly("grading script", "laptop");
        JsonNode ciRow = list.body().get(0);
        assertThat(ciRow.get("id").asLong()).isEqualTo(ci.body().get("id").asLong());
        assertThat(ciRow.has("createdAt") && ciRow.has("expiresAt") && ciRow.has("lastUsedAt")).isTrue();
        assertThat(ciRow.get("lastUsedAt").isNull()).as("the ci token was used for /me").isFalse();
        assertThat(list.raw()).doesNotContain(ciSecret).doesNotContain(laptopSecret);

        // Someone else cannot see or revoke them: their id is simply not found.
        Account other = people.user("other");
        String othersToken = c.signIn(other.email(), People.PASSWORD, null).body().get("token").asString();
        assertThat(c.send("GET", "/api/v1/tokens", othersToken, null).body().valueStream().map(t -> t.get("name").asString()).toList())
                .containsExactly("API token");
        assertThat(c.send("DELETE", "/api/v1/tokens/" + ciRow.get("id").asLong(), othersToken, null).status()).isEqualTo(404);
        assertThat(c.send("GET", "/api/v1/me", ciSecret, null).status()).isEqualTo(200);

        // From the laptop, revoke the script's token.
        assertThat(c.send("DELETE", "/api/v1/tokens/" + ciRow.get("id").asLong(), laptopSecret, null).status()).isEqualTo(204);
        assertThat(c.send("GET", "/api/v1/me", ciSecret, null).status()).isEqualTo(401);
        assertThat(c.send("GET", "/api/v1/me", laptopSecret, null).status()).isEqualTo(200);
        assertThat(c.send("DELETE", "/api/v1/tokens/" + ciRow.get("id").asLong(), laptopSecret, null).status()).isEqualTo(404);
        assertThat(c.send("POST", "/api/v1/tokens", null, "{\"email\":\"" + me.email() + "\",\"password\":\"" + People.PASSWORD
                + "\",\"name\":\"" + "x".repeat(101) + "\"}").status()).isEqualTo(400);
    }

    @Test
    void aPasswordChangeEndsEveryTokenOfTheAccount() throws Exception {
        Client c = new Client();
        Account me = people.user("changes");
        String a = c.signIn(me.email(), People.PASSWORD, "a").body().get("token").asString();
        String b = c.signIn(me.email(), People.PASSWORD, "b").body().get("token").asString();
        assertThat(c.send("POST", "/api/v1/me/password", a, "{\"currentPassword\":\"not-it-at-all\",\"newPassword\":\"new-long-password\"}")
                .status()).isEqualTo(401);
        assertThat(c.send("GET", "/api/v1/me", b, null).status()).isEqualTo(200);
        assertThat(c.send("POST", "/api/v1/me/password", a, "{\"currentPassword\":\"" + People.PASSWORD + "\",\"newPassword\":\"new-long-password\"}")
                .status()).isEqualTo(204);
        assertThat(c.send("GET", "/api/v1/me", a, null).status()).isEqualTo(401);
        assertThat(c.send("GET", "/api/v1/me", b, null).status()).isEqualTo(401);
        assertThat(c.signIn(me.email(), "new-long-password", null).status()).isEqualTo(201);
    }

    @Test
    void anAttackerHammeringAnAccountLocksOnlyThemselvesOut() throws Exception {
        Client attacker = new Client();
        Client owner = new Client();
        Account student = people.user("before-the-quiz");
        for (int i = 0; i < 12; i++) {
            attacker.signIn(student.email(), "guess-number-" + i, null);
        }
        Reply locked = attacker.signIn(student.email(), People.PASSWORD, null);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.body().get("error").asString()).isEqualTo("too_many_attempts");
        assertThat(locked.retryAfter()).isNotNull();
        // The student, from their own machine, signs in as usual.
        assertThat(owner.signIn(student.email(), People.PASSWORD, null).status()).isEqualTo(201);
    }

    @Test
    void unknownAndKnownAccountsAnswerAlike() throws Exception {
        Client prober = new Client();
        Account known = people.user("known");
        String unknown = "no-such-" + known.id() + "@test.lectern";
        for (String email : new String[] {known.email(), unknown}) {
            for (int i = 0; i < 5; i++) {
                Reply r = prober.signIn(email, "guess-number-" + i, null);
                assertThat(r.status()).as(email).isEqualTo(401);
                assertThat(r.body().get("detail").asString()).isEqualTo("Wrong e-mail or password.");
            }
            Reply sixth = prober.signIn(email, "guess-number-6", null);
            assertThat(sixth.status()).as(email).isEqualTo(429);
            assertThat(sixth.body().get("detail").asString()).startsWith("Too many failed sign-ins. Try again in");
        }
    }

    @Test
    void oneAddressSprayingPasswordsOverManyAccountsIsStopped() throws Exception {
        Client sprayer = new Client();
        Account target = people.user("sprayed");
        int free = SignInThrottle.DEFAULT.perAddress().freeFailures();
        for (int i = 0; i < free; i++) {
            assertThat(sprayer.signIn("spray-" + i + "-" + target.id() + "@test.lectern", "Winter2024!!", null).status()).isEqualTo(401);
        }
        assertThat(sprayer.signIn(target.email(), People.PASSWORD, null).status()).isEqualTo(429);
        assertThat(new Client().signIn(target.email(), People.PASSWORD, null).status()).isEqualTo(201);
    }
}
