package org.lectern.poll;

import io.swagger.v3.oas.annotations.Operation;
import org.lectern.platform.api.ApiConflict;
import java.util.List;
import java.util.Locale;
import org.lectern.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST: live polls, for clicker scripts and the LMS; the browser pages call the same service. */
@RestController
class PollController {

    record PhaseJson(String phase) {
    }

    record VoteJson(String answer) {
    }

    private final PollService polls;

    PollController(PollService polls) {
        this.polls = polls;
    }

    @Operation(summary = "Create a live poll (staff)")
    @PostMapping("/api/v1/courses/{courseId}/polls")
    @ResponseStatus(HttpStatus.CREATED)
    Poll create(@PathVariable long courseId, @RequestBody PollDraft draft) {
        return polls.create(courseId, draft);
    }

    @Operation(summary = "List the course's polls")
    @GetMapping("/api/v1/courses/{courseId}/polls")
    List<Poll> list(@PathVariable long courseId) {
        return polls.polls(courseId);
    }

    @Operation(summary = "Read one poll as the caller may see it")
    @GetMapping("/api/v1/polls/{pollId}")
    PollSnapshot one(@PathVariable long pollId) {
        return polls.snapshot(pollId);
    }

    @Operation(summary = "Find a poll by the join code the projector shows")
    @GetMapping("/api/v1/polls/by-code/{code}")
    PollSnapshot join(@PathVariable String code) {
        return polls.join(code);
    }

    @Operation(summary = "Move a poll to its next phase (staff)")
    @ApiConflict("The poll cannot go to that phase from where it is")
    @PostMapping("/api/v1/polls/{pollId}/phase")
    PollSnapshot phase(@PathVariable long pollId, @RequestBody PhaseJson body) {
        PollPhase next;
        try {
            next = PollPhase.valueOf(body.phase() == null ? "" : body.phase().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("phase: one of think, group, reveal, closed.");
        }
        polls.advance(pollId, next);
        return polls.snapshot(pollId);
    }

    @Operation(summary = "Vote in a poll")
    @ApiConflict("The poll is not taking votes")
    @PostMapping("/api/v1/polls/{pollId}/votes")
    @ResponseStatus(HttpStatus.CREATED)
    PollSnapshot vote(@PathVariable long pollId, @RequestBody VoteJson body) {
        return polls.vote(pollId, body.answer());
    }
}
