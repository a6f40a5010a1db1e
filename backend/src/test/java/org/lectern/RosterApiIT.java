package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What the roster page does, by script: one person added, re-roled and removed, and the roster CSV previewed then applied. */
@BackendTest
class RosterApiIT {

    @LocalServerPort int port;
    @Autowired Coursework coursework;
    RestCalls rest;

    @BeforeEach
    void connect() {
        rest = new RestCalls(port);
    }

    HttpResponse<String> send(String method, String path, String token, String type, String body) throws Exception {
        return rest.send(method, path, token, type, body);
    }

    @Test
    void oneByOneAddChangeAndRemove() throws Exception {
        var s = coursework.setup(false);
        String instructor = rest.token(s.instructor());
        String ta = rest.token(s.ta());
        String base = "/api/v1/courses/" + s.courseId();

        var added = send("POST", base + "/members", instructor, "application/json",
                "{\"name\":\"Grace Hopper\",\"email\":\"Grace.Hopper@uni.edu\",\"role\":\"ta\",\"section\":\"AB\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode grace = RestCalls.json(added.body());
        assertThat(grace.get("email").asString()).isEqualTo("grace.hopper@uni.edu");
        assertThat(grace.get("role").asString()).isEqualTo("ta");
        long id = grace.get("id").asLong();

        var changed = send("PUT", base + "/members/" + id, instructor, "application/json", "{\"role\":\"student\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(RestCalls.json(changed.body()).get("role").asString()).isEqualTo("student");
        assertThat(RestCalls.json(changed.body()).get("section").asString()).isEqualTo("AB");

        assertThat(send("PUT", base + "/members/" + id, instructor, "application/json", "{\"role\":\"dean\"}").statusCode()).isEqualTo(400);
        assertThat(send("PUT", base + "/members/" + id, ta, "application/json", "{\"role\":\"ta\"}").statusCode()).isEqualTo(403);
        assertThat(send("DELETE", base + "/members/" + id, ta, null, null).statusCode()).isEqualTo(403);
        // the only instructor stays one
        var demote = send("PUT", base + "/members/" + s.instructor().id(), instructor, "application/json", "{\"role\":\"ta\"}");
        assertThat(demote.statusCode()).isEqualTo(400);

        assertThat(send("DELETE", base + "/members/" + id, instructor, null, null).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", base + "/members/" + id, instructor, null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", base + "/roster", instructor, null, null).body()).doesNotContain("grace.hopper@uni.edu");
    }

    @Test
    void theRosterCsvIsPreviewedThenAppliedAllOrNothing() throws Exception {
        var s = coursework.setup(false);
        String instructor = rest.token(s.instructor());
        String base = "/api/v1/courses/" + s.courseId();
        String bad = "Name,Email,Login ID,Role\nAda Lovelace,ada@uni.edu,adal,Student\nNo Mail,not-an-email,nom,Student\n";
        var refused = send("POST", base + "/roster.csv", instructor, "text/csv", bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode r = RestCalls.json(refused.body());
        assertThat(r.get("saved").asBoolean()).isFalse();
        assertThat(r.get("lines").get(1).get("problems").toString()).contains("not-an-email");
        assertThat(send("GET", base + "/roster", instructor, null, null).body()).doesNotContain("ada@uni.edu");

        String good = "Name,Email,Login ID,Role,Section\nAda Lovelace,ada@uni.edu,adal,Student,AA\n";
        var preview = send("POST", base + "/roster.csv?preview=true", instructor, "text/csv", good);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode p = RestCalls.json(preview.body());
        assertThat(p.get("saved").asBoolean()).isFalse();
        assertThat(p.get("lines").get(0).get("login").asString()).isEqualTo("adal");
        assertThat(send("GET", base + "/roster", instructor, null, null).body()).doesNotContain("ada@uni.edu");

        var applied = send("POST", base + "/roster.csv", instructor, "text/csv", good);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(RestCalls.json(applied.body()).get("saved").asBoolean()).isTrue();
        assertThat(send("GET", base + "/roster", instructor, null, null).body()).contains("ada@uni.edu");
        assertThat(send("POST", base + "/roster.csv", rest.token(s.ta()), "text/csv", good).statusCode()).isEqualTo(403);
    }
}
