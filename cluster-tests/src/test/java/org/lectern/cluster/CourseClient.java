package org.lectern.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A course's staff script over the REST API, through the load balancer: a site admin's token, a course with a roster,
 * autograded assignments, and uploads on students' behalf (each answered with its receipt or an error).
 */
final class CourseClient {

    static final String PUBLIC_TEST = """
            import numpy as np
            from submission import relu

            def test_positive():
                assert relu(np.array([1.0, 2.0])).tolist() == [1.0, 2.0]

            def test_negative():
                assert relu(np.array([-1.0])).tolist() == [0.0]
            """;
    static final String PRIVATE_TEST = """
            import numpy as np
            from submission import relu

            def test_matrix():
                assert relu(np.array([[-1.0, 3.0], [0.5, -0.5]])).tolist() == [[0.0, 3.0], [0.5, 0.0]]
            """;

    /**
     * What one upload got: a receipt (submission id and the SHA-256 the server computed) or an error, and when it was
     * sent and answered (epoch millis).
     */
    record Upload(String student, String sha256, long submissionId, String receiptSha256, String error, long sentAt, long answeredAt) {
        boolean acknowledged() {
            return error == null;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    CourseClient(String baseUrl, String email, String password) throws IOException, InterruptedException {
        this.baseUrl = baseUrl;
        this.token = signIn(http, baseUrl, email, password);
    }

    /** An API token for the account (POST /api/v1/tokens), as every client of these tests signs in. */
    static String signIn(HttpClient http, String baseUrl, String email, String password) throws IOException, InterruptedException {
        var r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/tokens")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(email + " could not sign in: " + r.statusCode() + " " + r.body());
        }
        return field(r.body(), "token");
    }

