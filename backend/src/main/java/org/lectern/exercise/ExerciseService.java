package org.lectern.exercise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseRole;
import org.lectern.exercise.internal.ExerciseRepository;
import org.lectern.gradebook.GradedItemDeclared;
import org.lectern.gradebook.ScoreReported;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.schedule.CourseItem;
import org.lectern.schedule.CourseItemDraft;
import org.lectern.schedule.ScheduleService;
import org.lectern.identity.ServerSecret;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exercises attached to lectures: each student gets their own numbers (a seed from the server's secret,
 * the exercise and the student), answers are checked at once with partial credit per cell, attempts are limited and
 * recorded, and the best attempt's points go to the gradebook.
 */
@Service
public class ExerciseService {

    static final int DEFAULT_ATTEMPTS = 3;

    private final ExerciseRepository repo;
    private final CourseAccess access;
    private final ScheduleService schedule;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ExerciseCatalog catalog = ExerciseCatalog.standard();
    private final ServerSecret secret;

    ExerciseService(ExerciseRepository repo, CourseAccess access, ScheduleService schedule, AuditLog audit, ApplicationEventPublisher events,
                    ServerSecret secret) {
        this.secret = secret;
        this.repo = repo;
        this.access = access;
        this.schedule = schedule;
        this.audit = audit;
        this.events = events;
    }

    /** The generators staff can choose from, in lecture order. */
    public List<ExerciseGenerator> catalog() {
        return catalog.all();
    }

    @Transactional
    public Exercise create(long courseId, ExerciseDraft d) {
        var grant = access.staff(courseId);
        ExerciseGenerator generator = catalog.find(d.generatorKey() == null ? "" : d.generatorKey().strip())
                .orElseThrow(() -> new InvalidInputException("generatorKey: no exercise generator '" + d.generatorKey() + "' (there are: "
                        + String.join(", ", catalog.all().stream().map(ExerciseGenerator::key).toList()) + ")."));
        String shortName = d.shortName() == null ? "" : d.shortName().strip();
        if (!shortName.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}")) {
            throw new InvalidInputException("shortName: 1 to 32 letters, digits, '-', '_' or '.', like EX3 or conv-1.");
        }
        if (repo.shortNameTaken(courseId, shortName)) {
            throw new ConflictException("This course already has an exercise named " + shortName + ".");
        }
        int attempts = d.maxAttempts() == null ? DEFAULT_ATTEMPTS : d.maxAttempts();
        if (attempts < 1 || attempts > 100) {
            throw new InvalidInputException("maxAttempts: 1 to 100.");
        }
        BigDecimal points = d.points() == null ? BigDecimal.ONE : d.points();
        if (points.signum() < 0) {
            throw new InvalidInputException("points: zero or more.");
        }
        String title = d.title() == null || d.title().isBlank() ? generator.title() : d.title().strip();
        String category = d.category() == null || d.category().isBlank() ? null : d.category().strip();
        long id = repo.insert(courseId, d.lectureId(), generator.key(), shortName, title, attempts, points, category,
                grant.caller().accountId());
        CourseItem item = schedule.registerItem(courseId, new CourseItemDraft(CourseItem.Kind.EXERCISE, shortName, title, d.lectureId(),
                null, null, "courses/" + courseId + "/exercises/" + id, false));
        repo.setItem(id, item.id());
        // Practice without a category is declared too: the gradebook shows it, worth nothing, so a solved one is on the student's page.
        events.publishEvent(new GradedItemDeclared(courseId, shortName, points, category));
        audit.record(grant.caller().accountId(), courseId, "exercise.created", shortName + " " + generator.key());
        return repo.byId(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Exercise> exercises(long courseId) {
        access.member(courseId);
        return repo.forCourse(courseId);
    }

    /** The caller's sheet: a student's own instance and attempts; staff see the instance a student with their id would get. */
    @Transactional(readOnly = true)
    public ExerciseSheet sheet(long exerciseId) {
        Exercise e = repo.byId(exerciseId).orElseThrow(() -> new NotFoundException("No exercise " + exerciseId + "."));
        var grant = access.member(e.courseId());
        long me = grant.caller().accountId();
        return sheet(e, me, grant.isStaff(), repo.attempts(e.id(), me));
    }

    /**
     * One attempt: every part must parse (a typo costs no attempt), then it is judged, recorded and,
     * if it is the student's best, reported to the gradebook. The attempt number is part of the key,
     * so a double submit cannot take two attempts or slip past the limit.
     */
    @Transactional
    public ExerciseSheet answer(long exerciseId, Map<String, String> typed) {
        Exercise e = repo.byId(exerciseId).orElseThrow(() -> new NotFoundException("No exercise " + exerciseId + "."));
        var grant = access.member(e.courseId());
        if (grant.role() != CourseRole.STUDENT) {
            throw new ForbiddenException("Staff preview exercises; only students' attempts are recorded.");
        }
        long me = grant.caller().accountId();
        ExerciseInstance instance = instance(e, me);
        List<ExerciseRepository.StoredAttempt> before = repo.attempts(e.id(), me);
        if (before.size() >= e.maxAttempts()) {
            throw new ConflictException("No attempts left: you have used all " + e.maxAttempts() + ".");
        }
        if (before.stream().anyMatch(a -> a.score().compareTo(BigDecimal.ONE) == 0)) {
            throw new ConflictException("You have already solved this exercise.");
        }
        Map<String, Answer> answers = new LinkedHashMap<>();
        Map<String, String> kept = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Part part : instance.parts()) {
            String text = typed == null ? null : typed.get(part.id());
            if (text == null || text.isBlank()) {
                problems.add(label(part) + ": no answer.");
                continue;
            }
            switch (AnswerParser.parse(part.shape(), text)) {
                case ParseResult.Parsed(Answer a) -> {
                    answers.put(part.id(), a);
                    kept.put(part.id(), text.strip());
                }
                case ParseResult.Invalid bad -> problems.add(label(part) + ": " + bad.message());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join(" ", problems) + " Nothing was recorded; this did not use an attempt.");
        }
        Feedback feedback = AnswerChecker.check(instance, answers, hintsShown(instance, before.size()));
        BigDecimal score = BigDecimal.valueOf(feedback.score()).setScale(6, RoundingMode.HALF_UP);
        if (!repo.insertAttempt(e.id(), me, before.size() + 1, kept, score)) {
            throw new ConflictException("That attempt was already recorded (sent twice?). Reload to see it.");
        }
        BigDecimal bestBefore = before.stream().map(ExerciseRepository.StoredAttempt::score).max(BigDecimal::compareTo).orElse(null);
        if (bestBefore == null || score.compareTo(bestBefore) > 0) {
            events.publishEvent(new ScoreReported(e.courseId(), e.shortName(), me,
                    score.multiply(e.points()).setScale(2, RoundingMode.HALF_UP), "exercise"));
        }
        return sheet(e, me, false, repo.attempts(e.id(), me));
    }

