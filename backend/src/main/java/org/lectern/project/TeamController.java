package org.lectern.project;

import java.util.Collections;
import io.swagger.v3.oas.annotations.Operation;
import org.lectern.platform.api.ApiConflict;
import java.util.List;
import java.util.Map;
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

/** REST: teams. Staff create teams and add members; a student reads their own team. */
@RestController
class TeamController {

    record NewTeam(String name, List<String> members) {
    }

    record NewMember(String email) {
    }

    record TeamSettings(Integer maxTeamSize) {
    }

    private final TeamService teams;

    TeamController(TeamService teams) {
        this.teams = teams;
    }

    @Operation(summary = "List the course's teams")
    @GetMapping("/api/v1/courses/{courseId}/teams")
    List<Team> teams(@PathVariable long courseId) {
        return teams.teams(courseId);
    }

    /** A team, and its first members if the body lists their e-mails; all or nothing. */
    @Operation(summary = "Create a team with its first members, all or nothing (staff)")
    @ApiConflict("A member is already in a team, or the team is full")
    @PostMapping("/api/v1/courses/{courseId}/teams")
    @ResponseStatus(HttpStatus.CREATED)
    Team create(@PathVariable long courseId, @RequestBody NewTeam body) {
        if (body == null) {
            throw new InvalidInputException("Send {\"name\": \"...\", \"members\": [\"e-mail\", ...]}.");
        }
        return teams.createWithMembers(courseId, body.name(), body.members() == null ? List.of() : body.members());
    }

    @Operation(summary = "Add a student to a team (staff)")
    @ApiConflict("The student is already in a team, or the team is full")
    @PostMapping("/api/v1/teams/{teamId}/members")
    Team addMember(@PathVariable long teamId, @RequestBody NewMember body) {
        return teams.addMember(teamId, body == null ? null : body.email());
    }

    @Operation(summary = "Remove a student from a team (staff)")
    @DeleteMapping("/api/v1/teams/{teamId}/members/{accountId}")
    Team removeMember(@PathVariable long teamId, @PathVariable long accountId) {
        return teams.removeMember(teamId, accountId);
    }

    /** The caller's team: {"team": null} when they are in none. */
    @Operation(summary = "The caller's own team")
    @GetMapping("/api/v1/courses/{courseId}/teams/mine")
    Map<String, Team> mine(@PathVariable long courseId) {
        return Collections.singletonMap("team", teams.myTeam(courseId).orElse(null));
    }

    @Operation(summary = "Read the course's team size")
    @GetMapping("/api/v1/courses/{courseId}/team-settings")
    TeamSettings settings(@PathVariable long courseId) {
        return new TeamSettings(teams.maxTeamSize(courseId));
    }

    @Operation(summary = "Set the course's team size (instructors)")
    @PutMapping("/api/v1/courses/{courseId}/team-settings")
    TeamSettings updateSettings(@PathVariable long courseId, @RequestBody TeamSettings body) {
        return new TeamSettings(teams.setMaxTeamSize(courseId, body == null ? null : body.maxTeamSize()));
    }
}
