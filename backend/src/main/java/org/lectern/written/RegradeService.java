package org.lectern.written;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.lectern.course.CourseAccess;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.StaffWorkChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.lectern.platform.audit.AuditLog;
import org.lectern.written.internal.RegradeRepository;
import org.lectern.written.internal.WrittenRepository;
import org.lectern.written.internal.WrittenRepository.Owner;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Regrade requests on written questions: a student asks on a graded question of a released assignment, inside the
 * window the instructor set (no window: closed); staff change the grade as usual and answer with a note; the request
 * keeps the score when asked and when answered, so the outcome and the change are shown to the student and audited.
 */
@Service
public class RegradeService {

    private final RegradeRepository regrades;
    private final WrittenRepository repo;
    private final WrittenService written;
    private final CourseAccess access;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RegradeService(RegradeRepository regrades, WrittenRepository repo, WrittenService written, CourseAccess access, AuditLog audit, Clock clock,
                   ApplicationEventPublisher events) {
        this.events = events;
        this.regrades = regrades;
        this.repo = repo;
        this.written = written;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public record Window(Instant opensAt, Instant closesAt) {
    }

    @Transactional
    public Window setWindow(long assignmentId, Window w) {
        Owner a = repo.assignment(assignmentId).orElseThrow(() -> new NotFoundException("No assignment " + assignmentId + "."));
        CourseAccess.Grant grant;
        try {
            grant = access.instructor(a.courseId());
        } catch (NotFoundException e) {
            throw new NotFoundException("No assignment " + assignmentId + ".");
        }
        if (w == null || w.opensAt() == null || w.closesAt() == null || !w.closesAt().isAfter(w.opensAt())) {
            throw new InvalidInputException("opensAt and closesAt: regrade requests must close after they open.");
        }
        regrades.setWindow(assignmentId, w.opensAt(), w.closesAt());
        audit.record(grant.caller().accountId(), a.courseId(), "written.regrade.window", a.shortName() + " " + w.opensAt() + " to " + w.closesAt());
        return w;
    }

    /** A student asks for a regrade of their graded answer to one question. */
    @Transactional
    public RegradeRequest request(long questionId, String reason) {
        Owner a = repo.ownerOfQuestion(questionId).orElseThrow(() -> questionNotFound(questionId));
        var grant = member(a, questionId);
        if (grant.isStaff()) {
            throw new ForbiddenException("Students ask for regrades; staff change the grade directly.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > WrittenService.MAX_TEXT) {
            throw new InvalidInputException("reason: 1 to " + WrittenService.MAX_TEXT + " characters.");
        }
        if (!a.gradesReleased()) {
            throw new ConflictException("Grades of " + a.shortName() + " are not released yet.");
        }
        Instant now = clock.instant();
        var window = regrades.window(a.assignmentId())
                .orElseThrow(() -> new ConflictException("Regrade requests for " + a.shortName() + " are not open."));
        if (now.isBefore(window.opensAt()) || !now.isBefore(window.closesAt())) {
            throw new ConflictException("Regrade requests for " + a.shortName() + " are open from " + window.opensAt() + " until " + window.closesAt() + ".");
        }
        long me = grant.caller().accountId();
        BigDecimal before = written.currentScore(questionId, me);
        if (before == null) {
            throw new ConflictException("This question has not been graded for you.");
        }
        long id = regrades.insert(questionId, me, why, before, now)
                .orElseThrow(() -> new ConflictException("You already have an open regrade request on this question."));
        audit.record(me, a.courseId(), "written.regrade.requested", a.shortName() + " question " + questionId + " request " + id);
        events.publishEvent(new StaffWorkChanged(a.courseId()));
        return regrades.byId(id).orElseThrow();
    }

    /** Staff answer with a note; the score after is the grade as it stands now (change it first, or leave it). */
    @Transactional
    public RegradeRequest answer(long requestId, String note) {
        RegradeRequest r = regrades.byId(requestId).orElseThrow(() -> requestNotFound(requestId));
        Owner a = repo.ownerOfQuestion(r.questionId()).orElseThrow(() -> requestNotFound(requestId));
        CourseAccess.Grant grant;
        try {
            grant = access.staff(a.courseId());
        } catch (NotFoundException e) {
            throw requestNotFound(requestId);
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > WrittenService.MAX_TEXT) {
            throw new InvalidInputException("answer: 1 to " + WrittenService.MAX_TEXT + " characters.");
        }
        BigDecimal after = written.currentScore(r.questionId(), r.accountId());
        if (!regrades.answer(requestId, text, after, grant.caller().accountId(), clock.instant())) {
            throw new ConflictException("This request was answered meanwhile.");
        }
        audit.record(grant.caller().accountId(), a.courseId(), "written.regrade.answered", a.shortName() + " request " + requestId
                + " account " + r.accountId() + ": " + plain(r.scoreBefore()) + " -> " + plain(after));
        events.publishEvent(new StaffWorkChanged(a.courseId()));
        return regrades.byId(requestId).orElseThrow();
    }

    /** Students: their own requests; staff: every request of the assignment, open ones first. */
    @Transactional(readOnly = true)
    public List<RegradeRequest> requests(long assignmentId) {
        Owner a = repo.assignment(assignmentId).orElseThrow(() -> new NotFoundException("No assignment " + assignmentId + "."));
        CourseAccess.Grant grant;
        try {
            grant = access.member(a.courseId());
        } catch (NotFoundException e) {
            throw new NotFoundException("No assignment " + assignmentId + ".");
        }
        return regrades.forAssignment(assignmentId, grant.isStaff() ? null : grant.caller().accountId());
    }

    /** The window of an assignment, if the instructor set one (members: students see when they may ask). */
    @Transactional(readOnly = true)
    public java.util.Optional<Window> window(long assignmentId) {
        Owner a = repo.assignment(assignmentId).orElseThrow(() -> new NotFoundException("No assignment " + assignmentId + "."));
        try {
            access.member(a.courseId());
        } catch (NotFoundException e) {
            throw new NotFoundException("No assignment " + assignmentId + ".");
        }
        return regrades.window(assignmentId).map(w -> new Window(w.opensAt(), w.closesAt()));
    }

    /** Staff: every regrade request of the course, open ones first (the answering page). */
    @Transactional(readOnly = true)
    public List<RegradeRequest> courseRequests(long courseId) {
        access.staff(courseId);
        return regrades.forCourse(courseId);
    }

    /** Staff: how many regrade requests of the course wait for an answer. */
    @Transactional(readOnly = true)
    public int openCount(long courseId) {
        access.staff(courseId);
        return regrades.openCount(courseId);
    }

    private CourseAccess.Grant member(Owner a, long questionId) {
        try {
            return access.member(a.courseId());
        } catch (NotFoundException e) {
            throw questionNotFound(questionId);
        }
    }

    private static String plain(BigDecimal b) {
        return b == null ? "ungraded" : b.stripTrailingZeros().toPlainString();
    }

    private static NotFoundException questionNotFound(long id) {
        return new NotFoundException("No written question " + id + ".");
    }

    private static NotFoundException requestNotFound(long id) {
        return new NotFoundException("No regrade request " + id + ".");
    }
}
