package org.lectern.testing;

import com.nimbusds.jose.JOSEObjectType;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider speaking the real protocol for the backend and browser tests: discovery document, key set, an authorization
 * endpoint that signs in {@link #next} at once and redirects back with a code, and a token endpoint that checks the
 * client's secret and the code and returns an RS256-signed id_token. {@link #next} also lets a test make the provider
 * misbehave (wrong issuer, wrong audience, an unverified address).
 */
public final class OidcProvider implements AutoCloseable {

    /** Who the next authorization signs in, and how the token about them is made. */
    public static final class Next {
        public volatile String email = "someone@uni.test";
        public volatile Object emailVerified = Boolean.TRUE;
        public volatile String issuer;        // null: the provider's own
        public volatile String audience;      // null: the client id
    }

    public final Next next = new Next();
    final String clientId;
    final String clientSecret;
    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();

    public OidcProvider(int port, String clientId, String clientSecret) throws Exception {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/idp/.well-known/openid-configuration", ex -> json(ex, 200, discovery()));
        server.createContext("/idp/jwks", ex -> json(ex, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/idp/authorize", this::authorize);
        server.createContext("/idp/token", this::token);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/idp";
    }

    private String discovery() {
        String i = issuer();
        return """
                {"issuer":"%s","authorization_endpoint":"%s/authorize","token_endpoint":"%s/token","jwks_uri":"%s/jwks",
                 "response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","email","profile"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"]}""".formatted(i, i, i, i);
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = UrlEncoded.parse(ex.getRequestURI().getRawQuery());
        if (!clientId.equals(q.get("client_id")) || !"code".equals(q.get("response_type")) || q.get("redirect_uri") == null) {
            json(ex, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        Map<String, String> grant = new HashMap<>(q);
        codes.put(code, grant);
        String location = q.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> f = UrlEncoded.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = ex.getRequestHeaders().getFirst("Authorization");
        boolean clientOk = basic != null && basic.equals("Basic " + Base64.getEncoder().encodeToString(
                (URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8)))
                || (clientId.equals(f.get("client_id")) && clientSecret.equals(f.get("client_secret")));
        Map<String, String> grant = codes.remove(f.getOrDefault("code", ""));
        if (!clientOk) {
            json(ex, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (grant == null || !"authorization_code".equals(f.get("grant_type")) || !grant.get("redirect_uri").equals(f.get("redirect_uri"))) {
            json(ex, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            Instant now = Instant.now();
            var claims = new JWTClaimsSet.Builder()
                    .issuer(next.issuer != null ? next.issuer : issuer())
                    .subject("sub-" + next.email)
                    .audience(List.of(next.audience != null ? next.audience : clientId))
                    .issueTime(java.util.Date.from(now))
                    .expirationTime(java.util.Date.from(now.plusSeconds(300)))
                    .claim("nonce", grant.get("nonce"))
                    .claim("email", next.email)
                    .claim("email_verified", next.emailVerified)
                    .claim("name", "Test Person")
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            json(ex, 200, "{\"access_token\":\"at-" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                    + "\"scope\":\"openid email profile\",\"id_token\":\"" + jwt.serialize() + "\"}");
        } catch (Exception e) {
            json(ex, 500, "{\"error\":\"server_error\"}");
        }
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
