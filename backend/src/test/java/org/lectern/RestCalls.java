package org.lectern;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.lectern.identity.Account;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the backend test server: an API token per account, requests with a bearer token. */
public final class RestCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    public RestCalls(int port) {
        this.port = port;
    }

    /** A request; a null token sends none, a null content type sends no Content-Type header, a null body none. */
    public HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(String method, String path, String token, String contentType, String body) throws Exception {
        return send(method, path, token, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs the account in (password {@link People#PASSWORD}) and returns its API token. */
    public String token(Account a) throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/tokens", null, "application/json",
                "{\"email\":\"" + a.email() + "\",\"password\":\"" + People.PASSWORD + "\"}");
        if (r.statusCode() != 201) {
            throw new AssertionError("signing in " + a.email() + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).get("token").asString();
    }

    /** The body as JSON, or null when it is empty. */
    public static JsonNode json(String body) {
        return body == null || body.isEmpty() ? null : JSON.readTree(body);
    }
}
