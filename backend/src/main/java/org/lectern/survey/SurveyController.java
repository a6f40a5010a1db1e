package org.lectern.survey;

import java.nio.charset.StandardCharsets;
import io.swagger.v3.oas.annotations.Operation;
import org.lectern.platform.api.ApiConflict;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST: surveys. */
@RestController
class SurveyController {

    record AnswersJson(List<String> answers) {
    }

    private final SurveyService service;

    SurveyController(SurveyService service) {
        this.service = service;
    }

    @Operation(summary = "Create a survey (staff)")
    @ApiConflict("The course already has a survey of that name")
    @PostMapping("/api/v1/courses/{courseId}/surveys")
    @ResponseStatus(HttpStatus.CREATED)
    Survey create(@PathVariable long courseId, @RequestBody SurveyDraft draft) {
        return service.create(courseId, draft);
    }

    @Operation(summary = "List the course's surveys")
    @GetMapping("/api/v1/courses/{courseId}/surveys")
    List<Survey> list(@PathVariable long courseId) {
        return service.surveys(courseId);
    }

    @Operation(summary = "Read a survey")
    @GetMapping("/api/v1/surveys/{surveyId}")
    SurveyService.ForStudent one(@PathVariable long surveyId) {
        return service.survey(surveyId);
    }

    @Operation(summary = "Answer a survey, once while it is open")
    @ApiConflict("Already answered, or the survey is closed")
    @PostMapping("/api/v1/surveys/{surveyId}/answers")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void answer(@PathVariable long surveyId, @RequestBody AnswersJson body) {
        service.answer(surveyId, body.answers());
    }

    @Operation(summary = "A survey's counts and text answers (staff)")
    @GetMapping("/api/v1/surveys/{surveyId}/results")
    SurveyResults results(@PathVariable long surveyId) {
        return service.results(surveyId);
    }

    @Operation(summary = "Who answered a survey, not what if anonymous (staff)")
    @GetMapping("/api/v1/surveys/{surveyId}/respondents")
    List<String> respondents(@PathVariable long surveyId) {
        return service.respondents(surveyId);
    }

    @Operation(summary = "A survey's answers as CSV (staff)")
    @GetMapping("/api/v1/surveys/{surveyId}/results.csv")
    ResponseEntity<String> csv(@PathVariable long surveyId) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"survey-" + surveyId + ".csv\"")
                .body(service.csv(surveyId));
    }
}
