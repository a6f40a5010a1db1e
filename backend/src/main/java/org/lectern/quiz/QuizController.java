package org.lectern.quiz;

import io.swagger.v3.oas.annotations.Operation;
import org.lectern.platform.api.ApiConflict;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST: quizzes for a course's scripts, and taking them (start or resume, save each answer, submit). */
@RestController
class QuizController {

    /** A quiz's settings; {@code pools} (questions with answer keys) only for staff, {@code mine} only for students. */
    record QuizJson(long id, long courseId, String shortName, String title, Instant openAt, Instant closeAt, Integer timeLimitMinutes,
                    BigDecimal points, String category, BigDecimal mustPassPercent, boolean allowReview, boolean shuffle, int maxAttempts,
                    int questionCount, List<QuizPool> pools, List<AttemptJson> mine, Boolean reminder) {
        static QuizJson of(Quiz q, List<QuizPool> pools, List<AttemptJson> mine, Boolean reminder) {
            return new QuizJson(q.id(), q.courseId(), q.shortName(), q.title(), q.openAt(), q.closeAt(), q.timeLimitMinutes(), q.points(),
                    q.category(), q.mustPassPercent(), q.allowReview(), q.shuffle(), q.maxAttempts(), q.questionCount(), pools, mine, reminder);
        }
    }

    /** An attempt in a list: no questions. */
    record AttemptJson(long id, int number, Attempt.State state, Instant startedAt, Instant deadline, Instant finishedAt, BigDecimal score,
                       BigDecimal possible, int pending) {
        static AttemptJson of(Attempt a) {
            return new AttemptJson(a.id(), a.number(), a.state(), a.startedAt(), a.deadline(), a.finishedAt(),
                    a.finished() ? a.score() : null, a.possible(), a.finished() ? a.pending() : 0);
        }
    }

    record GradeJson(BigDecimal points, String comment) {
    }

    private final QuizAuthoringService authoring;
    private final QuizAttemptService attempts;
    private final QuizGradingService grading;
    private final MustPassService mustPass;

    QuizController(QuizAuthoringService authoring, QuizAttemptService attempts, QuizGradingService grading, MustPassService mustPass) {
        this.authoring = authoring;
        this.attempts = attempts;
        this.grading = grading;
        this.mustPass = mustPass;
    }

    @Operation(summary = "Create a quiz (staff)")
    @ApiConflict("The course already has a quiz of that short name")
    @PostMapping("/api/v1/courses/{courseId}/quizzes")
    @ResponseStatus(HttpStatus.CREATED)
    QuizJson create(@PathVariable long courseId, @RequestBody QuizDraft draft) {
        return one(authoring.create(courseId, draft).id());
    }

    @Operation(summary = "List the course's quizzes")
    @GetMapping("/api/v1/courses/{courseId}/quizzes")
    List<QuizJson> list(@PathVariable long courseId) {
        return attempts.list(courseId).stream().map(r -> QuizJson.of(r.quiz(), null,
                r.mine().isEmpty() ? null : r.mine().stream().map(AttemptJson::of).toList(), r.reminder() ? Boolean.TRUE : null)).toList();
    }

    @Operation(summary = "Read a quiz (students: no questions, no keys)")
    @GetMapping("/api/v1/quizzes/{quizId}")
    QuizJson one(@PathVariable long quizId) {
        var page = attempts.page(quizId);
        if (page.grant().isStaff()) {
            return QuizJson.of(page.quiz(), page.pools(), null, null);
        }
        return QuizJson.of(page.quiz(), null, page.myAttempts().stream().map(AttemptJson::of).toList(), page.reminder());
    }

    @Operation(summary = "Change a quiz's settings, or its questions until a student starts (staff)")
    @ApiConflict("A student has started the quiz")
    @PutMapping("/api/v1/quizzes/{quizId}")
    QuizJson update(@PathVariable long quizId, @RequestBody QuizDraft draft) {
        authoring.update(quizId, draft);
        return one(quizId);
    }

    @Operation(summary = "Start or resume the caller's quiz attempt")
    @PostMapping("/api/v1/quizzes/{quizId}/attempt")
    AttemptView start(@PathVariable long quizId) {
        return attempts.start(quizId);
    }

    @Operation(summary = "Students who have not passed a must-pass quiz (staff)")
    @GetMapping("/api/v1/quizzes/{quizId}/must-pass")
    List<MustPassRow> mustPass(@PathVariable long quizId) {
        return mustPass.mustPass(quizId);
    }

    @Operation(summary = "Read a quiz attempt")
    @GetMapping("/api/v1/quiz-attempts/{attemptId}")
    AttemptView attempt(@PathVariable long attemptId) {
        return attempts.attempt(attemptId);
    }

    /** Body: {"choices": [1]} for choice questions (option indices), {"number": 0.5}, or {"text": "..."}. */
    @Operation(summary = "Save an answer in a quiz attempt")
    @ApiConflict("The attempt's deadline has passed")
    @PutMapping("/api/v1/quiz-attempts/{attemptId}/answers/{questionId}")
    SavedAnswer save(@PathVariable long attemptId, @PathVariable long questionId, @RequestBody Answer answer) {
        return attempts.saveAnswer(attemptId, questionId, answer);
    }

    @Operation(summary = "Submit a quiz attempt")
    @PostMapping("/api/v1/quiz-attempts/{attemptId}/submit")
    AttemptView submit(@PathVariable long attemptId) {
        return attempts.submit(attemptId);
    }

    @Operation(summary = "Short answers waiting for a TA's grade (staff)")
    @GetMapping("/api/v1/courses/{courseId}/quiz-grading")
    List<PendingAnswer> queue(@PathVariable long courseId) {
        return grading.gradingQueue(courseId);
    }

    @Operation(summary = "Grade a short answer (staff)")
    @ApiConflict("The attempt is still in progress")
    @PutMapping("/api/v1/quiz-attempts/{attemptId}/answers/{questionId}/grade")
    AttemptView grade(@PathVariable long attemptId, @PathVariable long questionId, @RequestBody GradeJson grade) {
        return grading.grade(attemptId, questionId, grade == null ? null : grade.points(), grade == null ? null : grade.comment());
    }
}
