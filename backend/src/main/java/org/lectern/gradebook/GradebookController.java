package org.lectern.gradebook;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.latepolicy.WhatIf;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST: the grading policy, the gradebook (JSON and CSV), scores, overrides and extensions. */
@RestController
class GradebookController {

    record ItemJson(BigDecimal score, BigDecimal max, int lateDays, BigDecimal penaltyPercent, boolean dropped, String status) {
    }

    record StudentJson(String email, String name, Map<String, ItemJson> items, int lateDaysUsed, int lateDaysRemaining,
                       BigDecimal totalPercent, String letter) {
    }

    record GradebookJson(List<String> items, List<StudentJson> students) {
    }

    record ScoreRequest(String item, String student, BigDecimal score, Boolean excused) {
    }

    record OverrideRequest(String item, String student, BigDecimal score, String reason) {
    }

    record ExtensionRequest(String item, String student, Instant newDueAt, Integer extraDays, String reason) {
    }

    private final GradingPolicyService policies;
    private final GradebookService gradebook;
    private final ScoreEntryService scores;
    private final ScoreImportService imports;
    private final GradeExportService exports;

    GradebookController(GradingPolicyService policies, GradebookService gradebook, ScoreEntryService scores, ScoreImportService imports,
                        GradeExportService exports) {
        this.policies = policies;
        this.gradebook = gradebook;
        this.scores = scores;
        this.imports = imports;
        this.exports = exports;
    }

    @Operation(summary = "Read the grading policy")
    @GetMapping("/api/v1/courses/{courseId}/grading-policy")
    PolicyDocument policy(@PathVariable long courseId) {
        return policies.policy(courseId);
    }

    @Operation(summary = "Replace the grading policy (instructors)")
    @PutMapping("/api/v1/courses/{courseId}/grading-policy")
    PolicyDocument setPolicy(@PathVariable long courseId, @RequestBody PolicyDocument document) {
        return policies.setPolicy(courseId, document);
    }

    @Operation(summary = "The gradebook: every student for staff, the caller's own row for a student")
    @GetMapping("/api/v1/courses/{courseId}/gradebook")
    GradebookJson gradebook(@PathVariable long courseId) {
        var g = gradebook.gradebook(courseId);
        return new GradebookJson(g.itemKeys(), g.students().stream().map(r -> {
            Map<String, ItemJson> items = new LinkedHashMap<>();
            r.items().forEach((k, l) -> items.put(k, new ItemJson(round(l.score()), l.max(), l.lateDays(), l.penaltyPercent(), l.dropped(),
                    l.status())));
            return new StudentJson(r.email(), r.name(), items, r.lateDaysUsed(), r.lateDaysRemaining(), round(r.totalPercent()), r.letter());
        }).toList());
    }

    @Operation(summary = "The gradebook as CSV (staff)")
    @GetMapping(value = "/api/v1/courses/{courseId}/gradebook.csv", produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable long courseId) {
        return csv("gradebook-" + courseId + ".csv", exports.csv(courseId));
    }

    @Operation(summary = "The gradebook in Canvas's import format (staff)")
    @GetMapping(value = "/api/v1/courses/{courseId}/gradebook-canvas.csv", produces = "text/csv")
    ResponseEntity<String> canvas(@PathVariable long courseId) {
        return csv("gradebook-canvas-" + courseId + ".csv", exports.canvasCsv(courseId));
    }

    @Operation(summary = "Enter one student's score for an item (staff)")
    @PutMapping("/api/v1/courses/{courseId}/scores")
    void score(@PathVariable long courseId, @RequestBody ScoreRequest r) {
        scores.enterScore(courseId, r.item(), r.student(), r.score(), Boolean.TRUE.equals(r.excused()));
    }

    record ImportJson(boolean saved, int scores, List<String> problems, List<String> notes) {
    }

    /** A score CSV (text/csv body); {@code ?preview=true} only checks it. All rows are saved or none. */
    @Operation(summary = "Import scores from a CSV (Lectern's or Canvas's export); preview=true only checks")
    @PostMapping(value = "/api/v1/courses/{courseId}/scores.csv", consumes = {"text/csv", "text/plain"})
    ResponseEntity<ImportJson> importScores(@PathVariable long courseId, @RequestBody String csv,
                                            @RequestParam(defaultValue = "false") boolean preview) {
        ScoreSheet.Preview p = preview ? imports.previewScores(courseId, csv) : null;
        if (p == null) {
            ScoreSheet.Preview checked = imports.previewScores(courseId, csv);
            if (!checked.hasErrors()) {
                p = imports.importScores(courseId, csv);
                return ResponseEntity.ok(new ImportJson(true, p.cellCount(), List.of(), p.notes()));
            }
            p = checked;
        }
        List<String> problems = new ArrayList<>(p.fileProblems());
        p.lines().stream().filter(ScoreSheet.Line::bad).forEach(l -> problems.add("Row " + l.rowNumber() + ": " + String.join(" ", l.problems())));
        return ResponseEntity.status(problems.isEmpty() ? 200 : 400).body(new ImportJson(false, p.cellCount(), problems, p.notes()));
    }

    @Operation(summary = "Override a student's score for an item, with a reason (instructors)")
    @PostMapping("/api/v1/courses/{courseId}/overrides")
    void override(@PathVariable long courseId, @RequestBody OverrideRequest r) {
        scores.override(courseId, r.item(), r.student(), r.score(), r.reason());
    }

    @Operation(summary = "Grant a student an extension on an item (staff)")
    @PostMapping("/api/v1/courses/{courseId}/extensions")
    void extension(@PathVariable long courseId, @RequestBody ExtensionRequest r) {
        scores.grantExtension(courseId, r.item(), r.student(), r.newDueAt(), r.extraDays(), r.reason());
    }

    /** For a student: what submitting this item now would cost. */
    @Operation(summary = "What submitting this item now would cost the caller in late days")
    @GetMapping("/api/v1/courses/{courseId}/items/{item}/what-if")
    ResponseEntity<WhatIf> whatIf(@PathVariable long courseId, @PathVariable String item) {
        return gradebook.whatIfNow(courseId, item).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    private static BigDecimal round(BigDecimal b) {
        return b == null ? null : Rounding.forDisplay(b);
    }

    private static ResponseEntity<String> csv(String name, String body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }
}
