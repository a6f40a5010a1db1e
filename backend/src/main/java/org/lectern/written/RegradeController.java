package org.lectern.written;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST: regrade requests on written questions. */
@RestController
class RegradeController {

    record ReasonJson(String reason) {
    }

    record AnswerJson(String answer) {
    }

    private final RegradeService service;

    RegradeController(RegradeService service) {
        this.service = service;
    }

    @Operation(summary = "Set when regrade requests open and close for the assignment (instructors)")
    @PutMapping("/api/v1/assignments/{assignmentId}/regrade-window")
    RegradeService.Window window(@PathVariable long assignmentId, @RequestBody RegradeService.Window body) {
        return service.setWindow(assignmentId, body);
    }

    @Operation(summary = "Ask for a regrade of a released written question, with a reason (students)")
    @PostMapping("/api/v1/written-questions/{writtenQuestionId}/regrade-requests")
    @ResponseStatus(HttpStatus.CREATED)
    RegradeRequest request(@PathVariable long writtenQuestionId, @RequestBody ReasonJson body) {
        return service.request(writtenQuestionId, body.reason());
    }

    @Operation(summary = "Regrade requests: the caller's own (students) or all (staff)")
    @GetMapping("/api/v1/assignments/{assignmentId}/regrade-requests")
    List<RegradeRequest> requests(@PathVariable long assignmentId) {
        return service.requests(assignmentId);
    }

    @Operation(summary = "Answer a regrade request with a note (staff)")
    @PostMapping("/api/v1/regrade-requests/{regradeRequestId}/answer")
    RegradeRequest answer(@PathVariable long regradeRequestId, @RequestBody AnswerJson body) {
        return service.answer(regradeRequestId, body.answer());
    }
}
