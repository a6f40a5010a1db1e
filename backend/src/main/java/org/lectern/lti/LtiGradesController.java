package org.lectern.lti;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Grade passback for staff: republish, and what was sent with each error in words (JSON and a page). */
@RestController
class LtiGradesController {

    private final LtiGrades grades;

    LtiGradesController(LtiGrades grades) {
        this.grades = grades;
    }

    @Operation(summary = "Send an item's released scores to the LMS again (staff)")
    @PostMapping("/api/v1/assignments/{assignmentId}/lti/sync")
    ResponseEntity<Map<String, Object>> syncAssignment(@PathVariable long assignmentId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("queued", grades.syncAssignment(assignmentId)));
    }

    @Operation(summary = "Send the course's released scores to the LMS again (staff)")
    @PostMapping("/api/v1/courses/{courseId}/lti/sync")
    ResponseEntity<Map<String, Object>> syncCourse(@PathVariable long courseId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("queued", grades.syncCourse(courseId)));
    }

    @Operation(summary = "What was sent to the LMS, when, and each error (staff)")
    @GetMapping("/api/v1/courses/{courseId}/lti/sync")
    List<LtiGrades.Sent> history(@PathVariable long courseId, @RequestParam(required = false) String item) {
        return grades.history(courseId, item);
    }

    @Operation(summary = "What was sent to the LMS for one item (staff)")
    @GetMapping("/api/v1/assignments/{assignmentId}/lti/sync")
    List<LtiGrades.Sent> assignmentHistory(@PathVariable long assignmentId) {
        var a = grades.assignment(assignmentId);
        return grades.history(a.courseId(), a.shortName());
    }

    /** The sync page (signed-in staff, e.g. inside the LMS frame after a launch). */
    @GetMapping("/lti/courses/{courseId}/sync")
    ResponseEntity<String> page(@PathVariable long courseId, @RequestParam(required = false) String item) {
        List<LtiGrades.Sent> sent = grades.history(courseId, item);
        StringBuilder b = new StringBuilder("<p>Scores Lectern sends to the LMS gradebook: only released ones, again when they change.</p>");
        if (sent.isEmpty()) {
            b.append("<p>Nothing sent yet.</p>");
        } else {
            b.append("<table id=\"sync\"><tr><th>Item</th><th>Student</th><th>Score</th><th>Status</th><th>Queued</th><th>Sent</th>"
                    + "<th>Tries</th><th>Problem</th></tr>");
            for (var s : sent) {
                b.append("<tr><td>").append(Html.esc(s.itemKey())).append("</td><td>").append(Html.esc(s.student())).append("</td><td>")
                        .append(s.score().stripTrailingZeros().toPlainString()).append(" / ").append(s.scoreMaximum().stripTrailingZeros()
                                .toPlainString()).append("</td><td>").append(s.status()).append("</td><td>").append(s.queuedAt())
                        .append("</td><td>").append(s.sentAt() == null ? "" : s.sentAt()).append("</td><td>").append(s.attempts())
                        .append("</td><td>").append(Html.esc(s.error())).append("</td></tr>");
            }
            b.append("</table>");
        }
        return LtiController.html(HttpStatus.OK, Html.page("LMS grade sync", b.toString()));
    }
}
