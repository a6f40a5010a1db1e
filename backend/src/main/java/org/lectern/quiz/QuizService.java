package org.lectern.quiz;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.lectern.course.CourseAccess;
import org.springframework.stereotype.Service;

/**
 * Quizzes, as views and controllers call them: each job lives in its own service ({@link QuizAuthoringService},
 * {@link QuizAttemptService}, {@link QuizGradingService}, {@link MustPassService}) with the attempt rules they share in
 * {@link QuizAttempts}; this class only hands each call to its job. Every call checks the caller's role in the quiz's
 * course; scores go to the gradebook by {@code ScoreReported}.
 */
@Service
public class QuizService {

    /** A quiz as its caller may see it: pools with keys for staff; the caller's own attempts for students. */
    public record Page(CourseAccess.Grant grant, Quiz quiz, List<QuizPool> pools, List<Attempt> myAttempts, boolean canStart,
                       boolean reminder) {
    }

    /** One line of a course's quiz list; {@code mine} is the calling student's attempts (empty for staff). */
    public record Row(Quiz quiz, List<Attempt> mine, boolean passed, boolean reminder) {
        public Optional<Attempt> latest() {
            return mine.isEmpty() ? Optional.empty() : Optional.of(mine.getLast());
        }
    }

    private final QuizAuthoringService authoring;
    private final QuizAttemptService attempts;
    private final QuizGradingService grading;
    private final MustPassService mustPass;

    QuizService(QuizAuthoringService authoring, QuizAttemptService attempts, QuizGradingService grading, MustPassService mustPass) {
        this.authoring = authoring;
        this.attempts = attempts;
        this.grading = grading;
        this.mustPass = mustPass;
    }

    public Quiz create(long courseId, QuizDraft draft) {
        return authoring.create(courseId, draft);
    }

    public Quiz update(long quizId, QuizDraft draft) {
        return authoring.update(quizId, draft);
    }

    public List<Row> list(long courseId) {
        return attempts.list(courseId);
    }

    public List<Quiz> reminders(long courseId) {
        return attempts.reminders(courseId);
    }

    public Page page(long quizId) {
        return attempts.page(quizId);
    }

    public Quiz get(long quizId) {
        return attempts.get(quizId);
    }

    public AttemptView start(long quizId) {
        return attempts.start(quizId);
    }

    public AttemptView attempt(long attemptId) {
        return attempts.attempt(attemptId);
    }

    public SavedAnswer saveAnswer(long attemptId, long questionId, Answer answer) {
        return attempts.saveAnswer(attemptId, questionId, answer);
    }

    public AttemptView submit(long attemptId) {
        return attempts.submit(attemptId);
    }

    public List<PendingAnswer> gradingQueue(long courseId) {
        return grading.gradingQueue(courseId);
    }

    public AttemptView grade(long attemptId, long questionId, BigDecimal points, String comment) {
        return grading.grade(attemptId, questionId, points, comment);
    }

    public List<MustPassRow> mustPass(long quizId) {
        return mustPass.mustPass(quizId);
    }
}
