package org.lectern.announcement;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST: course announcements. */
@RestController
class AnnouncementController {

    record AnnouncementJson(String title, String body, Instant publishAt) {
    }

    private final AnnouncementService service;

    AnnouncementController(AnnouncementService service) {
        this.service = service;
    }

    @Operation(summary = "Post an announcement now or at a set time (staff)")
    @PostMapping("/api/v1/courses/{courseId}/announcements")
    @ResponseStatus(HttpStatus.CREATED)
    Announcement post(@PathVariable long courseId, @RequestBody AnnouncementJson body) {
        return service.post(courseId, body.title(), body.body(), body.publishAt());
    }

    /** {@code all=true} (staff): scheduled and dismissed ones too. */
    @Operation(summary = "Current announcements for the caller (staff: all=true for scheduled and dismissed ones)")
    @GetMapping("/api/v1/courses/{courseId}/announcements")
    List<Announcement> list(@PathVariable long courseId, @RequestParam(defaultValue = "false") boolean all) {
        return all ? service.all(courseId) : service.current(courseId);
    }

    @Operation(summary = "Dismiss an announcement for the caller")
    @PostMapping("/api/v1/announcements/{id}/dismiss")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void dismiss(@PathVariable long id) {
        service.dismiss(id);
    }

    @Operation(summary = "Delete an announcement (staff)")
    @DeleteMapping("/api/v1/announcements/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        service.delete(id);
    }
}
