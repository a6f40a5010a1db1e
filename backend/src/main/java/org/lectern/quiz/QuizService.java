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
 * Quizzes: instructors write them (questions in pools, a window, a time limit, must-pass, review);
 * students start or resume one attempt at a time, save answers one by one, and submit; the server's
 * clock decides the deadline (see {@link QuizClock}), so neither a reload nor a second tab resets it.
 * An attempt past its deadline is finished by whichever call reads it first. Scores go to the
 * gradebook by {@link ScoreReported}; TAs grade short text answers that matched no accepted answer.
 * Every call checks the caller's role in the quiz's course.
 */
@Service
public class QuizService {

    private static final Pattern SHORT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,19}");
    private static final SecureRandom SEEDS = new SecureRandom();

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

    private final QuizRepository repo;
    private final CourseAccess access;
    private final CourseService courses;
    private final ScheduleService schedule;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QuizService(QuizRepository repo, CourseAccess access, CourseService courses, ScheduleService schedule, AuditLog audit,
                ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.access = access;
        this.courses = courses;
        this.schedule = schedule;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ writing quizzes

    @Transactional
    public Quiz create(long courseId, QuizDraft draft) {
        var grant = access.instructor(courseId);
        Checked c = validate(courseId, draft);
        if (repo.shortNameTaken(courseId, c.quiz().shortName())) {
            throw new ConflictException("A quiz " + c.quiz().shortName() + " already exists in this course.");
        }
        long id = repo.insert(courseId, c.quiz());
        insertPools(id, c.pools());
        Quiz q = c.quiz();
        CourseItem item = schedule.registerItem(courseId, new CourseItemDraft(CourseItem.Kind.QUIZ, q.shortName(), q.title(),
                draft.lectureId(), q.openAt(), q.closeAt(), "courses/" + courseId + "/quizzes/" + id, false));
        repo.setItem(id, item.id());
        events.publishEvent(new GradedItemDeclared(courseId, q.shortName(), q.points(), q.category()));
        audit.record(grant.caller().accountId(), courseId, "quiz.created", q.shortName() + " " + q.title() + ", "
                + c.pools().stream().mapToInt(p -> p.questions().size()).sum() + " questions");
        return repo.quiz(id).orElseThrow();
    }

    /**
     * Replaces a quiz's settings and questions. Once a student has started it, its questions can no
     * longer change (settings can: window, time limit, review, must-pass); attempts keep the deadline
     * they started with. The short name keys the gradebook and cannot change.
     */
    @Transactional
    public Quiz update(long quizId, QuizDraft draft) {
        Quiz old = repo.quiz(quizId).orElseThrow(() -> notFound(quizId));
        var grant = access.instructor(old.courseId());
        Checked c = validate(old.courseId(), draft);
        if (!c.quiz().shortName().equalsIgnoreCase(old.shortName())) {
            throw new InvalidInputException("shortName cannot change (it keys the gradebook column): it is " + old.shortName() + ".");
        }
        boolean sameQuestions = sameQuestions(repo.pools(quizId), c.pools());
        if (!sameQuestions && repo.hasAttempts(quizId)) {
            throw new ConflictException("Students have started " + old.shortName()
                    + ", so its questions can no longer change; its settings can.");
        }
        repo.update(quizId, c.quiz());
        if (!sameQuestions) {
            repo.deletePools(quizId);
            insertPools(quizId, c.pools());
        }
        if (old.points().compareTo(c.quiz().points()) != 0 || !Objects.equals(old.category(), c.quiz().category())) {
            events.publishEvent(new GradedItemDeclared(old.courseId(), old.shortName(), c.quiz().points(), c.quiz().category()));
        }
        audit.record(grant.caller().accountId(), old.courseId(), "quiz.updated", old.shortName() + (sameQuestions ? " settings" : " questions"));
        return repo.quiz(quizId).orElseThrow();
    }

    private void insertPools(long quizId, List<PoolSpec> pools) {
        int p = 0;
        for (PoolSpec pool : pools) {
            long poolId = repo.insertPool(quizId, p++, pool.draw());
            int i = 0;
            for (Question q : pool.questions()) {
                repo.insertQuestion(quizId, poolId, i++, q);
            }
        }
    }

    private static boolean sameQuestions(List<QuizPool> stored, List<PoolSpec> given) {
        if (stored.size() != given.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            QuizPool s = stored.get(i);
            PoolSpec g = given.get(i);
            if (s.draw() != g.draw() || !s.questions().stream().map(QuizService::normalised).toList()
                    .equals(g.questions().stream().map(QuizService::normalised).toList())) {
                return false;
            }
        }
        return true;
    }

    private static Question normalised(Question q) {
        Question w = q.withoutIds();
        return new Question(0, 0, w.kind(), w.prompt(), w.points().stripTrailingZeros(), w.options(), w.correct(),
                w.answer() == null ? null : w.answer().stripTrailingZeros(), w.tolerance().stripTrailingZeros(), w.accepted(), w.explanation(),
                w.generator());
    }

    // ------------------------------------------------------------------ reading quizzes

    @Transactional
    public List<Row> list(long courseId) {
        var grant = access.member(courseId);
        finishExpired(courseId);
        List<Quiz> quizzes = repo.forCourse(courseId);
        if (grant.isStaff()) {
            return quizzes.stream().map(q -> new Row(q, List.of(), false, false)).toList();
        }
        Map<Long, List<Attempt>> mine = repo.attemptsInCourse(courseId, grant.caller().accountId()).stream()
                .collect(Collectors.groupingBy(Attempt::quizId));
        return quizzes.stream().map(q -> {
            List<Attempt> a = mine.getOrDefault(q.id(), List.of());
            boolean passed = passed(q, a);
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
        finishExpired(q.courseId());
        if (grant.isStaff()) {
            return new Page(grant, q, repo.pools(quizId), List.of(), false, false);
        }
        List<Attempt> mine = repo.attempts(quizId, grant.caller().accountId());
        Instant now = clock.instant();
        boolean inProgress = !mine.isEmpty() && !mine.getLast().finished();
        boolean canStart = inProgress || (q.window(now) == QuizClock.Window.OPEN && mine.size() < q.maxAttempts());
        boolean passed = passed(q, mine);
        return new Page(grant, q, List.of(), mine, canStart, q.mustPass() && !passed);
    }

    @Transactional
    public Quiz get(long quizId) {
        return page(quizId).quiz();
    }

    // ------------------------------------------------------------------ taking quizzes

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
                return view(latest, q, grant, now);
            }
            latest = finishIfExpired(latest, q, now);
        }
        int next = latest == null ? 1 : latest.number() + 1;
        if (latest != null && next > q.maxAttempts()) {
            return view(latest, q, grant, now);
        }
        switch (q.window(now)) {
            case NOT_YET_OPEN -> throw new InvalidInputException(q.shortName() + " opens at " + q.openAt() + ".");
            case CLOSED -> {
                if (latest != null) {
                    return view(latest, q, grant, now);
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
        return view(attempt, q, grant, now);
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
            a = finishIfExpired(repo.lockAttempt(attemptId).orElseThrow(), q, now);
        }
        return view(a, q, grant, now);
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
            a = QuizClock.accepts(a.deadline(), now) ? finish(a, q, Attempt.State.SUBMITTED, now) : finishIfExpired(a, q, now);
        }
        return view(a, q, grant, now);
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

    // ------------------------------------------------------------------ grading

    /** Short text answers waiting for a TA, oldest first. */
    @Transactional
    public List<PendingAnswer> gradingQueue(long courseId) {
        access.staff(courseId);
        finishExpired(courseId);
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
            a = finishIfExpired(a, q, now);
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
        report(q, a.accountId());
        return view(repo.attempt(attemptId).orElseThrow(), q, grant, now);
    }

    /** Students who have not passed a must-pass quiz (empty for other quizzes), for staff. */
    @Transactional
    public List<MustPassRow> mustPass(long quizId) {
        Quiz q = repo.quiz(quizId).orElseThrow(() -> notFound(quizId));
        access.staff(q.courseId());
        finishExpired(q.courseId());
        if (!q.mustPass()) {
            return List.of();
        }
        Map<Long, List<Attempt>> byStudent = repo.attemptsForQuiz(quizId).stream().collect(Collectors.groupingBy(Attempt::accountId));
        List<MustPassRow> rows = new ArrayList<>();
        for (Member m : courses.roster(q.courseId())) {
            if (m.role() != CourseRole.STUDENT) {
                continue;
            }
            List<Attempt> attempts = byStudent.getOrDefault(m.accountId(), List.of());
            if (passed(q, attempts)) {
                continue;
            }
            BigDecimal best = attempts.stream().filter(Attempt::finished).map(Attempt::score).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            String status = attempts.isEmpty() ? "not_started"
                    : attempts.stream().anyMatch(a -> !a.finished()) ? "in_progress"
                    : attempts.stream().anyMatch(a -> a.pending() > 0) ? "awaiting_grading" : "not_passed";
            rows.add(new MustPassRow(m.accountId(), m.name(), m.email(), status, best));
        }
        return rows;
    }

    // ------------------------------------------------------------------ finishing and views

    private void finishExpired(long courseId) {
        Instant now = clock.instant();
        for (long id : repo.expiredOpen(courseId, now)) {
            Attempt a = repo.attempt(id).orElseThrow();
            finishIfExpired(a, repo.quiz(a.quizId()).orElseThrow(), now);
        }
    }

    /** Finishes an open attempt whose deadline has passed, as of its deadline (the caller holds its lock). */
    private Attempt finishIfExpired(Attempt a, Quiz q, Instant now) {
        if (a.finished() || QuizClock.accepts(a.deadline(), now)) {
            return a;
        }
        return finish(a, q, Attempt.State.EXPIRED, a.deadline());
    }

    private Attempt finish(Attempt a, Quiz q, Attempt.State state, Instant at) {
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
    private void report(Quiz q, long accountId) {
        repo.bestScore(q.id(), accountId).ifPresent(best ->
                events.publishEvent(new ScoreReported(q.courseId(), q.shortName(), accountId, best, "quiz")));
    }

    private static boolean passed(Quiz q, List<Attempt> attempts) {
        return q.mustPass() && attempts.stream().anyMatch(a -> a.finished() && QuizGrading.passed(a.score(), a.possible(), q.mustPassPercent()));
    }

    private AttemptView view(Attempt a, Quiz q, CourseAccess.Grant grant, Instant now) {
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

    // ------------------------------------------------------------------ validation

    record PoolSpec(int draw, List<Question> questions) {
    }

    record Checked(Quiz quiz, List<PoolSpec> pools) {
    }

    Checked validate(long courseId, QuizDraft d) {
        if (d == null) {
            throw new InvalidInputException("Quiz details are missing.");
        }
        List<String> problems = new ArrayList<>();
        String shortName = d.shortName() == null ? "" : d.shortName().strip();
        if (!SHORT_NAME.matcher(shortName).matches()) {
            problems.add("shortName: 1 to 20 letters, digits, - or _ (it keys the gradebook column), e.g. Quiz1.");
        }
        String title = d.title() == null ? "" : d.title().strip();
        if (title.isEmpty()) {
            problems.add("title is required.");
        }
        if (d.openAt() == null || d.closeAt() == null) {
            problems.add("openAt and closeAt are required (ISO-8601 with an offset, e.g. 2024-01-19T09:30:00-08:00).");
        } else if (!d.closeAt().isAfter(d.openAt())) {
            problems.add("closeAt must be after openAt.");
        }
        if (d.timeLimitMinutes() != null && (d.timeLimitMinutes() < 1 || d.timeLimitMinutes() > 24 * 60)) {
            problems.add("timeLimitMinutes is between 1 and 1440 (leave it out for the whole window).");
        }
        if (d.mustPassPercent() != null && (d.mustPassPercent().signum() <= 0 || d.mustPassPercent().compareTo(BigDecimal.valueOf(100)) > 0)) {
            problems.add("mustPassPercent is more than 0 and at most 100 (leave it out if passing is not required).");
        }
        int maxAttempts = d.maxAttempts() == null ? 1 : d.maxAttempts();
        if (maxAttempts < 1 || maxAttempts > 20) {
            problems.add("maxAttempts is between 1 and 20.");
        }
        List<PoolSpec> pools = new ArrayList<>();
        if (d.questions() != null) {
            for (int i = 0; i < d.questions().size(); i++) {
                question(d.questions().get(i), "questions[" + i + "]", problems).ifPresent(q -> pools.add(new PoolSpec(1, List.of(q))));
            }
        }
        if (d.pools() != null) {
            for (int p = 0; p < d.pools().size(); p++) {
                QuizDraft.PoolDraft pool = d.pools().get(p);
                String where = "pools[" + p + "]";
                if (pool == null || pool.questions() == null || pool.questions().isEmpty()) {
                    problems.add(where + ": a pool needs questions.");
                    continue;
                }
                List<Question> qs = new ArrayList<>();
                for (int i = 0; i < pool.questions().size(); i++) {
                    question(pool.questions().get(i), where + ".questions[" + i + "]", problems).ifPresent(qs::add);
                }
                int draw = pool.draw() == null ? pool.questions().size() : pool.draw();
                if (draw < 1 || draw > pool.questions().size()) {
                    problems.add(where + ": draw is between 1 and the pool's " + pool.questions().size() + " questions.");
                }
                if (qs.stream().map(q -> q.points() == null ? null : q.points().stripTrailingZeros()).distinct().count() > 1) {
                    problems.add(where + ": every question of a pool is worth the same, so every draw is worth the same.");
                }
                pools.add(new PoolSpec(draw, qs));
            }
        }
        if (pools.isEmpty()) {
            problems.add("A quiz needs at least one question (questions, or pools of questions).");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (PoolSpec p : pools) {
            if (!p.questions().isEmpty() && p.questions().getFirst().points() != null) {
                total = total.add(p.questions().getFirst().points().multiply(BigDecimal.valueOf(p.draw())));
            }
        }
        if (d.points() != null && d.points().compareTo(total) != 0) {
            problems.add("points: the questions add up to " + total.stripTrailingZeros().toPlainString() + ", not "
                    + d.points().stripTrailingZeros().toPlainString() + ".");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join(" ", problems));
        }
        String category = d.category() == null || d.category().isBlank() ? null : d.category().strip();
        int count = pools.stream().mapToInt(PoolSpec::draw).sum();
        return new Checked(new Quiz(0, courseId, shortName, title, d.openAt(), d.closeAt(), d.timeLimitMinutes(), total, category,
                d.mustPassPercent(), Boolean.TRUE.equals(d.allowReview()), d.shuffle() == null || d.shuffle(), maxAttempts, count), pools);
    }

    private static Optional<Question> question(QuizDraft.QuestionDraft d, String where, List<String> problems) {
        if (d == null) {
            problems.add(where + " is empty.");
            return Optional.empty();
        }
        Optional<QuestionKind> kind = QuestionKind.parse(d.kind());
        if (kind.isEmpty()) {
            problems.add(where + ": kind is single_choice, multiple_choice, numeric, short_text or exercise.");
            return Optional.empty();
        }
        // An exercise question's own prompt is an optional lead-in; the generator writes the rest.
        String prompt = d.prompt() == null ? (kind.get() == QuestionKind.EXERCISE ? "" : null) : d.prompt().strip();
        Question q = new Question(0, 0, kind.get(), prompt, d.points(),
                kind.get().hasOptions() ? d.options() : null, kind.get().hasOptions() ? d.correct() : null,
                kind.get() == QuestionKind.NUMERIC ? d.answer() : null, kind.get() == QuestionKind.NUMERIC ? d.tolerance() : null,
                kind.get() == QuestionKind.SHORT_TEXT ? d.accepted() : null,
                d.explanation() == null || d.explanation().isBlank() ? null : d.explanation().strip(),
                kind.get() == QuestionKind.EXERCISE && d.generator() != null ? d.generator().strip() : null);
        int before = problems.size();
        QuizGrading.check(q, where, problems);
        return problems.size() == before ? Optional.of(q) : Optional.empty();
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No quiz " + id + " that you can see.");
    }

    private static NotFoundException attemptNotFound(long id) {
        return new NotFoundException("No quiz attempt " + id + " that you can see.");
    }
}