    private ExerciseSheet sheet(Exercise e, long me, boolean staff, List<ExerciseRepository.StoredAttempt> stored) {
        ExerciseInstance instance = instance(e, me);
        List<ExerciseSheet.Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            var a = stored.get(i);
            Map<String, Answer> answers = new HashMap<>();
            for (Part part : instance.parts()) {
                String text = a.answers().get(part.id());
                if (text != null) {
                    AnswerParser.parse(part.shape(), text).parsed().ifPresent(x -> answers.put(part.id(), x));
                }
            }
            attempts.add(new ExerciseSheet.Attempt(a.number(), a.answers(), AnswerChecker.check(instance, answers, hintsShown(instance, i))));
        }
        BigDecimal best = stored.stream().map(ExerciseRepository.StoredAttempt::score).max(BigDecimal::compareTo)
                .map(s -> s.multiply(e.points()).setScale(2, RoundingMode.HALF_UP)).orElse(null);
        int wrong = (int) attempts.stream().filter(a -> !a.feedback().allCorrect()).count();
        Map<String, List<String>> hints = new LinkedHashMap<>();
        for (Part part : instance.parts()) {
            boolean partRight = !attempts.isEmpty() && attempts.getLast().feedback().part(part.id()).map(PartFeedback::correct).orElse(false);
            hints.put(part.id(), partRight ? List.of() : part.hints().subList(0, Math.min(wrong, part.hints().size())));
        }
        return new ExerciseSheet(e, catalog.find(e.generatorKey()).map(ExerciseGenerator::title).orElse(e.generatorKey()), instance,
                attempts, staff ? e.maxAttempts() : Math.max(0, e.maxAttempts() - stored.size()), best, hints, staff);
    }

    private static String label(Part part) {
        String q = part.question().strip();
        return q.endsWith(":") || q.endsWith("?") ? q.substring(0, q.length() - 1) : q;
    }

    private ExerciseInstance instance(Exercise e, long accountId) {
        return catalog.generate(e.generatorKey(), ExerciseSeeds.forStudent(secret, e.id(), accountId))
                .orElseThrow(() -> new IllegalStateException("generator " + e.generatorKey() + " is gone"));
    }

    /** Hints shown before attempt n (0-based): one per earlier wrong attempt. */
    private static Map<String, Integer> hintsShown(ExerciseInstance instance, int earlierAttempts) {
        Map<String, Integer> shown = new HashMap<>();
        instance.parts().forEach(p -> shown.put(p.id(), Math.min(earlierAttempts, p.hints().size())));
        return shown;
    }
}
