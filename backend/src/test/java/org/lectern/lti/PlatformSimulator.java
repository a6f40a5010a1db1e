package org.lectern.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.lectern.testing.UrlEncoded;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An LMS on localhost for tests, speaking LTI 1.3 Advantage as Canvas and Moodle do: its own RSA key and
 * key set, an OIDC auth endpoint answering with an auto-posting form carrying a real signed id_token, a
 * token endpoint that checks Lectern's client assertion against Lectern's /lti/jwks, AGS line items and
 * scores that it records, NRPS memberships in pages, and an LMS-like course page embedding the launch.
 */
public final class PlatformSimulator implements AutoCloseable {

    public static final String CLIENT_ID = "lectern-client-1";
    public static final String DEPLOYMENT = "deployment-1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Who the next launch is, and what it says; tests tweak it. */
    public static final class Launch {
        public String sub = "user-1";
        public String name = "Ada Lovelace";
        public String email = "ada@uni.test";
        public List<String> roles = List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner");
        public String contextId = "course-101";
        public String messageType = "LtiResourceLinkRequest";
        public Map<String, Object> custom = new HashMap<>();
        public String deepLinkReturnUrl;
        /** Last changes to the claims before signing (wrong audience, expired ...). */
        public UnaryOperator<JWTClaimsSet.Builder> tamper = b -> b;
        public boolean signWithRogueKey;
        public String nonceOverride;
    }

    public record Score(String lineItem, JsonNode body, String authorization) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey rogue;
    private final String lecternBase;
    private final HttpClient http = HttpClient.newHttpClient();
    public final String issuer;
    public volatile Launch next = new Launch();
    public final List<String> issuedTokens = new CopyOnWriteArrayList<>();
    public final List<String> tokenProblems = new CopyOnWriteArrayList<>();
    public final List<Score> scores = new CopyOnWriteArrayList<>();
    public final Map<String, ObjectNodeLineItem> lineItems = new ConcurrentHashMap<>();
    public final List<String> lineItemPosts = new CopyOnWriteArrayList<>();
    /** Status codes the next score POSTs answer before succeeding (e.g. 429). */
    public final List<Integer> scoreFailures = Collections.synchronizedList(new ArrayList<>());
    public final AtomicInteger scoreCalls = new AtomicInteger();
    /** NRPS members: each a map of user_id, name, email, roles, status. */
    public volatile List<Map<String, Object>> members = List.of();
    public volatile int membersPerPage = 2;
    /** Deep-linking responses received, verified against Lectern's /lti/jwks (or the reason they were not). */
    public final List<JWTClaimsSet> deepLinks = new CopyOnWriteArrayList<>();
    public final List<String> deepLinkProblems = new CopyOnWriteArrayList<>();
    private final AtomicInteger lineItemIds = new AtomicInteger();

    public record ObjectNodeLineItem(String id, String label, double scoreMaximum, String resourceId, String tag, String endDateTime) {
    }

