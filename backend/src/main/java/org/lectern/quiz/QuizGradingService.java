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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** TA grading: short text answers that matched no accepted answer wait in a queue; a mark updates the attempt and the gradebook. */
@Service
public class QuizGradingService {

    private final QuizRepository repo;
    private final CourseAccess access;
    private final CourseService courses;
    private final AuditLog audit;
    private final QuizAttempts attempts;
    private final Clock clock;

    QuizGradingService(QuizRepository repo, CourseAccess access, CourseService courses, AuditLog audit, QuizAttempts attempts, Clock clock) {
        this.repo = repo;
        this.access = access;
        this.courses = courses;
        this.audit = audit;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** Short text answers waiting for a TA, oldest first. */
    @Transactional
    public List<PendingAnswer> gradingQueue(long courseId) {
        access.staff(courseId);
        attempts.finishExpired(courseId);
        Map<Long, Member> people = courses.roster(courseId).stream().collect(Collectors.toMap(Member::accountId, Function.identity()));
        Map<Long, Map<Long, Question>> questions = new HashMap<>();
        return repo.pending(courseId).stream().map(p -> {
            Question q = questions.computeIfAbsent(p.quizId(), repo::questions).get(p.questionId());
            Member m = people.get(p.accountId());
            return new PendingAnswer(p.attemptId(), p.quizId(), p.quizShortName(), p.questionId(), q.prompt(), q.points(), q.accepted(),
                    p.accountId(), m == null ? "" : m.name(), m == null ? "" : m.email(), p.response(), p.finishedAt());
        }).toList();
    }

    /** A TA's mark (and comment) on one answer of a finished attempt; the gradebook gets the new score. */
    @Transactional
    public AttemptView grade(long attemptId, long questionId, BigDecimal points, String comment) {
        Attempt found = repo.attempt(attemptId).orElseThrow(() -> attemptNotFound(attemptId));
        Quiz q = repo.quiz(found.quizId()).orElseThrow();
        var grant = access.staff(q.courseId());
        Attempt a = repo.lockAttempt(attemptId).orElseThrow();
        Instant now = clock.instant();
        if (!a.finished()) {
            a = attempts.finishIfExpired(a, q, now);
            if (!a.finished()) {
                throw new ConflictException("This attempt is still in progress; grade it once it is submitted.");
            }
        }
        if (repo.answers(attemptId).stream().noneMatch(r -> r.questionId() == questionId)) {
            throw new NotFoundException("Question " + questionId + " is not part of this attempt.");
        }
        Question question = repo.questions(q.id()).get(questionId);
        if (points == null || points.signum() < 0 || points.compareTo(question.points()) > 0) {
            throw new InvalidInputException("Points are between 0 and " + question.points().stripTrailingZeros().toPlainString() + ".");
        }
        String feedback = comment == null || comment.isBlank() ? null : comment.strip();
        repo.grade(attemptId, questionId, points, feedback, grant.caller().accountId(), now);
        BigDecimal score = repo.answers(attemptId).stream().map(r -> r.points() == null ? BigDecimal.ZERO : r.points())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        repo.setScore(attemptId, score);
        audit.record(grant.caller().accountId(), q.courseId(), "quiz.graded", q.shortName() + " attempt " + attemptId + " question "
                + questionId + " account " + a.accountId() + " = " + points.toPlainString());
        attempts.report(q, a.accountId());
        return attempts.view(repo.attempt(attemptId).orElseThrow(), q, grant, now);
    }

    private static NotFoundException attemptNotFound(long id) {
        return new NotFoundException("No quiz attempt " + id + " that you can see.");
    }
}
