package org.lectern.paper;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
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

/** REST: the reading list, presentations (claims, roles, timer, grades) and weekly reviews. */
@RestController
class PaperController {

    record Assignment(Long teamId) {
    }

    record Cast(Integer position, Long accountId) {
    }

    record Grade(BigDecimal score, String comment) {
    }

    record StartRole(Integer position) {
    }

    record Roles(List<PaperRole> roles) {
    }

    private final PaperService papers;
    private final PaperReviewService reviews;

    PaperController(PaperService papers, PaperReviewService reviews) {
        this.papers = papers;
        this.reviews = reviews;
    }

    @Operation(summary = "The course's reading list: papers, their lectures and presenting groups (members)")
    @GetMapping("/api/v1/courses/{courseId}/papers")
    List<Paper> papers(@PathVariable long courseId) {
        return papers.papers(courseId);
    }

    @Operation(summary = "Add a paper to the reading list (staff)")
    @PostMapping("/api/v1/courses/{courseId}/papers")
    @ResponseStatus(HttpStatus.CREATED)
    Paper create(@PathVariable long courseId, @RequestBody PaperDraft body) {
        return papers.create(courseId, body);
    }

    @Operation(summary = "The presentation roles and their minutes (members)")
    @GetMapping("/api/v1/courses/{courseId}/paper-roles")
    List<PaperRole> roles(@PathVariable long courseId) {
        return papers.roles(courseId);
    }

    /** {"roles": [{"name": "Overview", "minutes": 14}, ...]}: an object, so that any body reaches the role check. */
    @Operation(summary = "Set the presentation roles and their minutes (instructors)")
    @PutMapping("/api/v1/courses/{courseId}/paper-roles")
    List<PaperRole> setRoles(@PathVariable long courseId, @RequestBody Roles body) {
        return papers.setRoles(courseId, body == null ? null : body.roles());
    }

    @Operation(summary = "One paper with its group and who plays each role (members)")
    @GetMapping("/api/v1/papers/{paperId}")
    Paper paper(@PathVariable long paperId) {
        return papers.paper(paperId);
    }

    @Operation(summary = "Claim the paper for the caller's team (students in a team)")
    @PostMapping("/api/v1/papers/{paperId}/claim")
    Paper claim(@PathVariable long paperId) {
        return papers.claim(paperId);
    }

    @Operation(summary = "Assign the paper to a team, or unassign it (staff)")
    @PutMapping("/api/v1/papers/{paperId}/team")
    Paper assign(@PathVariable long paperId, @RequestBody Assignment body) {
        return papers.assign(paperId, body == null ? null : body.teamId());
    }

    @Operation(summary = "Say who plays each role (the presenting team's members, staff)")
    @PutMapping("/api/v1/papers/{paperId}/roles")
    Paper cast(@PathVariable long paperId, @RequestBody Cast body) {
        return papers.cast(paperId, body == null ? null : body.position(), body == null ? null : body.accountId());
    }

    @Operation(summary = "The score and comment per role (the presenting team, staff)")
    @GetMapping("/api/v1/papers/{paperId}/grades")
    List<RoleGrade> grades(@PathVariable long paperId) {
        return papers.grades(paperId);
    }

    @Operation(summary = "Grade one role of a presentation (staff)")
    @PutMapping("/api/v1/papers/{paperId}/grades/{position}")
    RoleGrade gradeRole(@PathVariable long paperId, @PathVariable int position, @RequestBody Grade body) {
        return papers.gradeRole(paperId, position, body == null ? null : body.score(), body == null ? null : body.comment());
    }

    /** The timer: {"timer": null} before it starts. */
    @Operation(summary = "The presenter's timer: the current role and its time left (members)")
    @GetMapping("/api/v1/papers/{paperId}/timer")
    Map<String, PaperService.Timer> timer(@PathVariable long paperId) {
        return java.util.Collections.singletonMap("timer", papers.timer(paperId).orElse(null));
    }

    @Operation(summary = "Start the presenter's timer, at a role if given (presenting team, staff)")
    @PostMapping("/api/v1/papers/{paperId}/timer/start")
    PaperService.Timer start(@PathVariable long paperId, @RequestBody(required = false) StartRole body) {
        return papers.startRole(paperId, body == null ? null : body.position());
    }

    @Operation(summary = "Pause the presenter's timer (presenting team, staff)")
    @PostMapping("/api/v1/papers/{paperId}/timer/pause")
    PaperService.Timer pause(@PathVariable long paperId) {
        return papers.pause(paperId);
    }

    @Operation(summary = "Resume the presenter's timer (presenting team, staff)")
    @PostMapping("/api/v1/papers/{paperId}/timer/resume")
    PaperService.Timer resume(@PathVariable long paperId) {
        return papers.resume(paperId);
    }

    @Operation(summary = "Move the presenter's timer to the next role (presenting team, staff)")
    @PostMapping("/api/v1/papers/{paperId}/timer/next")
    Map<String, PaperService.Timer> next(@PathVariable long paperId) {
        return java.util.Collections.singletonMap("timer", papers.next(paperId).orElse(null));
    }

    @Operation(summary = "The caller's own weekly review of the paper (students)")
    @GetMapping("/api/v1/papers/{paperId}/review")
    Map<String, Review> myReview(@PathVariable long paperId) {
        return java.util.Collections.singletonMap("review", reviews.mine(paperId).orElse(null));
    }

    @Operation(summary = "Write or change the caller's weekly review before the paper's lecture (students)")
    @PutMapping("/api/v1/papers/{paperId}/review")
    Review submit(@PathVariable long paperId, @RequestBody ReviewDraft body) {
        return reviews.submit(paperId, body);
    }

    @Operation(summary = "Every student's review of the paper (staff)")
    @GetMapping("/api/v1/papers/{paperId}/reviews")
    List<Review> reviews(@PathVariable long paperId) {
        return reviews.reviews(paperId);
    }

    @Operation(summary = "Grade a student's review (staff)")
    @PutMapping("/api/v1/papers/{paperId}/reviews/{accountId}/grade")
    Review gradeReview(@PathVariable long paperId, @PathVariable long accountId, @RequestBody Grade body) {
        return reviews.grade(paperId, accountId, body == null ? null : body.score(), body == null ? null : body.comment());
    }

    @Operation(summary = "The reviews' questions for discussion, without names (presenting team, staff)")
    @GetMapping("/api/v1/papers/{paperId}/questions")
    List<String> questions(@PathVariable long paperId) {
        return reviews.questions(paperId);
    }
}
