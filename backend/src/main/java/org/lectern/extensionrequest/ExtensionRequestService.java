package org.lectern.extensionrequest;

import java.time.Clock;
import java.util.List;
import org.lectern.course.CourseAccess;
import org.lectern.extensionrequest.internal.ExtensionRequestRepository;
import org.lectern.gradebook.GradingPolicyService;
import org.lectern.gradebook.PolicyDocument;
import org.lectern.gradebook.ScoreEntryService;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extension requests: a student asks for days on one gradebook item with a reason; staff approve or deny with a note.
 * An approved request becomes an ordinary extension through {@link ScoreEntryService#grantExtension} (the one place
 * extensions are made, audited there), which the late-day ledger already honours.
 */
@Service
public class ExtensionRequestService {

    static final int MAX_TEXT = 2000;

    private final ExtensionRequestRepository repo;
    private final CourseAccess access;
    private final GradingPolicyService policies;
    private final ScoreEntryService scores;
    private final AuditLog audit;
    private final Clock clock;

    ExtensionRequestService(ExtensionRequestRepository repo, CourseAccess access, GradingPolicyService policies, ScoreEntryService scores,
                            AuditLog audit, Clock clock) {
        this.repo = repo;
        this.access = access;
        this.policies = policies;
        this.scores = scores;
        this.audit = audit;
        this.clock = clock;
    }

    public record Draft(String item, Integer days, String reason) {
    }

    @Transactional
    public ExtensionRequest request(long courseId, Draft d) {
        var grant = access.member(courseId);
        if (grant.isStaff()) {
            throw new ForbiddenException("Students ask for extensions; staff grant them in the gradebook.");
        }
        if (d == null || d.item() == null) {
            throw new InvalidInputException("item: the gradebook item (e.g. A2).");
        }
        String key = policies.policy(courseId).item(d.item().strip()).map(PolicyDocument.ItemJson::shortName)
                .orElseThrow(() -> new InvalidInputException("item: " + d.item().strip() + " is not an item of this course."));
        if (d.days() == null || d.days() < 1 || d.days() > 30) {
            throw new InvalidInputException("days: 1 to 30.");
        }
        String reason = d.reason() == null ? "" : d.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_TEXT) {
            throw new InvalidInputException("reason: 1 to " + MAX_TEXT + " characters.");
        }
        long me = grant.caller().accountId();
        long id = repo.insert(courseId, key, me, d.days(), reason, clock.instant())
                .orElseThrow(() -> new ConflictException("You already have an open extension request on " + key + "."));
        audit.record(me, courseId, "extension.requested", key + " " + d.days() + " days, request " + id);
        return repo.byId(id).orElseThrow();
    }

    /** Students: their own requests; staff: the course's, open ones first. */
    @Transactional(readOnly = true)
    public List<ExtensionRequest> requests(long courseId) {
        var grant = access.member(courseId);
        return repo.forCourse(courseId, grant.isStaff() ? null : grant.caller().accountId());
    }

    /** Staff: how many requests wait for a decision. */
    @Transactional(readOnly = true)
    public int openCount(long courseId) {
        access.staff(courseId);
        return repo.openCount(courseId);
    }

    /** Staff approve (the request's days become an extension) or deny, with a note the student reads. */
    @Transactional
    public ExtensionRequest decide(long requestId, Boolean approve, String note) {
        ExtensionRequest r = repo.byId(requestId).orElseThrow(() -> notFound(requestId));
        CourseAccess.Grant grant;
        try {
            grant = access.staff(r.courseId());
        } catch (NotFoundException e) {
            throw notFound(requestId);
        }
        if (approve == null) {
            throw new InvalidInputException("approve: true or false.");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_TEXT || (!approve && text.isEmpty())) {
            throw new InvalidInputException("note: " + (approve ? "0" : "1") + " to " + MAX_TEXT + " characters (say why when denying).");
        }
        if (!repo.decide(requestId, approve ? "approved" : "denied", text, grant.caller().accountId(), clock.instant())) {
            throw new ConflictException("This request was decided meanwhile.");
        }
        if (approve) {
            scores.grantExtension(r.courseId(), r.itemKey(), repo.email(r.accountId()), null, r.days(), "request " + requestId + ": " + r.reason());
        } else {
            audit.record(grant.caller().accountId(), r.courseId(), "extension.denied", r.itemKey() + " request " + requestId);
        }
        return repo.byId(requestId).orElseThrow();
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No extension request " + id + ".");
    }
}
