package org.lectern.project;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import org.lectern.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST: students form teams (start, invite, accept, decline, leave); staff see the overview, set the rules, lock. */
@RestController
class TeamFormationController {

    record NewTeam(String name) {
    }

    record NewInvitation(String who) {
    }

    record Rules(Integer minTeamSize, Integer maxTeamSize, Instant lockAt) {
    }

    private final TeamFormationService formation;

    TeamFormationController(TeamFormationService formation) {
        this.formation = formation;
    }

    @Operation(summary = "The caller's team and invitations, and the course's team rules (members)")
    @GetMapping("/api/v1/courses/{courseId}/teams/formation")
    TeamFormationService.Mine mine(@PathVariable long courseId) {
        return formation.mine(courseId);
    }

    @Operation(summary = "Start a team with the caller in it (students without a team)")
    @PostMapping("/api/v1/courses/{courseId}/teams/start")
    @ResponseStatus(HttpStatus.CREATED)
    Team start(@PathVariable long courseId, @RequestBody NewTeam body) {
        return formation.start(courseId, body == null ? null : body.name());
    }

    @Operation(summary = "Invite a classmate by name or e-mail (members before the lock, staff)")
    @PostMapping("/api/v1/teams/{teamId}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    TeamFormationService.Invitation invite(@PathVariable long teamId, @RequestBody NewInvitation body) {
        return formation.invite(teamId, body == null ? null : body.who());
    }

    @Operation(summary = "Accept an invitation to a team (the invited student)")
    @PostMapping("/api/v1/team-invitations/{invitationId}/accept")
    Team accept(@PathVariable long invitationId) {
        return formation.accept(invitationId);
    }

    @Operation(summary = "Decline an invitation to a team (the invited student)")
    @PostMapping("/api/v1/team-invitations/{invitationId}/decline")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void decline(@PathVariable long invitationId) {
        formation.decline(invitationId);
    }

    @Operation(summary = "Withdraw an open invitation (the inviting team's members, staff)")
    @DeleteMapping("/api/v1/team-invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable long invitationId) {
        formation.withdraw(invitationId);
    }

    @Operation(summary = "Leave the team before the lock (members)")
    @PostMapping("/api/v1/teams/{teamId}/leave")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void leave(@PathVariable long teamId) {
        formation.leave(teamId);
    }

    @Operation(summary = "Who has no team, teams below the minimum, open invitations (staff)")
    @GetMapping("/api/v1/courses/{courseId}/teams/overview")
    TeamFormationService.Overview overview(@PathVariable long courseId) {
        return formation.overview(courseId);
    }

    @Operation(summary = "Set the minimum and maximum team size and the lock date (instructors)")
    @PutMapping("/api/v1/courses/{courseId}/team-rules")
    TeamFormationService.Settings rules(@PathVariable long courseId, @RequestBody Rules body) {
        if (body == null) {
            throw new InvalidInputException("Send {\"minTeamSize\": 2, \"maxTeamSize\": 3, \"lockAt\": null}.");
        }
        return formation.configure(courseId, body.minTeamSize(), body.maxTeamSize(), body.lockAt());
    }

    @Operation(summary = "Lock the teams now (instructors)")
    @PostMapping("/api/v1/courses/{courseId}/teams/lock")
    TeamFormationService.Settings lock(@PathVariable long courseId) {
        return formation.lockNow(courseId);
    }
}
