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
import org.lectern.platform.StaffWorkChanged;
import org.lectern.platform.audit.AuditLog;
import org.lectern.platform.blob.BlobStore;
import org.springframework.context.ApplicationEventPublisher;
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
    private final BlobStore blobs;
    private final ApplicationEventPublisher events;

    ExtensionRequestService(ExtensionRequestRepository repo, CourseAccess access, GradingPolicyService policies, ScoreEntryService scores,
                            AuditLog audit, Clock clock, BlobStore blobs, ApplicationEventPublisher events) {
        this.blobs = blobs;
        this.events = events;
        this.repo = repo;
        this.access = access;
        this.policies = policies;
        this.scores = scores;
        this.audit = audit;
        this.clock = clock;
    }

    public record Draft(String item, Integer days, String reason) {
    }

    /** An attached document as uploaded: its name and bytes (checked by {@link Evidence}). */
    public record Document(String name, byte[] content) {
    }

    /** A stored document as served: the name the student gave, its detected kind and its bytes. */
    public record StoredDocument(String name, Evidence.Kind kind, byte[] content) {
    }

    @Transactional
    public ExtensionRequest request(long courseId, Draft d) {
        return request(courseId, d, null);
    }

    /** As {@link #request(long, Draft)}, with an optional document stored in the same transaction (all or nothing). */
    @Transactional
    public ExtensionRequest request(long courseId, Draft d, Document document) {
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
        if (document != null) {
            Evidence.problem(document.name(), document.content()).ifPresent(p -> {
                throw new InvalidInputException(p);
            });
        }
        long me = grant.caller().accountId();
        long id = repo.insert(courseId, key, me, d.days(), reason, clock.instant())
                .orElseThrow(() -> new ConflictException("You already have an open extension request on " + key + "."));
        if (document != null) {
            repo.attach(id, document.name().strip(), blobs.put(document.content()));
        }
        audit.record(me, courseId, "extension.requested", key + " " + d.days() + " days, request " + id + (document == null ? "" : ", with a document"));
        events.publishEvent(new StaffWorkChanged(courseId));
        return repo.byId(id).orElseThrow();
    }

    /** Students: their own requests; staff: the course's, open ones first. */
    @Transactional(readOnly = true)
    public List<ExtensionRequest> requests(long courseId) {
        var grant = access.member(courseId);
        return repo.forCourse(courseId, grant.isStaff() ? null : grant.caller().accountId());
    }

    /** The request's document: for the student who asked and the course's staff; anyone else, or no document: 404. */
    @Transactional(readOnly = true)
    public StoredDocument document(long requestId) {
        ExtensionRequest r = repo.byId(requestId).orElseThrow(() -> notFound(requestId));
        CourseAccess.Grant grant;
        try {
            grant = access.member(r.courseId());
        } catch (NotFoundException e) {
            throw notFound(requestId);
        }
        if (!grant.isStaff() && grant.caller().accountId() != r.accountId()) {
            throw notFound(requestId);
        }
        byte[] content = repo.documentSha(requestId).flatMap(blobs::get)
                .orElseThrow(() -> new NotFoundException("Extension request " + requestId + " has no document."));
        return new StoredDocument(r.documentName(), Evidence.kindOf(content).orElseThrow(), content);
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
        events.publishEvent(new StaffWorkChanged(r.courseId()));
        return repo.byId(requestId).orElseThrow();
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No extension request " + id + ".");
    }
}
