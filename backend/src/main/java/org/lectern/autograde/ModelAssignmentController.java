package org.lectern.autograde;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/** REST: a model assignment's evaluation data and spec, and its leaderboard. */
@RestController
class ModelAssignmentController {

    private final ModelAssignmentService models;
    private final JsonMapper json = JsonMapper.builder().build();

    ModelAssignmentController(ModelAssignmentService models) {
        this.models = models;
    }

    /** Multipart: {@code data} or {@code file} (a zip of the lectern-eval-v1 folder) and optionally {@code spec} (JSON; defaults: the digits model). */
    @Operation(summary = "Set a model assignment's evaluation data and spec (instructors)")
    @PutMapping("/api/v1/assignments/{assignmentId}/model-task")
    ModelTaskDraft configure(@PathVariable long assignmentId, @RequestPart(value = "data", required = false) MultipartFile data,
                             @RequestPart(value = "file", required = false) MultipartFile file,
                             @RequestPart(value = "spec", required = false) String spec) throws IOException {
        MultipartFile zip = data != null ? data : file; // "file" too, as the other upload endpoints name it
        if (zip == null) {
            throw new InvalidInputException("Attach the evaluation data as the multipart part 'data' (a zip).");
        }
        ModelTaskDraft draft;
        try {
            draft = spec == null || spec.isBlank() ? null : json.readValue(spec, ModelTaskDraft.class);
        } catch (RuntimeException e) {
            throw new InvalidInputException("spec: not valid JSON for a model task (" + e.getMessage() + ").");
        }
        return models.configure(assignmentId, draft, zip.getBytes());
    }

    @Operation(summary = "Read a model assignment's evaluation spec")
    @GetMapping("/api/v1/assignments/{assignmentId}/model-task")
    ModelTaskDraft task(@PathVariable long assignmentId) {
        return models.task(assignmentId).orElseThrow(() -> new NotFoundException("This assignment has no evaluation data yet."));
    }

    @Operation(summary = "The model assignment's leaderboard")
    @GetMapping("/api/v1/assignments/{assignmentId}/leaderboard")
    ModelLeaderboard leaderboard(@PathVariable long assignmentId) {
        return models.leaderboard(assignmentId);
    }
}