    /** A course with students s1…sN@cluster.lectern (roster CSV, all or nothing); returns the course id. */
    long createCourse(String code, int students) throws IOException, InterruptedException {
        String course = ok(send("POST", "/api/v1/courses", token, "application/json", ("{\"code\":\"" + code
                + "\",\"title\":\"Cluster faults\",\"term\":\"Winter 2026\",\"timeZone\":\"UTC\"}").getBytes(StandardCharsets.UTF_8)));
        long courseId = Long.parseLong(field(course, "id"));
        StringBuilder csv = new StringBuilder("name,email,role,section\n");
        for (int i = 1; i <= students; i++) {
            csv.append("Student ").append(i).append(',').append(student(i)).append(",student,\n");
        }
        ok(send("POST", "/api/v1/courses/" + courseId + "/roster.csv", token, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        return courseId;
    }

    static String student(int i) {
        return "s" + i + "@cluster.lectern";
    }

    /** An autograded assignment (two public tests worth 4, one private worth 6); returns its id. */
    long createAssignment(long courseId, String shortName) throws IOException, InterruptedException {
        String created = ok(send("POST", "/api/v1/courses/" + courseId + "/assignments", token, "application/json", ("""
                {"shortName": "%s", "title": "ReLU in numpy", "releaseAt": "2024-01-01T00:00:00Z",
                 "dueAt": "2099-01-01T00:00:00Z", "points": 10}""".formatted(shortName)).getBytes(StandardCharsets.UTF_8)));
        long id = Long.parseLong(field(created, "id"));
        Multipart m = new Multipart();
        m.file("test_public.py", PUBLIC_TEST.getBytes(StandardCharsets.UTF_8));
        m.file("test_private.py", PRIVATE_TEST.getBytes(StandardCharsets.UTF_8));
        m.field("manifest", "{\"test_public.py\": {\"visibility\": \"public\", \"points\": 4},"
                + " \"test_private.py\": {\"visibility\": \"private\", \"points\": 6}}");
        ok(send("PUT", "/api/v1/assignments/" + id + "/autograder", token, m.contentType(), m.body()));
        return id;
    }

    /** A live model exercise (the course's digits model), answered by whichever pool node claims each request. */
    long createLiveModel(long courseId) throws IOException, InterruptedException {
        String created = ok(send("POST", "/api/v1/courses/" + courseId + "/live-models", token, "application/json",
                "{\"shortName\":\"LIVE-1\",\"title\":\"What does the CNN see?\"}".getBytes(StandardCharsets.UTF_8)));
        return Long.parseLong(field(created, "id"));
    }

    /** Asks a live model about a course-dataset example; the HTTP status (200: answered), or -1 without an answer. */
    int liveAnswer(long liveModelId) {
        try {
            return send("POST", "/api/v1/live-models/" + liveModelId + "/answers", token, "application/json",
                    "{\"sample\":7}".getBytes(StandardCharsets.UTF_8)).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A correct notebook, unique by its comment, so that every upload has bytes of its own. */
    static byte[] notebook(String tag) {
        return notebook(tag, 0);
    }

    /** As {@link #notebook(String)}, taking {@code sleepSeconds} to import: a run that is still going a while later. */
    static byte[] notebook(String tag, int sleepSeconds) {
        String slow = sleepSeconds == 0 ? "" : "import time\\n\", \"time.sleep(" + sleepSeconds + ")\\n\", \"";
        return ("""
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3", "language": "python"}},
                 "cells": [
                  {"cell_type": "code", "metadata": {}, "execution_count": 1, "outputs": [], "source": ["%simport numpy as np\\n", "# %s"]},
                  {"cell_type": "code", "metadata": {}, "execution_count": 2, "outputs": [], "source": ["def relu(x):\\n", "    return np.maximum(x, 0)"]}
                 ]}""".formatted(slow, tag)).getBytes(StandardCharsets.UTF_8);
    }

    /** Uploads a notebook on the student's behalf; never throws: an error is part of the answer. */
    Upload upload(long assignmentId, String student) {
        return upload(assignmentId, student, 0);
    }

    /** As {@link #upload(long, String)}, with a notebook whose import takes {@code sleepSeconds}. */
    Upload upload(long assignmentId, String student, int sleepSeconds) {
        byte[] bytes = notebook(student + " " + UUID.randomUUID(), sleepSeconds);
        String sha = sha256(bytes);
        long sent = System.currentTimeMillis();
        try {
            Multipart m = new Multipart();
            m.file("relu.ipynb", bytes);
            m.field("student", student);
            m.field("reason", "cluster fault scenario");
            var r = send("POST", "/api/v1/assignments/" + assignmentId + "/submissions", token, m.contentType(), m.body());
            if (r.statusCode() != 201) {
                return new Upload(student, sha, 0, null, "HTTP " + r.statusCode(), sent, System.currentTimeMillis());
            }
            return new Upload(student, sha, Long.parseLong(field(r.body(), "submissionId")), field(r.body(), "sha256"), null, sent,
                    System.currentTimeMillis());
        } catch (IOException | RuntimeException e) {
            return new Upload(student, sha, 0, null, e.toString(), sent, System.currentTimeMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Upload(student, sha, 0, null, e.toString(), sent, System.currentTimeMillis());
        }
    }

    /** A GET that must answer 2xx; its body (a path ending .csv is asked for as CSV, any other as JSON). */
    String get(String path) throws IOException, InterruptedException {
        return ok(send("GET", path, token, null, null, path.endsWith(".csv") ? "text/csv" : "application/json"));
    }

    /** A live poll (four choices, the second right) in its draft phase, with the longest rounds; returns its id and code. */
    Poll createPoll(long courseId, String question) throws IOException, InterruptedException {
        String created = ok(send("POST", "/api/v1/courses/" + courseId + "/polls", token, "application/json", ("""
                {"question": "%s", "kind": "CHOICE", "options": ["sigmoid", "ReLU", "tanh", "softmax"], "correct": "1",
                 "thinkSeconds": 1800, "groupSeconds": 1800}""".formatted(question)).getBytes(StandardCharsets.UTF_8)));
        return new Poll(Long.parseLong(field(created, "id")), field(created, "code"));
    }

    record Poll(long id, String code) {
    }

    /** A poll's phase as staff see it (THINK, GROUP, …), or null without an answer. */
    String pollPhase(long pollId) {
        try {
            var r = send("GET", "/api/v1/polls/" + pollId, token, null, null);
            return r.statusCode() == 200 ? field(r.body(), "phase") : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Moves a poll to a phase (think, group, reveal, closed); the HTTP status (200: moved), or -1 without an answer. */
    int phase(long pollId, String phase) {
        try {
            return send("POST", "/api/v1/polls/" + pollId + "/phase", token, "application/json",
                    ("{\"phase\":\"" + phase + "\"}").getBytes(StandardCharsets.UTF_8)).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private HttpResponse<String> send(String method, String path, String bearer, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return send(method, path, bearer, contentType, body, "application/json");
    }

    private HttpResponse<String> send(String method, String path, String bearer, String contentType, byte[] body, String accept)
            throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String ok(HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(r.request().method() + " " + r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return m.group(1);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Multipart {
        private final String boundary = "----cluster" + UUID.randomUUID();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void file(String name, byte[] content) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }

        void field(String name, String value) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] body() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return copy.toByteArray();
        }
    }
}
