package org.lectern.quiz;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.Member;
import org.lectern.gradebook.GradedItemDeclared;
import org.lectern.gradebook.ScoreReported;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.quiz.internal.QuizRepository;
import org.lectern.schedule.CourseItem;
import org.lectern.schedule.CourseItemDraft;
import org.lectern.schedule.ScheduleService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every quiz job shares about attempts: an attempt past its deadline is finished as of its deadline by whichever
 * call reads it first, a finished attempt is marked and its student's best score reported to the gradebook
 * ({@link ScoreReported}), and an attempt is shown as its viewer may see it (the key only in review).
 */
@Component
class QuizAttempts {

    private final QuizRepository repo;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QuizAttempts(QuizRepository repo, ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.events = events;
        this.clock = clock;
    }

    void finishExpired(long courseId) {
        Instant now = clock.instant();
        for (long id : repo.expiredOpen(courseId, now)) {
            Attempt a = repo.attempt(id).orElseThrow();
            finishIfExpired(a, repo.quiz(a.quizId()).orElseThrow(), now);
        }
    }

    /** Finishes an open attempt whose deadline has passed, as of its deadline (the caller holds its lock). */
    Attempt finishIfExpired(Attempt a, Quiz q, Instant now) {
        if (a.finished() || QuizClock.accepts(a.deadline(), now)) {
            return a;
        }
        return finish(a, q, Attempt.State.EXPIRED, a.deadline());
    }

    Attempt finish(Attempt a, Quiz q, Attempt.State state, Instant at) {
        Map<Long, Question> questions = repo.questions(q.id());
        BigDecimal score = BigDecimal.ZERO;
        for (QuizRepository.AnswerRow r : repo.answers(a.id())) {
            Question question = ExerciseQuestions.forAttempt(questions.get(r.questionId()), a.seed());
            QuizGrading.Mark mark = QuizGrading.grade(question, Answer.decode(question.kind(), r.response()));
            repo.mark(a.id(), r.questionId(), mark.points(), mark.status());
            score = score.add(mark.points());
        }
        if (repo.finish(a.id(), state, at, score) == 1) {
            report(q, a.accountId());
        }
        return repo.attempt(a.id()).orElseThrow();
    }

    /** The student's best finished attempt goes to the gradebook. */
    void report(Quiz q, long accountId) {
        repo.bestScore(q.id(), accountId).ifPresent(best ->
                events.publishEvent(new ScoreReported(q.courseId(), q.shortName(), accountId, best, "quiz")));
    }

    static boolean passed(Quiz q, List<Attempt> attempts) {
        return q.mustPass() && attempts.stream().anyMatch(a -> a.finished() && QuizGrading.passed(a.score(), a.possible(), q.mustPassPercent()));
    }

    AttemptView view(Attempt a, Quiz q, CourseAccess.Grant grant, Instant now) {
        boolean review = a.finished() && (grant.isStaff() || (q.allowReview() && !now.isBefore(q.closeAt())));
        Map<Long, Question> questions = repo.questions(q.id());
        List<AttemptView.AttemptQuestion> shown = new ArrayList<>();
        for (QuizRepository.AnswerRow r : repo.answers(a.id())) {
            Question question = ExerciseQuestions.forAttempt(questions.get(r.questionId()), a.seed());
            List<AttemptView.Option> options = QuizDraw.optionOrder(a.seed(), question.id(), question.options().size(), q.shuffle()).stream()
                    .map(i -> new AttemptView.Option(i, question.options().get(i))).toList();
            AttemptView.Key key = review ? new AttemptView.Key(question.correct(), question.answer(), question.tolerance(), question.accepted(),
                    question.explanation()) : null;
            shown.add(new AttemptView.AttemptQuestion(r.position() + 1, question.id(), question.kind(), question.prompt(), question.points(),
                    options, Answer.decode(question.kind(), r.response()), r.savedAt(), key, review ? r.points() : null,
                    review ? r.status() : null, review ? r.feedback() : null));
        }
        Boolean passed = a.finished() && q.mustPass() ? QuizGrading.passed(a.score(), a.possible(), q.mustPassPercent()) : null;
        return new AttemptView(a.id(), q.id(), q.shortName(), q.title(), a.number(), a.startedAt(), a.deadline(), now,
                a.finished() ? 0 : QuizClock.remaining(a.deadline(), now).toSeconds(), a.state(), shown,
                a.finished() ? a.score() : null, a.possible(), a.finished() ? a.pending() : 0, passed, review);
    }
}
