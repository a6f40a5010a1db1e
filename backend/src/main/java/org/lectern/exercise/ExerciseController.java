package org.lectern.exercise;

import java.math.BigDecimal;
import io.swagger.v3.oas.annotations.Operation;
import org.lectern.platform.api.ApiConflict;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST: exercises (create, a student's sheet, an attempt with its feedback). */
@RestController
class ExerciseController {

    record GeneratorJson(String key, String title, String topic) {
    }

    record GivenJson(String label, double[][] values, List<String> rowLabels, List<String> columnLabels) {
    }

    /** A part as a student may see it: the right answer and the worked explanation only once they are done. */
    record PartJson(String id, String question, String answerShape, List<String> choices, List<String> hints, String answer,
                    String explanation) {
    }

    record PartFeedbackJson(String partId, double score, List<Boolean> cellsCorrect, String message) {
    }

    record AttemptJson(int number, Map<String, String> answers, double score, List<PartFeedbackJson> parts) {
    }

    record SheetJson(long exerciseId, String shortName, String title, String prompt, List<GivenJson> givens, List<PartJson> parts,
                     List<AttemptJson> attempts, int attemptsLeft, BigDecimal bestPoints, BigDecimal points,
                     boolean finished) {
        static SheetJson of(ExerciseSheet s) {
            boolean reveal = s.finished() || s.staff();
            var inst = s.instance();
            return new SheetJson(s.exercise().id(), s.exercise().shortName(), s.exercise().title(), inst.prompt(),
                    inst.givens().stream().map(g -> new GivenJson(g.label(), g.value().toMatrix(), g.rowLabels(), g.columnLabels())).toList(),
                    inst.parts().stream().map(p -> new PartJson(p.id(), p.question(), p.shape().describe(),
                            p.shape() instanceof AnswerShape.Choice c ? c.options() : List.of(), s.hints().getOrDefault(p.id(), List.of()),
                            reveal ? AnswerParser.format(p.shape(), p.expected()) : null, reveal ? p.explanation() : null)).toList(),
                    s.attempts().stream().map(a -> new AttemptJson(a.number(), a.answers(), a.feedback().score(),
                            a.feedback().parts().stream().map(f -> new PartFeedbackJson(f.partId(), f.score(), f.cellsCorrect(), f.message()))
                                    .toList())).toList(),
                    s.attemptsLeft(), s.bestPoints(), s.exercise().points(), s.finished());
        }
    }

    private final ExerciseService exercises;

    ExerciseController(ExerciseService exercises) {
        this.exercises = exercises;
    }

    @Operation(summary = "The catalog of exercise generators")
    @GetMapping("/api/v1/exercise-generators")
    List<GeneratorJson> generators() {
        return exercises.catalog().stream().map(g -> new GeneratorJson(g.key(), g.title(), g.topic())).toList();
    }

    @Operation(summary = "Attach an exercise to a lecture (staff)")
    @ApiConflict("The course already has an exercise of that name")
    @PostMapping("/api/v1/courses/{courseId}/exercises")
    @ResponseStatus(HttpStatus.CREATED)
    Exercise create(@PathVariable long courseId, @RequestBody ExerciseDraft draft) {
        return exercises.create(courseId, draft);
    }

    @Operation(summary = "List the course's exercises")
    @GetMapping("/api/v1/courses/{courseId}/exercises")
    List<Exercise> list(@PathVariable long courseId) {
        return exercises.exercises(courseId);
    }

    @Operation(summary = "The caller's own exercise sheet (no answer key)")
    @GetMapping("/api/v1/exercises/{exerciseId}")
    SheetJson sheet(@PathVariable long exerciseId) {
        return SheetJson.of(exercises.sheet(exerciseId));
    }

    /** Body: part id → the answer as typed ("3", "1, 2, 3", "[[1, 2], [3, 4]]", or a choice's text or letter). */
    @Operation(summary = "Submit an attempt at an exercise; feedback per part")
    @ApiConflict("No attempts left")
    @PostMapping("/api/v1/exercises/{exerciseId}/attempts")
    @ResponseStatus(HttpStatus.CREATED)
    SheetJson attempt(@PathVariable long exerciseId, @RequestBody Map<String, String> answers) {
        return SheetJson.of(exercises.answer(exerciseId, answers));
    }
}
