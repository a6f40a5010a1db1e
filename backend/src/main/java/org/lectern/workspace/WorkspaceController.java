package org.lectern.workspace;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** REST: a team's workspace (members and staff): notes, file versions, the mentor, notebook runs on the pool. */
@RestController
class WorkspaceController {

    record Notes(String markdown) {
    }

    record Mentor(Long mentorId) {
    }

    private final WorkspaceService workspaces;
    private final NotebookRunService runs;

    WorkspaceController(WorkspaceService workspaces, NotebookRunService runs) {
        this.workspaces = workspaces;
        this.runs = runs;
    }

    /** Runs this version of a workspace notebook on the pool (a member, within the team's weekly worker time). */
    @Operation(summary = "Run a notebook version top to bottom on the pool, within the team's weekly worker time (members)")
    @PostMapping("/api/v1/workspace-files/{fileId}/runs")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    NotebookRunService.Run startRun(@PathVariable long fileId) {
        return runs.start(fileId);
    }

    @Operation(summary = "The team's notebook runs (members, staff)")
    @GetMapping("/api/v1/teams/{teamId}/notebook-runs")
    java.util.List<NotebookRunService.Run> runs(@PathVariable long teamId) {
        return runs.runs(teamId);
    }

    @Operation(summary = "One notebook run with its cells' outputs so far (the team, staff)")
    @GetMapping("/api/v1/notebook-runs/{runId}")
    NotebookRunService.Run run(@PathVariable long runId) {
        return runs.run(runId);
    }

    @Operation(summary = "Cancel a notebook run: a queued one ends at once, a running one is stopped within a second and keeps the "
            + "cells that finished (the team, staff)")
    @org.lectern.platform.api.ApiConflict("the run has already ended")
    @PostMapping("/api/v1/notebook-runs/{runId}/cancel")
    NotebookRunService.Run cancelRun(@PathVariable long runId) {
        return runs.cancel(runId);
    }

    @Operation(summary = "The team's workspace: notes, files and their versions, mentor (members, staff)")
    @GetMapping("/api/v1/teams/{teamId}/workspace")
    WorkspaceService.Workspace workspace(@PathVariable long teamId) {
        return workspaces.workspace(teamId);
    }

    @Operation(summary = "Replace the workspace's notes page (members, staff)")
    @PutMapping("/api/v1/teams/{teamId}/workspace/notes")
    WorkspaceService.Workspace notes(@PathVariable long teamId, @RequestBody Notes body) {
        return workspaces.saveNotes(teamId, body == null ? null : body.markdown());
    }

    @Operation(summary = "Set or clear the team's mentor TA (staff)")
    @PutMapping("/api/v1/teams/{teamId}/mentor")
    WorkspaceService.Workspace mentor(@PathVariable long teamId, @RequestBody Mentor body) {
        return workspaces.setMentor(teamId, body == null ? null : body.mentorId());
    }

    /** A file version as a download (never rendered by the browser: it is the team's content). */
    @Operation(summary = "Download one version of a workspace file (the team, staff)")
    @GetMapping("/api/v1/workspace-files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long fileId) {
        var f = workspaces.file(fileId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.file().name()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(f.content());
    }
}
