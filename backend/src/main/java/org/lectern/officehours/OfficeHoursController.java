package org.lectern.officehours;

import io.swagger.v3.oas.annotations.Operation;
import org.lectern.platform.api.ApiConflict;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST: the office-hours queue; the queue page calls the same service. */
@RestController
class OfficeHoursController {

    record OpenJson(String location, Instant endsAt) {
    }

    record JoinJson(String topic, Boolean privateTopic) {
    }

    record FinishJson(Boolean helped) {
    }

    private final OfficeHoursService service;

    OfficeHoursController(OfficeHoursService service) {
        this.service = service;
    }

    @Operation(summary = "Open an office-hours session (staff)")
    @PostMapping("/api/v1/courses/{courseId}/office-hours")
    @ResponseStatus(HttpStatus.CREATED)
    OfficeHoursSession open(@PathVariable long courseId, @RequestBody OpenJson body) {
        return service.open(courseId, body.location(), body.endsAt());
    }

    @Operation(summary = "List the course's office-hours sessions")
    @GetMapping("/api/v1/courses/{courseId}/office-hours")
    List<OfficeHoursSession> sessions(@PathVariable long courseId) {
        return service.sessions(courseId);
    }

    @Operation(summary = "Waits, students helped per TA and history (staff)")
    @GetMapping("/api/v1/courses/{courseId}/office-hours/figures")
    OfficeHoursFigures figures(@PathVariable long courseId) {
        return service.figures(courseId);
    }

    @Operation(summary = "The office-hours queue as the caller may see it")
    @GetMapping("/api/v1/office-hours/{sessionId}")
    QueueView queue(@PathVariable long sessionId) {
        return service.queue(sessionId);
    }

    @Operation(summary = "Join the office-hours queue with a topic")
    @ApiConflict("Already in this queue, or the session is closed")
    @PostMapping("/api/v1/office-hours/{sessionId}/join")
    QueueView join(@PathVariable long sessionId, @RequestBody JoinJson body) {
        return service.join(sessionId, body.topic(), Boolean.TRUE.equals(body.privateTopic()));
    }

    @Operation(summary = "Leave the office-hours queue")
    @ApiConflict("The caller is not waiting in this queue")
    @PostMapping("/api/v1/office-hours/{sessionId}/leave")
    QueueView leave(@PathVariable long sessionId) {
        service.leave(sessionId);
        return service.queue(sessionId);
    }

    @Operation(summary = "Take the next student in the queue (staff)")
    @ApiConflict("Nobody is waiting")
    @PostMapping("/api/v1/office-hours/{sessionId}/next")
    QueueEntry next(@PathVariable long sessionId) {
        return service.takeNext(sessionId);
    }

    @Operation(summary = "Close an office-hours session (staff)")
    @PostMapping("/api/v1/office-hours/{sessionId}/close")
    QueueView close(@PathVariable long sessionId) {
        service.close(sessionId);
        return service.queue(sessionId);
    }

    @Operation(summary = "Finish a queue entry: helped or absent (staff)")
    @ApiConflict("This student's turn has already ended")
    @PostMapping("/api/v1/office-hours/entries/{entryId}/finish")
    void finish(@PathVariable long entryId, @RequestBody FinishJson body) {
        service.finish(entryId, !Boolean.FALSE.equals(body.helped()));
    }
}
