package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.course.CourseService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Canvas both ways, through the API on the real database: a roster names NetID logins, Canvas's own gradebook export
 * (layout as in CanvasScoreSheetTest) imports as it is and links the course's items and students to Canvas once, and
 * from then on the Canvas export carries Canvas's ids and the logins, and a later Canvas export finds students by id.
 */
@BackendTest
class CanvasRoundTripIT {

    @LocalServerPort int port;
    @Autowired Coursework coursework;
    @Autowired CourseService courses;
    RestCalls rest;

    @BeforeEach
    void connect() {
        rest = new RestCalls(port);
    }

    @Test
    void aCanvasExportReadOnceLinksTheCourseAndTheExportLandsInCanvasAssignments() throws Exception {
        var s = coursework.setup(false);
        String ta = rest.token(s.ta());
        String base = "/api/v1/courses/" + s.courseId();
        People.as(s.instructor(), () -> courses.importRoster(s.courseId(),
                "Name,Email,Login ID,SIS User ID,Role\nStu," + s.student().email() + ",stunet,1921337,Student\n"
                        + "Oth," + s.otherStudent().email() + ",othnet,1921338,Student\n"));

        String before = rest.send("GET", base + "/gradebook-canvas.csv", ta, null, (String) null).body();
        assertThat(before.lines().findFirst().orElseThrow()).startsWith("Student,ID,SIS User ID,SIS Login ID,Section,")
                .contains(",quiz1,quiz2,");
        assertThat(before).contains(",,1921337,stunet,");

        String canvasExport = "Student,ID,SIS User ID,SIS Login ID,Section,quiz1 (88012),quiz2 (88013),Midterm (88020),"
                + "Current Score,Unposted Current Score,Final Score\n"
                + "    Points Possible,,,,,10.00,10.00,40.00,(read only),(read only),(read only)\n"
                + ",,,,,Manual Posting,,,,,\n"
                + "\"Student, Test\",104500,,9a8b7c,,5,,,,,\n"
                + "Stu,104417,1921337,stunet,CW,8,9,30,85,85,70\n"
                + "Oth,104418,1921338,othnet,CW,EX,,,,,\n";
        HttpResponse<String> imported = rest.send("POST", base + "/scores.csv", ta, "text/csv", canvasExport);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(RestCalls.json(imported.body()).get("scores").asInt()).isEqualTo(3);
        assertThat(imported.body()).contains("Midterm (88020)").contains("test student");

        String after = rest.send("GET", base + "/gradebook-canvas.csv", ta, null, (String) null).body();
        assertThat(after.lines().findFirst().orElseThrow()).contains(",quiz1 (88012),quiz2 (88013),").contains(",quiz3,")
                .doesNotContain("Midterm");
        assertThat(after).contains(",104417,1921337,stunet,").contains(",104418,1921338,othnet,");

        // A later Canvas export without logins: the Canvas ids now name the students.
        HttpResponse<String> byId = rest.send("POST", base + "/scores.csv", ta, "text/csv",
                "Student,ID,quiz1 (88012)\nStu,104417,10\n");
        assertThat(byId.statusCode()).as(byId.body()).isEqualTo(200);
        String gradebook = rest.send("GET", base + "/gradebook", ta, null, (String) null).body();
        assertThat(RestCalls.json(gradebook).get("students").toString()).contains("\"quiz1\":{\"score\":10");
    }

    @Test
    void aStudentCannotReadTheCanvasExportNorImportOne() throws Exception {
        var s = coursework.setup(false);
        String student = rest.token(s.student());
        String base = "/api/v1/courses/" + s.courseId();
        assertThat(rest.send("GET", base + "/gradebook-canvas.csv", student, null, (String) null).statusCode()).isEqualTo(403);
        assertThat(rest.send("POST", base + "/scores.csv", student, "text/csv", "Student,ID,quiz1 (1)\nStu,1,10\n").statusCode())
                .isEqualTo(403);
    }
}
