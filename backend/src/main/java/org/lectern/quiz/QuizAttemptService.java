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

/**
 * Taking quizzes: the course's quiz list and a quiz's page as the caller may see them, and a student's attempts: start
 * or resume one at a time, save answers one by one, submit. The server's clock decides the deadline ({@link QuizClock}),
 * so neither a reload nor a second tab resets it.
 */
@Service
public class QuizAttemptService {

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

    private static final SecureRandom SEEDS = new SecureRandom();

    private final QuizRepository repo;
    private final CourseAccess access;
    private final QuizAttempts attempts;
    private final Clock clock;

    QuizAttemptService(QuizRepository repo, CourseAccess access, QuizAttempts attempts, Clock clock) {
        this.repo = repo;
        this.access = access;
        this.attempts = attempts;
        this.clock = clock;
    }

    @Transactional
    public List<Row> list(long courseId) {
        var grant = access.member(courseId);
        attempts.finishExpired(courseId);
        List<Quiz> quizzes = repo.forCourse(courseId);
        if (grant.isStaff()) {
            return quizzes.stream().map(q -> new Row(q, List.of(), false, false)).toList();
        }
        Map<Long, List<Attempt>> mine = repo.attemptsInCourse(courseId, grant.caller().accountId()).stream()
                .collect(Collectors.groupingBy(Attempt::quizId));
        return quizzes.stream().map(q -> {
            List<Attempt> a = mine.getOrDefault(q.id(), List.of());
            boolean passed = QuizAttempts.passed(q, a);
            return new Row(q, a, passed, q.mustPass() && !passed);
        }).toList();
    }

    /** Must-pass quizzes the calling student has not passed yet (empty for staff): the reminder. */
    @Transactional
    public List<Quiz> reminders(long courseId) {
        return list(courseId).stream().filter(Row::reminder).map(Row::quiz).toList();
    }

    @Transactional
    public Page page(long quizId) {
        Quiz q = repo.quiz(quizId).orElseThrow(() -> notFound(quizId));
        var grant = access.member(q.courseId());
        attempts.finishExpired(q.courseId());
        if (grant.isStaff()) {
            return new Page(grant, q, repo.pools(quizId), List.of(), false, false);
        }
        List<Attempt> mine = repo.attempts(quizId, grant.caller().accountId());
        Instant now = clock.instant();
        boolean inProgress = !mine.isEmpty() && !mine.getLast().finished();
        boolean canStart = inProgress || (q.window(now) == QuizClock.Window.OPEN && mine.size() < q.maxAttempts());
        boolean passed = QuizAttempts.passed(q, mine);
        return new Page(grant, q, List.of(), mine, canStart, q.mustPass() && !passed);
    }

    @Transactional
    public Quiz get(long quizId) {
        return page(quizId).quiz();
    }

    /**
     * Starts the caller's attempt, or resumes the one in progress: calling again (a reload, a second
     * tab) returns the same attempt with the same deadline. When the last attempt is finished and
     * attempts remain while the window is open, a new attempt starts; otherwise the last one is returned.
     */
    @Transactional
    public AttemptView start(long quizId) {
        Quiz q = repo.quiz(quizId).orElseThrow(() -> notFound(quizId));
        var grant = access.member(q.courseId());
        if (grant.role() != CourseRole.STUDENT) {
            throw new ForbiddenException("Only students take quizzes; staff see the questions and answers on the quiz's page.");
        }
        long me = grant.caller().accountId();
        Instant now = clock.instant();
        List<Attempt> mine = repo.attempts(quizId, me);
        Attempt latest = mine.isEmpty() ? null : mine.getLast();
        if (latest != null && !latest.finished()) {
            latest = repo.lockAttempt(latest.id()).orElseThrow();
            if (!latest.finished() && QuizClock.accepts(latest.deadline(), now)) {
                return attempts.view(latest, q, grant, now);
            }
            latest = attempts.finishIfExpired(latest, q, now);
        }
        int next = latest == null ? 1 : latest.number() + 1;
        if (latest != null && next > q.maxAttempts()) {
            return attempts.view(latest, q, grant, now);
        }
        switch (q.window(now)) {
            case NOT_YET_OPEN -> throw new InvalidInputException(q.shortName() + " opens at " + q.openAt() + ".");
            case CLOSED -> {
                if (latest != null) {
                    return attempts.view(latest, q, grant, now);
                }
                throw new InvalidInputException(q.shortName() + " closed at " + q.closeAt() + ".");
            }
            case OPEN -> {
            }
        }
        List<QuizPool> pools = repo.pools(quizId);
        long seed = SEEDS.nextLong();
        List<Long> drawn = QuizDraw.draw(pools.stream()
                .map(p -> new QuizDraw.Pool(p.id(), p.draw(), p.questions().stream().map(Question::id).toList())).toList(), seed, q.shuffle());
        Map<Long, Question> questions = repo.questions(quizId);
        BigDecimal possible = drawn.stream().map(id -> questions.get(id).points()).reduce(BigDecimal.ZERO, BigDecimal::add);
        Instant startedAt = now.truncatedTo(ChronoUnit.MILLIS);
        Instant deadline = QuizClock.deadline(startedAt, q.timeLimitMinutes(), q.closeAt());
        Optional<Long> id = repo.insertAttempt(quizId, me, next, seed, startedAt, deadline, possible);
        if (id.isPresent()) {
            for (int i = 0; i < drawn.size(); i++) {
                repo.insertAnswer(id.get(), drawn.get(i), i);
            }
        }
        // Another tab that started at the same moment created it: both get that one.
        Attempt attempt = repo.attempt(quizId, me, next).orElseThrow();
        return attempts.view(attempt, q, grant, now);
    }

