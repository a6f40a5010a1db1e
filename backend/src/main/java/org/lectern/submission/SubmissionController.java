package org.lectern.submission;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.lectern.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST: uploads. {@code POST /api/v1/assignments/{id}/submissions} with a {@code file} part; staff may
 * add {@code student} (e-mail), {@code submittedAt} (ISO-8601) and {@code reason} to submit on a
 * student's behalf. The answer (201) is the receipt, sent only after the file is stored.
 */
@RestController
class SubmissionController {

    private final SubmissionService submissions;

    SubmissionController(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @Operation(summary = "Submit a notebook, Python file, model or PDF (staff: on a student's behalf); several PNG/JPEG `file` parts"
            + " are joined into one PDF, one page per image in order, where the item takes PDFs")
    @PostMapping(value = "/api/v1/assignments/{assignmentId}/submissions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Receipt submit(@PathVariable long assignmentId, @RequestParam("file") List<MultipartFile> file,
                   @RequestParam(value = "student", required = false) String student,
                   @RequestParam(value = "submittedAt", required = false) String submittedAt,
                   @RequestParam(value = "reason", required = false) String reason) throws IOException {
        List<SubmissionService.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : file) {
            uploads.add(new SubmissionService.Upload(f.getOriginalFilename(), f.getBytes()));
        }
        if (student == null || student.isBlank()) {
            return submissions.submit(assignmentId, uploads);
        }
        return submissions.submitOnBehalf(assignmentId, student, parse(submittedAt),
                reason == null || reason.isBlank() ? "submitted through the API" : reason, uploads);
    }

    @Operation(summary = "Grade a reference solution (staff)")
    @PostMapping(value = "/api/v1/assignments/{assignmentId}/reference", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Receipt reference(@PathVariable long assignmentId, @RequestParam("file") MultipartFile file) throws IOException {
        return submissions.submitReference(assignmentId, file.getOriginalFilename(), file.getBytes());
    }

    @Operation(summary = "Choose which version of a submission counts")
    @PostMapping("/api/v1/submissions/{submissionId}/choose")
    void choose(@PathVariable long submissionId) {
        submissions.choose(submissionId);
    }

    private static Instant parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                throw new InvalidInputException("submittedAt must be ISO-8601 with an offset, e.g. 2024-01-18T23:40:00-08:00.");
            }
        }
    }
}
