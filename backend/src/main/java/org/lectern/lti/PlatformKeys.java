package org.lectern.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Platforms' public keys, fetched from their key set URLs and cached; a token signed with a key we have
 * not seen makes us fetch the set again (platforms rotate), at most once every few seconds per URL.
 */
@Component
class PlatformKeys {

    private static final Duration KEEP = Duration.ofHours(1);
    private static final Duration MIN_REFETCH = Duration.ofSeconds(5);

    private record Cached(JWKSet set, Instant fetchedAt) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Clock clock;

    PlatformKeys(Clock clock) {
        this.clock = clock;
    }

    /** Null when the token is RS256, names a key of the platform, and verifies with it; else why not. */
    String verify(SignedJWT jwt, String keysetUrl) {
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            return "The token is signed with " + jwt.getHeader().getAlgorithm() + "; only RS256 is accepted.";
        }
        String kid = jwt.getHeader().getKeyID();
        if (kid == null) {
            return "The token's header names no key (kid).";
        }
        JWK key;
        try {
            key = find(keysetUrl, kid);
        } catch (IOException | ParseException e) {
            return "The platform's key set at " + keysetUrl + " could not be read: " + e.getMessage();
        }
        if (!(key instanceof RSAKey rsa)) {
            return "The platform's key set has no RSA key '" + kid + "'.";
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(rsa))) {
                return "The token's signature does not match the platform's key '" + kid + "'.";
            }
        } catch (JOSEException e) {
            return "The token's signature could not be checked: " + e.getMessage();
        }
        return null;
    }

    private JWK find(String url, String kid) throws IOException, ParseException {
        Instant now = clock.instant();
        Cached c = cache.get(url);
        if (c != null && c.fetchedAt().plus(KEEP).isAfter(now)) {
            JWK k = c.set().getKeyByKeyId(kid);
            if (k != null || c.fetchedAt().plus(MIN_REFETCH).isAfter(now)) {
                return k;
            }
        }
        c = new Cached(fetch(url), now);
        cache.put(url, c);
        return c.set().getKeyByKeyId(kid);
    }

    private JWKSet fetch(String url) throws IOException, ParseException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode());
            }
            return JWKSet.parse(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
