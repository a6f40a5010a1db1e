package org.lectern.training;

import io.swagger.v3.oas.annotations.Operation;
import org.lectern.platform.api.ApiConflict;
import java.util.Arrays;
import java.util.List;
import org.lectern.grading.training.Architecture;
import org.lectern.grading.training.OptimizerKind;
import org.lectern.grading.training.TrainingConfig;
import org.lectern.grading.training.TrainingDataset;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: the training playground of a course. Members start, follow, cancel and compare runs (students their own and
 * their team's; staff all); instructors choose datasets and quotas.
 */
@RestController
class TrainingController {

    record ChoiceJson(String key, String label) {
    }

    record ChoicesJson(List<ChoiceJson> architectures, List<ChoiceJson> optimizers, List<PresetJson> presets, int maxEpochs,
                       int maxBatchSize, double maxLearningRate, double maxWeightDecay) {
    }

    record PresetJson(String key, String title, String advice, TrainingDraft choices) {
    }

    record DatasetJson(String key) {
    }

    private final TrainingService training;

    TrainingController(TrainingService training) {
        this.training = training;
    }

    /** What a run may choose from, with the limits and the recipe's presets. */
    @Operation(summary = "What a training run may choose from, with limits and presets")
    @GetMapping("/api/v1/courses/{courseId}/training/choices")
    ChoicesJson choices(@PathVariable long courseId) {
        List<TrainingDataset> datasets = training.datasets(courseId);
        String dataset = datasets.isEmpty() ? null : datasets.getFirst().key();
        return new ChoicesJson(
                Architecture.all().stream().map(a -> new ChoiceJson(a.key(), a.label())).toList(),
                Arrays.stream(OptimizerKind.values()).map(o -> new ChoiceJson(o.key(), o.label())).toList(),
                training.presets(courseId).stream().map(p -> new PresetJson(p.key(), p.title(), p.advice(), TrainingDraft.of(dataset, p))).toList(),
                TrainingConfig.MAX_EPOCHS, TrainingConfig.MAX_BATCH_SIZE,
                TrainingConfig.MAX_LEARNING_RATE, TrainingConfig.MAX_WEIGHT_DECAY);
    }

    @Operation(summary = "The datasets the course offers for training")
    @GetMapping("/api/v1/courses/{courseId}/training/datasets")
    List<TrainingDataset> datasets(@PathVariable long courseId) {
        return training.datasets(courseId);
    }

    @Operation(summary = "Offer a dataset for training (instructors)")
    @PostMapping("/api/v1/courses/{courseId}/training/datasets")
    List<TrainingDataset> addDataset(@PathVariable long courseId, @RequestBody DatasetJson body) {
        return training.addDataset(courseId, body == null ? null : body.key());
    }

    @Operation(summary = "Read the training quotas")
    @GetMapping("/api/v1/courses/{courseId}/training/settings")
    TrainingSettings settings(@PathVariable long courseId) {
        return training.settings(courseId);
    }

    @Operation(summary = "Set the training quotas (instructors)")
    @PutMapping("/api/v1/courses/{courseId}/training/settings")
    TrainingSettings updateSettings(@PathVariable long courseId, @RequestBody TrainingSettings body) {
        return training.updateSettings(courseId, body);
    }

    @Operation(summary = "The caller's and their team's quota use this week")
    @GetMapping("/api/v1/courses/{courseId}/training/quota")
    TrainingQuota quota(@PathVariable long courseId) {
        return training.quota(courseId);
    }

    /** The cost and the quotas before a run starts; 400 for bad choices, like a start. */
    @Operation(summary = "Estimate a training run's cost against the quotas")
    @PostMapping("/api/v1/courses/{courseId}/training/estimate")
    TrainingEstimate estimate(@PathVariable long courseId, @RequestBody TrainingDraft body) {
        return training.estimate(courseId, body);
    }

    /** Queues a run: 201; 400 for bad choices; 409 when it does not fit the quotas. */
    @Operation(summary = "Queue a training run")
    @ApiConflict("The run does not fit the student's or the team's weekly quota")
    @PostMapping("/api/v1/courses/{courseId}/training/runs")
    @ResponseStatus(HttpStatus.CREATED)
    TrainingRun start(@PathVariable long courseId, @RequestBody TrainingDraft body) {
        return training.start(courseId, body);
    }

    @Operation(summary = "List the training runs the caller may see")
    @GetMapping("/api/v1/courses/{courseId}/training/runs")
    List<TrainingRun> runs(@PathVariable long courseId) {
        return training.runs(courseId);
    }

    @Operation(summary = "A training run with its epochs so far")
    @GetMapping("/api/v1/courses/{courseId}/training/runs/{runId}")
    TrainingRunDetail run(@PathVariable long courseId, @PathVariable long runId) {
        TrainingRunDetail detail = training.run(runId);
        if (detail.run().courseId() != courseId) {
            throw new NotFoundException("No training run " + runId + " in this course.");
        }
        return detail;
    }

    @Operation(summary = "Cancel a training run")
    @ApiConflict("The run has already ended")
    @PostMapping("/api/v1/courses/{courseId}/training/runs/{runId}/cancel")
    TrainingRun cancel(@PathVariable long courseId, @PathVariable long runId) {
        run(courseId, runId);
        return training.cancel(runId);
    }

    /** {@code ?runs=12,15,19}: the runs side by side with their curves. */
    @Operation(summary = "Compare training runs side by side with their curves")
    @GetMapping("/api/v1/courses/{courseId}/training/compare")
    List<TrainingRunDetail> compare(@PathVariable long courseId, @RequestParam("runs") String runs) {
        try {
            return training.compare(courseId, Arrays.stream(runs.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(Long::valueOf).toList());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("runs: run ids separated by commas, like 12,15.");
        }
    }
}
