package org.lectern.written;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST: written questions, rubrics and rubric grades. */
@RestController
class WrittenController {

    record MarksJson(Map<Long, List<Integer>> marks) {
    }

    private final WrittenService service;
    private final WrittenPages pages;
    private final GradingSplitService split;

    WrittenController(WrittenService service, WrittenPages pages, GradingSplitService split) {
        this.split = split;
        this.service = service;
        this.pages = pages;
    }

    /** A version's PDF pages and page marks, with the questions no page is marked for yet. */
    @Operation(summary = "A PDF submission's pages and which questions they answer (its student, staff)")
    @GetMapping("/api/v1/submissions/{submissionId}/pages")
    PageSet pages(@PathVariable long submissionId) {
        return pages.pages(submissionId);
    }

    /** Staff: the question's grading queue (counted versions with pages, their pages for it, graded or not). */
    @Operation(summary = "A written question's grading queue over the counted versions (staff)")
    @GetMapping("/api/v1/written-questions/{writtenQuestionId}/queue")
    List<WrittenPages.QueueEntry> queue(@PathVariable long writtenQuestionId) {
        return pages.queue(writtenQuestionId);
    }

    /** One page, rendered on receipt; served as an image only, never the student's PDF itself. */
    @Operation(summary = "One page of a PDF submission as PNG (its student, staff)")
    @GetMapping("/api/v1/submissions/{submissionId}/pages/{page}")
    ResponseEntity<byte[]> page(@PathVariable long submissionId, @PathVariable int page) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore()).body(pages.page(submissionId, page));
    }

    @Operation(summary = "Mark which pages answer which written question (the submission's student)")
    @PutMapping("/api/v1/submissions/{submissionId}/page-marks")
    PageSet mark(@PathVariable long submissionId, @RequestBody MarksJson body) {
        return pages.mark(submissionId, body.marks());
    }

    @Operation(summary = "Add a written question with its points (instructors)")
    @PostMapping("/api/v1/assignments/{assignmentId}/written-questions")
    @ResponseStatus(HttpStatus.CREATED)
    WrittenQuestion addQuestion(@PathVariable long assignmentId, @RequestBody WrittenDrafts.Question body) {
        return service.addQuestion(assignmentId, body);
    }

    @Operation(summary = "The assignment's written questions (members; rubrics for staff only)")
    @GetMapping("/api/v1/assignments/{assignmentId}/written-questions")
    List<WrittenQuestion> questions(@PathVariable long assignmentId) {
        return service.questions(assignmentId);
    }

    @Operation(summary = "Add a rubric item to a written question (staff)")
    @PostMapping("/api/v1/written-questions/{writtenQuestionId}/rubric")
    @ResponseStatus(HttpStatus.CREATED)
    RubricItem addItem(@PathVariable long writtenQuestionId, @RequestBody WrittenDrafts.Item body) {
        return service.addItem(writtenQuestionId, body);
    }

    /** Changes the item everywhere it is applied; answers how many grades it updated. */
    @Operation(summary = "Change a rubric item: every grade using it is re-scored and audited (staff)")
    @PutMapping("/api/v1/rubric-items/{rubricItemId}")
    Map<String, Integer> changeItem(@PathVariable long rubricItemId, @RequestBody WrittenDrafts.Item body) {
        return Map.of("gradesUpdated", service.changeItem(rubricItemId, body));
    }

    @Operation(summary = "A student's grade on a written question (staff)")
    @GetMapping("/api/v1/written-questions/{writtenQuestionId}/grades/{studentId}")
    WrittenGrade grade(@PathVariable long writtenQuestionId, @PathVariable long studentId) {
        return service.grade(writtenQuestionId, studentId);
    }

    @Operation(summary = "Grade a student's written question: rubric items, adjustment, comment (staff)")
    @PutMapping("/api/v1/written-questions/{writtenQuestionId}/grades/{studentId}")
    WrittenGrade saveGrade(@PathVariable long writtenQuestionId, @PathVariable long studentId, @RequestBody WrittenDrafts.Grade body) {
        return service.saveGrade(writtenQuestionId, studentId, body);
    }

    /** A student's own released results; staff add {@code ?accountId=}. */
    @Operation(summary = "Released written results: the caller's own, or a student's for staff")
    @GetMapping("/api/v1/assignments/{assignmentId}/written-results")
    List<QuestionResult> results(@PathVariable long assignmentId, @RequestParam(required = false) Long accountId) {
        return service.results(assignmentId, accountId);
    }

    @Operation(summary = "How the assignment's written grading is split among the TAs, and whether it is anonymous (staff)")
    @GetMapping("/api/v1/assignments/{assignmentId}/grading-setup")
    GradingSplitService.Setup setup(@PathVariable long assignmentId) {
        return split.setup(assignmentId);
    }

    /** {@code split}: none, section, question or even; {@code questionGraders}: question id → TA account ids. */
    @Operation(summary = "Split the assignment's written grading among the TAs; anonymous grading (instructors)")
    @PutMapping("/api/v1/assignments/{assignmentId}/grading-setup")
    GradingSplitService.Setup saveSetup(@PathVariable long assignmentId, @RequestBody GradingSplitService.Setup body) {
        return split.saveSetup(assignmentId, body);
    }

    @Operation(summary = "Each TA's written answers assigned and graded (instructors: all TAs; a TA: their own)")
    @GetMapping("/api/v1/courses/{courseId}/grading-progress")
    List<GradingSplitService.Progress> progress(@PathVariable long courseId) {
        return split.progress(courseId);
    }
}
