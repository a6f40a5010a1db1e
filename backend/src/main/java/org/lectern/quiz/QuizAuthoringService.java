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

/** Writing quizzes (instructors): questions in pools, a window, a time limit, must-pass, review; checked before anything is stored. */
@Service
public class QuizAuthoringService {

    private static final Pattern SHORT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,19}");

    private final QuizRepository repo;
    private final CourseAccess access;
    private final ScheduleService schedule;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    QuizAuthoringService(QuizRepository repo, CourseAccess access, ScheduleService schedule, AuditLog audit, ApplicationEventPublisher events) {
        this.repo = repo;
        this.access = access;
        this.schedule = schedule;
        this.audit = audit;
        this.events = events;
    }

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
            if (s.draw() != g.draw() || !s.questions().stream().map(QuizAuthoringService::normalised).toList()
                    .equals(g.questions().stream().map(QuizAuthoringService::normalised).toList())) {
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
}
