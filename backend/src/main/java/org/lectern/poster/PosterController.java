package org.lectern.poster;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST: poster sessions (members see them; staff place teams and score; peers score where the session lets them). */
@RestController
class PosterController {

    record NewSlot(Long teamId, String board) {
    }

    /** Rubric item ids applied per question id, and a comment. */
    record Sheet(Map<Long, List<Long>> applied, String comment) {
    }

    private final PosterService posters;

    PosterController(PosterService posters) {
        this.posters = posters;
    }

    @Operation(summary = "Create a poster session for a poster item with written questions (instructors)")
    @PostMapping("/api/v1/courses/{courseId}/poster-sessions")
    @ResponseStatus(HttpStatus.CREATED)
    PosterSession create(@PathVariable long courseId, @RequestBody PosterDraft draft) {
        return posters.create(courseId, draft);
    }

    @Operation(summary = "The course's poster sessions with their slots (members; scores for staff only)")
    @GetMapping("/api/v1/courses/{courseId}/poster-sessions")
    List<PosterSession> sessions(@PathVariable long courseId) {
        return posters.sessions(courseId);
    }

    @Operation(summary = "One poster session with its slots (members; scores for staff only)")
    @GetMapping("/api/v1/poster-sessions/{sessionId}")
    PosterSession session(@PathVariable long sessionId) {
        return posters.session(sessionId);
    }

    @Operation(summary = "Give a team's poster the session's next slot (staff)")
    @org.lectern.platform.api.ApiConflict("the team already has a slot in this session")
    @PostMapping("/api/v1/poster-sessions/{sessionId}/slots")
    PosterSession addSlot(@PathVariable long sessionId, @RequestBody NewSlot slot) {
        return posters.addSlot(sessionId, slot.teamId() == null ? -1 : slot.teamId(), slot.board());
    }

    @Operation(summary = "The caller's scoring sheet for a team's poster: the rubric and what they applied (staff; peers where allowed)")
    @GetMapping("/api/v1/poster-sessions/{sessionId}/teams/{teamId}/score")
    PosterSheet sheet(@PathVariable long sessionId, @PathVariable long teamId) {
        return posters.sheet(sessionId, teamId);
    }

    @Operation(summary = "Save the caller's scoring sheet for a team's poster; the poster's score goes to the gradebook (staff; peers where allowed)")
    @PutMapping("/api/v1/poster-sessions/{sessionId}/teams/{teamId}/score")
    PosterSheet score(@PathVariable long sessionId, @PathVariable long teamId, @RequestBody Sheet sheet) {
        return posters.score(sessionId, teamId, sheet.applied(), sheet.comment());
    }
}
