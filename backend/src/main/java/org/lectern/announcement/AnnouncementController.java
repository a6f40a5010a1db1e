package org.lectern.announcement;

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

    @PostMapping("/api/v1/courses/{courseId}/announcements")
    @ResponseStatus(HttpStatus.CREATED)
    Announcement post(@PathVariable long courseId, @RequestBody AnnouncementJson body) {
        return service.post(courseId, body.title(), body.body(), body.publishAt());
    }

    /** {@code all=true} (staff): scheduled and dismissed ones too. */
    @GetMapping("/api/v1/courses/{courseId}/announcements")
    List<Announcement> list(@PathVariable long courseId, @RequestParam(defaultValue = "false") boolean all) {
        return all ? service.all(courseId) : service.current(courseId);
    }

    @PostMapping("/api/v1/announcements/{id}/dismiss")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void dismiss(@PathVariable long id) {
        service.dismiss(id);
    }

    @DeleteMapping("/api/v1/announcements/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        service.delete(id);
    }
}
