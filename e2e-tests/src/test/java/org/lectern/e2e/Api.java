package org.lectern.e2e;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The REST API as a course's own scripts use it: set-up steps the browser tests do not need to click through. */
final class Api {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String token;

    Api(String email, String password) throws Exception {
        String body = send("POST", "/api/v1/tokens", null, "application/json",
                ("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").getBytes(StandardCharsets.UTF_8));
        token = field(body, "token");
    }

    String get(String path) throws Exception {
        return send("GET", path, token, null, null);
    }

    String postJson(String path, String json) throws Exception {
        return send("POST", path, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    String delete(String path) throws Exception {
        return send("DELETE", path, token, null, null);
    }

    String putJson(String path, String json) throws Exception {
        return send("PUT", path, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Multipart: file parts keyed by file name, plus plain text fields. */
    String multipart(String method, String path, Map<String, byte[]> files, Map<String, String> fields) throws Exception {
        String boundary = "----e2e" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (var f : files.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(f.getValue());
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        for (var f : fields.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(method, path, token, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    /** The id of the course with this code in a /api/v1/courses answer (other tests may have added courses). */
    static String courseId(String coursesJson, String code) {
        Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"code\":\"" + Pattern.quote(code) + "\"").matcher(coursesJson);
        if (!m.find()) {
            throw new IllegalStateException("No course " + code + " in " + coursesJson);
        }
        return m.group(1);
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return m.group(1);
    }

    private String send(String method, String path, String bearer, String contentType, byte[] body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(LecternServer.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
