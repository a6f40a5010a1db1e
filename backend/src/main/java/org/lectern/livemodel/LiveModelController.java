package org.lectern.livemodel;

import io.swagger.v3.oas.annotations.Operation;
import org.lectern.platform.api.ApiConflict;
import java.io.IOException;
import java.util.List;
import org.lectern.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST: live model exercises (create, list) and their answers. */
@RestController
class LiveModelController {

    /**
     * One of: {@code drawing} (size and hexadecimal cells), {@code pixels} (64 values 0..16) or {@code sample}
     * (an index into the course dataset).
     */
    record AnswerRequest(Drawing drawing, float[] pixels, Integer sample) {
    }

    record Drawing(int size, String cells) {
    }

    private final LiveModelService live;

    LiveModelController(LiveModelService live) {
        this.live = live;
    }

    @Operation(summary = "Put a live model exercise beside a lecture (staff)")
    @ApiConflict("The course already has a live exercise of that name")
    @PostMapping("/api/v1/courses/{courseId}/live-models")
    @ResponseStatus(HttpStatus.CREATED)
    LiveModelExercise create(@PathVariable long courseId, @RequestBody LiveModelExerciseDraft draft) {
        return live.create(courseId, draft);
    }

    @Operation(summary = "List the course's live model exercises")
    @GetMapping("/api/v1/courses/{courseId}/live-models")
    List<LiveModelExercise> list(@PathVariable long courseId) {
        return live.exercises(courseId);
    }

    @Operation(summary = "Read one live model exercise")
    @GetMapping("/api/v1/live-models/{exerciseId}")
    LiveModelExercise get(@PathVariable long exerciseId) {
        return live.exercise(exerciseId);
    }

    @Operation(summary = "Answers, students and answer times of a live model exercise (staff)")
    @GetMapping("/api/v1/live-models/{exerciseId}/summary")
    LiveModelSummary summary(@PathVariable long exerciseId) {
        return live.summary(exerciseId);
    }

    @Operation(summary = "Ask the live model about a sample, pixels or a drawing")
    @PostMapping("/api/v1/live-models/{exerciseId}/answers")
    LiveAnswer answer(@PathVariable long exerciseId, @RequestBody AnswerRequest request) {
        live.exercise(exerciseId); // members only, before the body is judged: others learn nothing from a 400
        int given = (request.drawing() != null ? 1 : 0) + (request.pixels() != null ? 1 : 0) + (request.sample() != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidInputException("Give exactly one of drawing, pixels or sample.");
        }
        if (request.drawing() != null) {
            return live.explainDrawing(exerciseId, request.drawing().cells(), request.drawing().size());
        }
        if (request.pixels() != null) {
            return live.explainPixels(exerciseId, request.pixels());
        }
        return live.explainSample(exerciseId, request.sample());
    }

    @Operation(summary = "Ask the live model about an uploaded picture")
    @PostMapping("/api/v1/live-models/{exerciseId}/answers/picture")
    LiveAnswer picture(@PathVariable long exerciseId, @RequestParam("file") MultipartFile file) throws IOException {
        return live.explainPicture(exerciseId, file.getBytes());
    }
}
