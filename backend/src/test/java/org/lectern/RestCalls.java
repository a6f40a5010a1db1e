package org.lectern;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
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

    /**
     * An answer: its status, its body as sent, and {@code Retry-After}. {@link #body()} is the body as JSON (null when
     * it is empty or not JSON).
     */
    public record Reply(int status, String raw, String retryAfter) {
        public static Reply of(HttpResponse<String> r) {
            return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null));
        }

        public JsonNode body() {
            try {
                return RestCalls.json(raw);
            } catch (RuntimeException notJson) {
                return null;
            }
        }

        public JsonNode json() {
            return body();
        }
    }

    /** A part of a multipart body: a text field when {@code fileName} is null, else a file. */
    public record Part(String name, String fileName, byte[] content) {
        public static Part text(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A request with a JSON body (or none). */
    public Reply call(String method, String path, String token, String json) throws Exception {
        return Reply.of(send(method, path, token, json == null ? null : "application/json", json));
    }

    /** A request with a body of this type (or none). */
    public Reply call(String method, String path, String token, String contentType, String body) throws Exception {
        return Reply.of(send(method, path, token, contentType, body));
    }

    public Reply multipart(String method, String path, String token, List<Part> parts) throws Exception {
        String boundary = "----lectern" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                    + (p.fileName() == null ? "" : "; filename=\"" + p.fileName() + "\"") + "\r\n"
                    + (p.fileName() == null ? "" : "Content-Type: application/octet-stream\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(p.content());
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return Reply.of(send(method, path, token, "multipart/form-data; boundary=" + boundary, out.toByteArray()));
    }

    /** The body as JSON, or null when it is empty. */
    public static JsonNode json(String body) {
        return body == null || body.isEmpty() ? null : JSON.readTree(body);
    }
}
