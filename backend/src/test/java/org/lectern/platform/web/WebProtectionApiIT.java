package org.lectern.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.RestCalls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP: API answers (a 200, a 401) carry the security headers; a JSON body over the cap is refused
 * with a JSON 413 whether it declares its length or streams it chunked; an upload over the multipart cap too.
 */
@BackendTest
class WebProtectionApiIT {

    @LocalServerPort int port;
    @Autowired Coursework coursework;

    @Test
    void apiAnswersCarryTheSecurityHeaders() throws Exception {
        var s = coursework.setup(false);
        RestCalls rest = new RestCalls(port);
        for (HttpResponse<String> r : java.util.List.of(rest.send("GET", "/api/v1/courses", rest.token(s.student()), null, (byte[]) null),
                rest.send("GET", "/api/v1/courses", null, null, (byte[]) null))) {
            assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString().contains("frame-ancestors 'self'");
            assertThat(r.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
            // X-Frame-Options cannot name an LMS: SAMEORIGIN while only our own pages may frame us, absent once a
            // registered platform (or lectern.web.frame-ancestors) may, so that it never contradicts the CSP.
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            if (csp.endsWith("frame-ancestors 'self'")) {
                assertThat(r.headers().allValues("X-Frame-Options")).containsExactly("SAMEORIGIN");
            } else {
                assertThat(r.headers().allValues("X-Frame-Options")).isEmpty();
            }
        }
    }

    @Test
    void aJsonBodyOverTheCapIsRefusedWith413() throws Exception {
        var s = coursework.setup(false);
        RestCalls rest = new RestCalls(port);
        String token = rest.token(s.instructor());
        String path = "/api/v1/courses/" + s.courseId() + "/polls";
        String big = "{\"question\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"kind\":\"NUMBER\",\"correct\":\"4\"}";

        HttpResponse<String> declared = rest.send("POST", path, token, "application/json", big);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(RestCalls.json(declared.body()).get("error").asString()).isEqualTo("payload_too_large");
        assertThat(RestCalls.json(declared.body()).get("detail").asString()).contains("larger than 1 MB");

        // No Content-Length: the body is counted as it is read.
        byte[] bytes = big.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(RestCalls.json(chunked.body()).get("error").asString()).isEqualTo("payload_too_large");

        assertThat(rest.send("POST", path, token, "application/json", "{\"question\":\"Width?\",\"kind\":\"NUMBER\",\"correct\":\"4\"}")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void anUploadOverTheMultipartCapIsRefusedWith413() throws Exception {
        var s = coursework.setup(false);
        RestCalls rest = new RestCalls(port);
        String boundary = "----limit";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.ipynb\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes();
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
        byte[] body = new byte[head.length + 61 * 1024 * 1024 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        HttpResponse<String> r = rest.send("POST", "/api/v1/assignments/" + s.assignment().id() + "/submissions", rest.token(s.student()),
                "multipart/form-data; boundary=" + boundary, body);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(RestCalls.json(r.body()).get("error").asString()).isEqualTo("payload_too_large");
    }
}