    public PlatformSimulator(String lecternBase) throws IOException, JOSEException {
        this.lecternBase = lecternBase;
        this.key = new RSAKeyGenerator(2048).keyID("sim-" + UUID.randomUUID()).generate();
        this.rogue = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        this.issuer = "http://localhost:" + server.getAddress().getPort() + "/lms";
        server.createContext("/jwks", ex -> send(ex, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/auth", this::auth);
        server.createContext("/token", this::token);
        server.createContext("/lineitems", this::lineItems);
        server.createContext("/memberships", this::memberships);
        server.createContext("/course", this::coursePage);
        server.createContext("/deep-link-return", this::deepLinkReturn);
        server.start();
    }

    public String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    /** The registration JSON for POST /api/v1/lti/platforms. */
    public String registration() {
        return """
                {"issuer":"%s","clientId":"%s","deploymentIds":["%s"],"authLoginUrl":"%s","authTokenUrl":"%s","keysetUrl":"%s"}"""
                .formatted(issuer, CLIENT_ID, DEPLOYMENT, url("/auth"), url("/token"), url("/jwks"));
    }

    /** The login initiation query a platform sends to /lti/login. */
    public String loginQuery(String loginHint) {
        return "iss=" + enc(issuer) + "&login_hint=" + enc(loginHint) + "&target_link_uri=" + enc(lecternBase + "/lti/launch")
                + "&client_id=" + enc(CLIENT_ID) + "&lti_deployment_id=" + enc(DEPLOYMENT);
    }

    /** The signed id_token for the current {@link #next} launch. */
    public String idToken(String nonce) throws JOSEException {
        Launch l = next;
        String p = "https://purl.imsglobal.org/spec/lti/claim/";
        Instant now = Instant.now();
        var b = new JWTClaimsSet.Builder().issuer(issuer).audience(CLIENT_ID).claim("azp", CLIENT_ID).subject(l.sub)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", l.nonceOverride != null ? l.nonceOverride : nonce)
                .claim("name", l.name).claim("email", l.email)
                .claim(p + "message_type", l.messageType).claim(p + "version", "1.3.0").claim(p + "deployment_id", DEPLOYMENT)
                .claim(p + "target_link_uri", lecternBase + "/lti/launch").claim(p + "roles", l.roles)
                .claim(p + "context", Map.of("id", l.contextId, "label", "CSE493G1", "title", "Deep Learning"))
                .claim(p + "custom", l.custom)
                .claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of("scope", List.of(LtiGrades.SCOPE_LINEITEM,
                        LtiGrades.SCOPE_SCORE, LtiGrades.SCOPE_RESULT_READONLY), "lineitems", url("/lineitems")))
                .claim("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
                        Map.of("context_memberships_url", url("/memberships"), "service_versions", List.of("2.0")));
        if ("LtiResourceLinkRequest".equals(l.messageType)) {
            b.claim(p + "resource_link", Map.of("id", "rl-" + l.contextId, "title", "Lectern"));
        } else {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("deep_link_return_url", l.deepLinkReturnUrl == null ? url("/deep-link-return") : l.deepLinkReturnUrl);
            settings.put("accept_types", List.of("ltiResourceLink"));
            settings.put("accept_presentation_document_targets", List.of("iframe", "window"));
            settings.put("accept_multiple", true);
            settings.put("data", "opaque-data-42");
            b.claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", settings);
        }
        b = l.tamper.apply(b);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), b.build());
        jwt.sign(new RSASSASigner(l.signWithRogueKey ? rogue : key));
        return jwt.serialize();
    }

    private void auth(HttpExchange ex) throws IOException {
        Map<String, String> q = UrlEncoded.parse(ex.getRequestURI().getRawQuery());
        if (!"id_token".equals(q.get("response_type")) || !"form_post".equals(q.get("response_mode")) || !"openid".equals(q.get("scope"))
                || !CLIENT_ID.equals(q.get("client_id")) || !(lecternBase + "/lti/launch").equals(q.get("redirect_uri"))
                || q.get("state") == null || q.get("nonce") == null || q.get("login_hint") == null) {
            send(ex, 400, "text/plain", "bad auth request " + q);
            return;
        }
        try {
            String token = idToken(q.get("nonce"));
            send(ex, 200, "text/html", """
                    <!DOCTYPE html><html><body onload="document.forms[0].submit()"><form method="post" action="%s">
                    <input type="hidden" name="id_token" value="%s"><input type="hidden" name="state" value="%s"></form></body></html>"""
                    .formatted(HtmlUtils.htmlEscape(q.get("redirect_uri")), token, HtmlUtils.htmlEscape(q.get("state"))));
        } catch (JOSEException e) {
            send(ex, 500, "text/plain", e.toString());
        }
    }

    /** The client-credentials grant with Lectern's signed assertion (RFC 7523), checked against Lectern's published keys. */
    private void token(HttpExchange ex) throws IOException {
        Map<String, String> f = UrlEncoded.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
            if (!"client_credentials".equals(f.get("grant_type"))
                    || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(f.get("client_assertion_type"))) {
                throw new IllegalArgumentException("wrong grant " + f);
            }
            SignedJWT a = SignedJWT.parse(f.get("client_assertion"));
            String jwks = http.send(HttpRequest.newBuilder(URI.create(lecternBase + "/lti/jwks")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            RSAKey ours = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(a.getHeader().getKeyID());
            if (ours == null || !a.verify(new RSASSAVerifier(ours))) {
                throw new IllegalArgumentException("assertion signature does not verify against Lectern's /lti/jwks");
            }
            var c = a.getJWTClaimsSet();
            if (!CLIENT_ID.equals(c.getIssuer()) || !CLIENT_ID.equals(c.getSubject()) || !c.getAudience().contains(url("/token"))
                    || c.getExpirationTime().before(new Date()) || c.getJWTID() == null) {
                throw new IllegalArgumentException("assertion claims wrong: " + c);
            }
            String token = "at-" + UUID.randomUUID();
            issuedTokens.add(token + " " + f.get("scope"));
            send(ex, 200, "application/json", JSON.writeValueAsString(Map.of("access_token", token, "token_type", "Bearer",
                    "expires_in", 3600, "scope", f.get("scope"))));
        } catch (Exception e) {
            tokenProblems.add(e.getMessage());
            send(ex, 400, "application/json", "{\"error\":\"invalid_client\"}");
        }
    }

    private void deepLinkReturn(HttpExchange ex) throws IOException {
        Map<String, String> f = UrlEncoded.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
            SignedJWT jwt = SignedJWT.parse(f.get("JWT"));
            String jwks = http.send(HttpRequest.newBuilder(URI.create(lecternBase + "/lti/jwks")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            RSAKey ours = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID());
            if (ours == null || !jwt.verify(new RSASSAVerifier(ours))) {
                throw new IllegalArgumentException("deep-linking response does not verify against Lectern's /lti/jwks");
            }
            var c = jwt.getJWTClaimsSet();
            if (!CLIENT_ID.equals(c.getIssuer()) || !c.getAudience().contains(issuer) || c.getExpirationTime().before(new Date())) {
                throw new IllegalArgumentException("deep-linking response claims wrong: " + c);
            }
            deepLinks.add(c);
            send(ex, 200, "text/html", "<!DOCTYPE html><html><body><p id=\"lms-added\">Added to the course.</p></body></html>");
        } catch (Exception e) {
            deepLinkProblems.add(String.valueOf(e.getMessage()));
            send(ex, 400, "text/plain", "refused: " + e.getMessage());
        }
    }

    private boolean authorized(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        return h != null && issuedTokens.stream().anyMatch(t -> ("Bearer " + t.split(" ")[0]).equals(h));
    }

    private void lineItems(HttpExchange ex) throws IOException {
        if (!authorized(ex)) {
            send(ex, 401, "application/json", "{}");
            return;
        }
        String path = ex.getRequestURI().getPath();
        if (path.endsWith("/scores") && "POST".equals(ex.getRequestMethod())) {
            scoreCalls.incrementAndGet();
            Integer fail = scoreFailures.isEmpty() ? null : scoreFailures.removeFirst();
            if (fail != null) {
                send(ex, fail, "application/json", "{\"error\":\"slow down\"}");
                return;
            }
            if (!"application/vnd.ims.lis.v1.score+json".equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
                send(ex, 415, "text/plain", "score media type");
                return;
            }
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            scores.add(new Score(url(path.substring(0, path.length() - "/scores".length())), body,
                    ex.getRequestHeaders().getFirst("Authorization")));
            send(ex, 200, "application/json", "{}");
            return;
        }
        if ("POST".equals(ex.getRequestMethod())) {
            JsonNode b = JSON.readTree(ex.getRequestBody().readAllBytes());
            String id = url("/lineitems/" + lineItemIds.incrementAndGet());
            var item = new ObjectNodeLineItem(id, b.path("label").asString(), b.path("scoreMaximum").asDouble(),
                    b.path("resourceId").asString(null), b.path("tag").asString(null), b.path("endDateTime").asString(null));
            lineItems.put(id, item);
            lineItemPosts.add(id);
            send(ex, 201, "application/vnd.ims.lis.v2.lineitem+json", JSON.writeValueAsString(item));
            return;
        }
        Map<String, String> q = UrlEncoded.parse(ex.getRequestURI().getRawQuery());
        List<ObjectNodeLineItem> found = lineItems.values().stream()
                .filter(i -> q.get("resource_id") == null || q.get("resource_id").equals(i.resourceId()))
                .filter(i -> q.get("tag") == null || q.get("tag").equals(i.tag())).toList();
        send(ex, 200, "application/vnd.ims.lis.v2.lineitemcontainer+json", JSON.writeValueAsString(found));
    }

    private void memberships(HttpExchange ex) throws IOException {
        if (!authorized(ex)) {
            send(ex, 401, "application/json", "{}");
            return;
        }
        int page = Integer.parseInt(UrlEncoded.parse(ex.getRequestURI().getRawQuery()).getOrDefault("page", "0"));
        List<Map<String, Object>> all = members;
        int from = page * membersPerPage;
        List<Map<String, Object>> slice = all.subList(Math.min(from, all.size()), Math.min(from + membersPerPage, all.size()));
        if (from + membersPerPage < all.size()) {
            ex.getResponseHeaders().add("Link", "<" + url("/memberships?page=" + (page + 1)) + ">; rel=\"next\"");
        }
        send(ex, 200, "application/vnd.ims.lti-nrps.v2.membershipcontainer+json", JSON.writeValueAsString(Map.of(
                "id", url("/memberships"), "context", Map.of("id", next.contextId), "members", slice)));
    }

    /** An LMS course page whose iframe starts a launch, as Canvas's and Moodle's do. */
    private void coursePage(HttpExchange ex) throws IOException {
        send(ex, 200, "text/html", """
                <!DOCTYPE html><html><body><h1>LMS course</h1>
                <iframe id="tool" name="tool" style="width:100%%;height:600px" src="%s"></iframe></body></html>"""
                .formatted(HtmlUtils.htmlEscape(lecternBase + "/lti/login?" + loginQuery(next.sub))));
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
