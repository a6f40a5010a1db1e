package org.lectern.written;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lectern.course.CourseAccess;
import org.lectern.gradebook.ScoreReported;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.NumberLimits;
import org.lectern.platform.audit.AuditLog;
import org.lectern.submission.SubmissionService;
import org.lectern.written.internal.WrittenRepository;
import org.lectern.written.internal.WrittenRepository.GradeRow;
import org.lectern.written.internal.WrittenRepository.Owner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Written questions graded with rubrics. Instructors write the questions, staff the rubric and the grades. A rubric
 * item is applied by reference, so changing its points or text re-scores every grade that uses it in the same
 * transaction (audited, with how many grades it touched) and reports the new written totals. Scores come only from
 * {@link RubricScore}; students read their results only once the assignment's grades are released.
 *
 * <p>The written part reaches the gradebook as a {@link ScoreReported} under the item key {@link #itemKey}
 * ({@code <assignment>/written}); the gradebook adds it to the autograded part of the same assignment (see
 * {@code GradebookRows}, "hybrid items").
 */
@Service
public class WrittenService {

    static final int MAX_TEXT = 2000;
    static final BigDecimal MAX_POINTS = BigDecimal.valueOf(1000);

    private final WrittenRepository repo;
    private final CourseAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SubmissionService submissions;

    WrittenService(WrittenRepository repo, CourseAccess access, AuditLog audit, ApplicationEventPublisher events, Clock clock,
                   SubmissionService submissions) {
        this.submissions = submissions;
        this.repo = repo;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The gradebook item key the written part of an assignment is reported under. */
    public static String itemKey(String assignmentShortName) {
        return ScoreReported.writtenPartOf(assignmentShortName);
    }

    @Transactional
    public WrittenQuestion addQuestion(long assignmentId, WrittenDrafts.Question d) {
        Owner a = repo.assignment(assignmentId).orElseThrow(() -> assignmentNotFound(assignmentId));
        var grant = within(a, () -> access.instructor(a.courseId()), () -> assignmentNotFound(assignmentId));
        if (d == null) {
            throw new InvalidInputException("A question needs a title and points.");
        }
        String title = text(d.title(), "title", 200, false);
        BigDecimal points = points(d.points(), "points");
        if (points.signum() < 0) {
            throw new InvalidInputException("points: zero or more.");
        }
        RubricScore.Grading grading = grading(d.grading());
        int number = d.number() == null ? repo.nextNumber(assignmentId) : d.number();
        if (number < 1 || number > 200) {
            throw new InvalidInputException("number: 1 to 200.");
        }
        long id = repo.insertQuestion(assignmentId, number, title, points, grading)
                .orElseThrow(() -> new ConflictException("This assignment already has a question " + number + "."));
        audit.record(grant.caller().accountId(), a.courseId(), "written.question.added", a.shortName() + " Q" + number + " " + points + " points " + grading);
        return question(assignmentId, id);
    }

    /** Staff see the rubrics; students see the questions (no rubric) once the assignment is released to them. */
    @Transactional(readOnly = true)
    public List<WrittenQuestion> questions(long assignmentId) {
        Owner a = repo.assignment(assignmentId).orElseThrow(() -> assignmentNotFound(assignmentId));
        var grant = within(a, () -> access.member(a.courseId()), () -> assignmentNotFound(assignmentId));
        if (grant.isStaff()) {
            return repo.questions(assignmentId);
        }
        if (a.releaseAt().isAfter(clock.instant())) {
            throw assignmentNotFound(assignmentId);
        }
        return repo.questions(assignmentId).stream().map(WrittenQuestion::withoutRubric).toList();
    }

    @Transactional
    public RubricItem addItem(long questionId, WrittenDrafts.Item d) {
        Owner a = repo.ownerOfQuestion(questionId).orElseThrow(() -> questionNotFound(questionId));
        var grant = within(a, () -> access.staff(a.courseId()), () -> questionNotFound(questionId));
        var item = item(d);
        long id = repo.insertItem(questionId, item.points(), item.text());
        audit.record(grant.caller().accountId(), a.courseId(), "rubric.item.added", "question " + questionId + " item " + id + " " + item.points());
        return repo.item(id).orElseThrow();
    }

    /**
     * Changes one rubric item: every grade that applies it now counts the new points and shows the new text. The
     * written totals of those students are reported again; one audit entry names the change and how many grades it touched.
     */
    @Transactional
    public int changeItem(long itemId, WrittenDrafts.Item d) {
        long questionId = repo.questionOfItem(itemId).orElseThrow(() -> itemNotFound(itemId));
        Owner a = repo.ownerOfQuestion(questionId).orElseThrow(() -> itemNotFound(itemId));
        var grant = within(a, () -> access.staff(a.courseId()), () -> itemNotFound(itemId));
        var item = item(d);
        repo.lockItem(itemId);
        RubricItem old = repo.item(itemId).orElseThrow(() -> itemNotFound(itemId));
        repo.updateItem(itemId, item.points(), item.text());
        List<Long> students = repo.accountsApplying(itemId);
        audit.record(grant.caller().accountId(), a.courseId(), "rubric.item.changed", "item " + itemId + " of question " + questionId
                + ": points " + old.points().toPlainString() + " -> " + item.points().toPlainString()
                + (old.text().equals(item.text()) ? "" : ", text changed") + "; " + students.size() + " grades updated");
        report(a, students);
        return students.size();
    }

    /** Staff: one student's grade on one question (ungraded: nothing applied, no score). */
    @Transactional(readOnly = true)
    public WrittenGrade grade(long questionId, long accountId) {
        Owner a = repo.ownerOfQuestion(questionId).orElseThrow(() -> questionNotFound(questionId));
        within(a, () -> access.staff(a.courseId()), () -> questionNotFound(questionId));
        WrittenQuestion q = question(a.assignmentId(), questionId);
        return repo.grades(a.assignmentId(), List.of(accountId)).stream().filter(g -> g.questionId() == questionId).findFirst()
                .map(g -> toGrade(q, g))
                .orElse(new WrittenGrade(questionId, accountId, List.of(), BigDecimal.ZERO, "", null, null));
    }

    /** The student's current score on the question, null while ungraded; no role check (callers in this feature check). */
    BigDecimal currentScore(long questionId, long accountId) {
        Owner a = repo.ownerOfQuestion(questionId).orElseThrow(() -> questionNotFound(questionId));
        WrittenQuestion q = question(a.assignmentId(), questionId);
        return repo.grades(a.assignmentId(), List.of(accountId)).stream().filter(g -> g.questionId() == questionId && g.gradedAt() != null)
                .findFirst().map(g -> toGrade(q, g).score()).orElse(null);
    }

    /** Staff grade one student's answer to one question: the applied items replace the previous ones. */
    @Transactional
    public WrittenGrade saveGrade(long questionId, long accountId, WrittenDrafts.Grade d) {
        Owner a = repo.ownerOfQuestion(questionId).orElseThrow(() -> questionNotFound(questionId));
        var grant = within(a, () -> access.staff(a.courseId()), () -> questionNotFound(questionId));
        if (!repo.isStudent(a.courseId(), accountId)) {
            throw new NotFoundException("No student " + accountId + " in this course.");
        }
        if (d == null || d.applied() == null) {
            throw new InvalidInputException("applied: the list of rubric items applied (may be empty).");
        }
        WrittenQuestion q = question(a.assignmentId(), questionId);
        Set<Long> mine = q.rubric().stream().map(RubricItem::id).collect(Collectors.toSet());
        Set<Long> applied = new LinkedHashSet<>(d.applied());
        List<Long> foreign = applied.stream().filter(i -> i == null || !mine.contains(i)).toList();
        if (!foreign.isEmpty()) {
            throw new InvalidInputException("applied: " + foreign + " are not items of question " + q.number() + "'s rubric.");
        }
        BigDecimal adjustment = d.adjustment() == null ? BigDecimal.ZERO : points(d.adjustment(), "adjustment");
        String comment = text(d.comment(), "comment", MAX_TEXT, true);
        // A team item's version is graded once for every member it counts for (each keeps their own grade row).
        Set<Long> graded = new LinkedHashSet<>(List.of(accountId));
        graded.addAll(submissions.sharingWork(a.assignmentId(), accountId));
        for (long who : graded) {
            repo.saveGrade(questionId, who, applied, adjustment, comment, grant.caller().accountId(), clock.instant());
        }
        WrittenGrade g = grade(questionId, accountId);
        audit.record(grant.caller().accountId(), a.courseId(), "written.graded", a.shortName() + " Q" + q.number() + " account"
                + (graded.size() == 1 ? " " + accountId : "s " + graded) + " = " + g.score().toPlainString() + " items " + applied);
        report(a, List.copyOf(graded));
        return g;
    }

    /** A student's own results, only once the assignment's grades are released; staff may read any student's. */
    @Transactional(readOnly = true)
    public List<QuestionResult> results(long assignmentId, Long accountId) {
        Owner a = repo.assignment(assignmentId).orElseThrow(() -> assignmentNotFound(assignmentId));
        var grant = within(a, () -> access.member(a.courseId()), () -> assignmentNotFound(assignmentId));
        long who;
        if (grant.isStaff()) {
            if (accountId == null) {
                throw new InvalidInputException("Staff name the student (accountId).");
            }
            who = accountId;
        } else {
            if (accountId != null && accountId != grant.caller().accountId()) {
                throw new ForbiddenException("Students read only their own results.");
            }
            if (!a.gradesReleased()) {
                throw new ConflictException("The written grades of " + a.shortName() + " are not released yet.");
            }
            who = grant.caller().accountId();
        }
        List<WrittenQuestion> questions = repo.questions(assignmentId);
        Map<Long, GradeRow> rows = repo.grades(assignmentId, List.of(who)).stream()
                .collect(Collectors.toMap(GradeRow::questionId, Function.identity()));
        List<QuestionResult> out = new ArrayList<>();
        for (WrittenQuestion q : questions) {
            GradeRow g = rows.get(q.id());
            if (g == null || g.gradedAt() == null) {
                out.add(new QuestionResult(q.id(), q.number(), q.title(), q.points(), null, List.of(), null, ""));
                continue;
            }
            Map<Long, RubricItem> byId = q.rubric().stream().collect(Collectors.toMap(RubricItem::id, Function.identity()));
            out.add(new QuestionResult(q.id(), q.number(), q.title(), q.points(), toGrade(q, g).score(),
                    g.applied().stream().map(byId::get).toList(), g.adjustment(), g.comment()));
        }
        return out;
    }

    /**
     * Reports the written total of each student given: the sum of their graded questions' scores. A student with no
     * graded question is not reported (nothing reaches the gradebook before someone grades).
     */
    private void report(Owner a, List<Long> students) {
        if (students.isEmpty()) {
            return;
        }
        Map<Long, WrittenQuestion> questions = repo.questions(a.assignmentId()).stream()
                .collect(Collectors.toMap(WrittenQuestion::id, Function.identity()));
        Map<Long, BigDecimal> totals = new HashMap<>();
        for (GradeRow g : repo.grades(a.assignmentId(), students)) {
            if (g.gradedAt() != null) {
                totals.merge(g.accountId(), toGrade(questions.get(g.questionId()), g).score(), BigDecimal::add);
            }
        }
        for (Long s : new TreeSet<>(totals.keySet())) {
            events.publishEvent(new ScoreReported(a.courseId(), itemKey(a.shortName()), s, totals.get(s), "written"));
        }
    }

    private static WrittenGrade toGrade(WrittenQuestion q, GradeRow g) {
        Map<Long, BigDecimal> points = q.rubric().stream().collect(Collectors.toMap(RubricItem::id, RubricItem::points));
        var r = RubricScore.of(q.points(), q.grading(), g.applied().stream().map(points::get).toList(), g.adjustment());
        return new WrittenGrade(g.questionId(), g.accountId(), g.applied(), g.adjustment(), g.comment(), r.score(), g.gradedAt());
    }

    private WrittenQuestion question(long assignmentId, long questionId) {
        return repo.questions(assignmentId).stream().filter(q -> q.id() == questionId).findFirst().orElseThrow(() -> questionNotFound(questionId));
    }

    private static WrittenDrafts.Item item(WrittenDrafts.Item d) {
        if (d == null) {
            throw new InvalidInputException("A rubric item has points and a text.");
        }
        return new WrittenDrafts.Item(points(d.points(), "points"), text(d.text(), "text", MAX_TEXT, false));
    }

    private static BigDecimal points(BigDecimal v, String what) {
        if (v == null) {
            throw new InvalidInputException(what + ": a number.");
        }
        NumberLimits.check(v, what);
        if (v.abs().compareTo(MAX_POINTS) > 0 || v.scale() > 2) {
            throw new InvalidInputException(what + ": between -1000 and 1000, at most 2 decimals.");
        }
        return v;
    }

    private static String text(String v, String what, int max, boolean blankOk) {
        String s = v == null ? "" : v.strip();
        if ((!blankOk && s.isEmpty()) || s.length() > max) {
            throw new InvalidInputException(what + ": " + (blankOk ? "0" : "1") + " to " + max + " characters.");
        }
        return s;
    }

    private static RubricScore.Grading grading(String g) {
        if (g == null || g.isBlank()) {
            return RubricScore.Grading.POSITIVE;
        }
        try {
            return RubricScore.Grading.valueOf(g.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("grading: positive (items add from 0) or negative (items take away from full points).");
        }
    }

    /** The caller's grant; outsiders get the thing's own "not found", naming no course. */
    private static CourseAccess.Grant within(Owner a, java.util.function.Supplier<CourseAccess.Grant> check,
                                             java.util.function.Supplier<NotFoundException> notFound) {
        try {
            return check.get();
        } catch (NotFoundException e) {
            throw notFound.get();
        }
    }

    private static NotFoundException assignmentNotFound(long id) {
        return new NotFoundException("No assignment " + id + ".");
    }

    private static NotFoundException questionNotFound(long id) {
        return new NotFoundException("No written question " + id + ".");
    }

    private static NotFoundException itemNotFound(long id) {
        return new NotFoundException("No rubric item " + id + ".");
    }

    /**
     * The questions with their rubric, for a feature that lets students score others' work with it (a poster session's
     * peers); members of the course. The calling feature decides first that this student may score.
     */
    @Transactional(readOnly = true)
    public List<WrittenQuestion> rubricForPeerScoring(long assignmentId) {
        Owner a = repo.assignment(assignmentId).orElseThrow(() -> assignmentNotFound(assignmentId));
        within(a, () -> access.member(a.courseId()), () -> assignmentNotFound(assignmentId));
        return repo.questions(assignmentId);
    }
}
