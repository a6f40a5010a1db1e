package org.lectern.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to a platform's LTI Advantage services (AGS, NRPS) with an OAuth 2 access token from the
 * client-credentials grant, authenticated by a JWT we sign (RFC 7523); one token per platform and scope
 * set, reused until shortly before it expires.
 */
@Component
class LtiServiceClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A platform answered with an error status (or could not be reached: status 0). */
    static final class ServiceError extends Exception {
        final int status;

        ServiceError(int status, String message) {
            super(message);
            this.status = status;
        }

        boolean retryable() {
            return status == 0 || status == 429 || status >= 500;
        }
    }

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private record Token(String value, Instant expiresAt) {
    }

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final LtiKeys keys;
    private final Clock clock;

    LtiServiceClient(LtiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    Reply call(Platform p, List<String> scopes, String method, String url, String accept, String contentType, String body)
            throws ServiceError {
        String token = token(p, scopes);
        Reply r = send(method, url, token, accept, contentType, body);
        if (r.status() == 401) {
            forget(p, scopes);
            r = send(method, url, token(p, scopes), accept, contentType, body);
        }
        if (r.status() >= 300) {
            throw new ServiceError(r.status(), "The LMS answered " + r.status() + " to " + method + " " + url + ": " + abbreviate(r.body()));
        }
        return r;
    }

    private Reply send(String method, String url, String token, String accept, String contentType, String body) throws ServiceError {
        var b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Accept", accept).method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new ServiceError(0, "The LMS at " + url + " could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceError(0, "Interrupted while calling the LMS.");
        }
    }

    private static String key(Platform p, List<String> scopes) {
        return p.id() + " " + String.join(" ", new TreeSet<>(scopes));
    }

    private void forget(Platform p, List<String> scopes) {
        tokens.remove(key(p, scopes));
    }

    private String token(Platform p, List<String> scopes) throws ServiceError {
        Instant now = clock.instant();
        Token t = tokens.get(key(p, scopes));
        if (t != null && t.expiresAt().isAfter(now.plusSeconds(30))) {
            return t.value();
        }
        JWTClaimsSet assertion = new JWTClaimsSet.Builder().issuer(p.clientId()).subject(p.clientId()).audience(p.authTokenUrl())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60))).jwtID(UUID.randomUUID().toString()).build();
        String form = "grant_type=client_credentials"
                + "&client_assertion_type=" + enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=" + enc(keys.sign(assertion))
                + "&scope=" + enc(String.join(" ", new TreeSet<>(scopes)));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(p.authTokenUrl())).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new ServiceError(r.statusCode() >= 500 || r.statusCode() == 429 ? r.statusCode() : 400,
                        "The LMS refused Lectern an access token (" + r.statusCode() + "): " + abbreviate(r.body())
                                + ". Check that the LMS has Lectern's key set URL and these scopes enabled.");
            }
            JsonNode j = JSON.readTree(r.body());
            String value = j.path("access_token").asString(null);
            if (value == null) {
                throw new ServiceError(400, "The LMS's token answer has no access_token.");
            }
            long seconds = j.path("expires_in").asLong(3600);
            tokens.put(key(p, scopes), new Token(value, now.plusSeconds(seconds)));
            return value;
        } catch (IOException e) {
            throw new ServiceError(0, "The LMS token endpoint " + p.authTokenUrl() + " could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceError(0, "Interrupted while asking the LMS for a token.");
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }

    /** The URL of the next page from an RFC 8288 Link header, or null. */
    static String nextLink(HttpResponse<String> r) {
        for (String header : r.headers().allValues("Link")) {
            for (String part : header.split(",")) {
                String[] bits = part.split(";");
                String target = bits[0].strip();
                for (int i = 1; i < bits.length; i++) {
                    String param = bits[i].strip().replace(" ", "");
                    if (param.equalsIgnoreCase("rel=\"next\"") || param.equalsIgnoreCase("rel=next")) {
                        if (target.startsWith("<") && target.endsWith(">")) {
                            return target.substring(1, target.length() - 1);
                        }
                    }
                }
            }
        }
        return null;
    }
}