    /** The attempt as its student or the course's staff see it; one past its deadline is finished first. */
    @Transactional
    public AttemptView attempt(long attemptId) {
        Attempt a = repo.attempt(attemptId).orElseThrow(() -> attemptNotFound(attemptId));
        Quiz q = repo.quiz(a.quizId()).orElseThrow();
        var grant = access.member(q.courseId());
        if (!grant.isStaff() && a.accountId() != grant.caller().accountId()) {
            throw attemptNotFound(attemptId);
        }
        Instant now = clock.instant();
        if (!a.finished() && !QuizClock.accepts(a.deadline(), now)) {
            a = attempts.finishIfExpired(repo.lockAttempt(attemptId).orElseThrow(), q, now);
        }
        return attempts.view(a, q, grant, now);
    }

    /** Saves one response at once; refused after the attempt's deadline (the server's clock decides). */
    @Transactional
    public SavedAnswer saveAnswer(long attemptId, long questionId, Answer answer) {
        Attempt a = ownAttemptLocked(attemptId);
        Quiz q = repo.quiz(a.quizId()).orElseThrow();
        Instant now = clock.instant();
        if (a.finished()) {
            throw new ConflictException("This attempt was " + (a.state() == Attempt.State.SUBMITTED ? "submitted" : "closed at its deadline")
                    + "; answers can no longer change.");
        }
        if (!QuizClock.accepts(a.deadline(), now)) {
            throw new ConflictException("Time is up: the deadline of this attempt was " + a.deadline() + ", so this answer was not saved.");
        }
        if (repo.answers(attemptId).stream().noneMatch(r -> r.questionId() == questionId)) {
            throw new NotFoundException("Question " + questionId + " is not part of this attempt.");
        }
        Question question = ExerciseQuestions.forAttempt(repo.questions(q.id()).get(questionId), a.seed());
        Answer given = answer == null ? new Answer(null, null, null) : answer;
        String problem = QuizGrading.problem(question, given);
        if (problem != null) {
            throw new InvalidInputException(problem);
        }
        repo.saveResponse(attemptId, questionId, given.encode(question.kind()), now);
        return new SavedAnswer(attemptId, questionId, Answer.decode(question.kind(), given.encode(question.kind())), now, a.deadline(),
                QuizClock.remaining(a.deadline(), now).toSeconds());
    }

    /** Hands the attempt in (again: nothing changes); after the deadline it is finished as of the deadline. */
    @Transactional
    public AttemptView submit(long attemptId) {
        Attempt a = ownAttemptLocked(attemptId);
        Quiz q = repo.quiz(a.quizId()).orElseThrow();
        var grant = access.member(q.courseId());
        Instant now = clock.instant();
        if (!a.finished()) {
            a = QuizClock.accepts(a.deadline(), now) ? attempts.finish(a, q, Attempt.State.SUBMITTED, now) : attempts.finishIfExpired(a, q, now);
        }
        return attempts.view(a, q, grant, now);
    }

    private Attempt ownAttemptLocked(long attemptId) {
        Attempt a = repo.attempt(attemptId).orElseThrow(() -> attemptNotFound(attemptId));
        Quiz q = repo.quiz(a.quizId()).orElseThrow();
        var grant = access.member(q.courseId());
        if (a.accountId() != grant.caller().accountId()) {
            if (grant.isStaff()) {
                throw new ForbiddenException("Only the student whose attempt this is answers or submits it.");
            }
            throw attemptNotFound(attemptId);
        }
        return repo.lockAttempt(attemptId).orElseThrow();
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No quiz " + id + " that you can see.");
    }

    private static NotFoundException attemptNotFound(long id) {
        return new NotFoundException("No quiz attempt " + id + " that you can see.");
    }
}
