package org.lectern.workspace;

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
    @org.springframework.web.bind.annotation.PostMapping("/api/v1/workspace-files/{fileId}/runs")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    NotebookRunService.Run startRun(@PathVariable long fileId) {
        return runs.start(fileId);
    }

    @GetMapping("/api/v1/teams/{teamId}/notebook-runs")
    java.util.List<NotebookRunService.Run> runs(@PathVariable long teamId) {
        return runs.runs(teamId);
    }

    @GetMapping("/api/v1/notebook-runs/{runId}")
    NotebookRunService.Run run(@PathVariable long runId) {
        return runs.run(runId);
    }

    @GetMapping("/api/v1/teams/{teamId}/workspace")
    WorkspaceService.Workspace workspace(@PathVariable long teamId) {
        return workspaces.workspace(teamId);
    }

    @PutMapping("/api/v1/teams/{teamId}/workspace/notes")
    WorkspaceService.Workspace notes(@PathVariable long teamId, @RequestBody Notes body) {
        return workspaces.saveNotes(teamId, body == null ? null : body.markdown());
    }

    @PutMapping("/api/v1/teams/{teamId}/mentor")
    WorkspaceService.Workspace mentor(@PathVariable long teamId, @RequestBody Mentor body) {
        return workspaces.setMentor(teamId, body == null ? null : body.mentorId());
    }

    /** A file version as a download (never rendered by the browser: it is the team's content). */
    @GetMapping("/api/v1/workspace-files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long fileId) {
        var f = workspaces.file(fileId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.file().name()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(f.content());
    }
}
