package org.lectern.gradebook;

import java.math.BigDecimal;
import java.time.Instant;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.Member;
import org.lectern.gradebook.internal.GradebookRepository;
import org.lectern.identity.EmailAddress;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One student's score on one item: staff enter or excuse it, instructors override it, staff grant extensions, and
 * grading features report it ({@link ScoreReported}). Every change is audited.
 */
@Service
public class ScoreEntryService {

    private final GradebookRepository repo;
    private final CourseAccess access;
    private final CourseService courses;
    private final GradingPolicyService policies;
    private final AuditLog audit;

    ScoreEntryService(GradebookRepository repo, CourseAccess access, CourseService courses, GradingPolicyService policies, AuditLog audit) {
        this.repo = repo;
        this.access = access;
        this.courses = courses;
        this.policies = policies;
        this.audit = audit;
    }

    /**
     * Stores a score a feature computed (see {@link ScoreReported}); no role check for a plain report: the reporter
     * did it. An override-kind report is an override, with its checks.
     */
    @EventListener
    void onScoreReported(ScoreReported e) {
        if (e.isOverride()) {
            Member m = courses.roster(e.courseId()).stream().filter(r -> r.accountId() == e.accountId() && r.role() == CourseRole.STUDENT)
                    .findFirst().orElseThrow(() -> new InvalidInputException("A student of this report is no longer in the course."));
            override(e.courseId(), e.itemKey(), m.email(), e.score(), e.overrideReason());
            return;
        }
        if (e.work() != null) {
            if (e.score() != null && e.score().signum() < 0) {
                throw new IllegalArgumentException("a reported score is zero or more");
            }
            // Not audited: a grading run's outcome is already on record in its own rows.
            repo.putWorkScore(e.work().assignmentId(), e.accountId(), e.work().submittedAt(), e.score(), e.work().possible(), e.source(),
                    e.work().teamId());
            return;
        }
        if (e.score() == null || e.score().signum() < 0) {
            throw new IllegalArgumentException("a reported score is zero or more");
        }
        repo.putEntry(e.courseId(), e.itemKey(), e.accountId(), e.score(), false, null);
        audit.record(null, e.courseId(), "grade.reported", e.itemKey() + " account " + e.accountId() + " = " + e.score() + " by " + e.source());
    }


    @Transactional
    public void enterScore(long courseId, String itemKey, String email, BigDecimal score, boolean excused) {
        var grant = access.staff(courseId);
        String key = policies.itemKey(courseId, itemKey);
        Member m = student(courseId, email);
        if (!excused && (score == null || score.signum() < 0)) {
            throw new InvalidInputException("A score is zero or more (or mark the item excused).");
        }
        repo.putEntry(courseId, key, m.accountId(), excused ? null : score, excused, grant.caller().accountId());
        audit.record(grant.caller().accountId(), courseId, "grade.entered", key + " " + m.email() + " " + (excused ? "excused" : score));
    }

    /** A manual override (e.g. a zero for an integrity case); instructors only, always with a reason, audited. */
    @Transactional
    public void override(long courseId, String itemKey, String email, BigDecimal score, String reason) {
        var grant = access.instructor(courseId);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("An override needs a reason.");
        }
        if (score == null || score.signum() < 0) {
            throw new InvalidInputException("An override is a score of zero or more.");
        }
        String key = policies.itemKey(courseId, itemKey);
        Member m = student(courseId, email);
        repo.putOverride(courseId, key, m.accountId(), score, reason.strip(), grant.caller().accountId());
        audit.record(grant.caller().accountId(), courseId, "grade.override", key + " " + m.email() + " = " + score + " (" + reason.strip() + ")");
    }

    @Transactional
    public void grantExtension(long courseId, String itemKey, String email, Instant newDue, Integer extraDays, String reason) {
        var grant = access.staff(courseId);
        if ((newDue == null) == (extraDays == null)) {
            throw new InvalidInputException("Give either a new due time or a number of extra days.");
        }
        if (extraDays != null && extraDays < 1) {
            throw new InvalidInputException("Extra days are one or more.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("An extension needs a reason.");
        }
        String key = policies.itemKey(courseId, itemKey);
        Member m = student(courseId, email);
        repo.addExtension(courseId, key, m.accountId(), newDue, extraDays, reason.strip(), grant.caller().accountId());
        audit.record(grant.caller().accountId(), courseId, "extension.granted", key + " " + m.email() + " "
                + (newDue != null ? "until " + newDue : extraDays + " days") + " (" + reason.strip() + ")");
    }

    private Member student(long courseId, String email) {
        String e = EmailAddress.normalise(email);
        return courses.roster(courseId).stream().filter(m -> m.email().equals(e) && m.role() == CourseRole.STUDENT).findFirst()
                .orElseThrow(() -> new InvalidInputException(email + " is not a student in this course."));
    }

}
