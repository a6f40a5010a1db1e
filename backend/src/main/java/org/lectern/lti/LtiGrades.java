package org.lectern.lti;

import org.lectern.platform.Backoff;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseAccess;
import org.lectern.gradebook.GradebookService;
import org.lectern.lti.internal.LtiRepository.ContextRow;
import org.lectern.lti.internal.LtiRepository.OutboxRow;
import org.lectern.lti.internal.LtiRepository;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assignment and Grade Services: released gradebook scores go to the LMS gradebook. Queuing compares each
 * released score with the last one queued for that student and item and writes an outbox row when it
 * differs; {@link #sendDue} sends due rows (one line item per Lectern item and LMS course, found by
 * resource_id and tag before one is created), retrying 429 and 5xx with {@link Backoff}.
 * Only released scores are ever read: the gradebook hides unreleased ones from everyone but staff, and
 * this reads its {@code released} flag.
 */
@Service
public class LtiGrades {

    public static final String SCOPE_LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    public static final String SCOPE_LINEITEM_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    public static final String SCOPE_RESULT_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    public static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    static final String TAG = "lectern";
    static final String LINEITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
    static final String CONTAINER_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
    private static final Logger log = LoggerFactory.getLogger(LtiGrades.class);

    /** One score as the sync page shows it. */
    public record Sent(long id, String itemKey, String student, BigDecimal score, BigDecimal scoreMaximum, String status, int attempts,
                       Instant queuedAt, Instant sentAt, Instant nextAttemptAt, String error) {
    }

    private final LtiRepository repo;
    private final GradebookService gradebooks;
    private final AssignmentService assignments;
    private final SubmissionService submissions;
    private final CourseAccess access;
    private final LtiPlatforms platforms;
    private final LtiServiceClient client;
    private final LtiSettings settings;
    private final Clock clock;

    LtiGrades(LtiRepository repo, GradebookService gradebooks, AssignmentService assignments, SubmissionService submissions,
              CourseAccess access, LtiPlatforms platforms, LtiServiceClient client, LtiSettings settings, Clock clock) {
        this.repo = repo;
        this.gradebooks = gradebooks;
        this.assignments = assignments;
        this.submissions = submissions;
        this.access = access;
        this.platforms = platforms;
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    /** Staff: queue one assignment's released scores again (POST /api/v1/assignments/{id}/lti/sync). */
    @Transactional
    public int syncAssignment(long assignmentId) {
        Assignment a = assignments.get(assignmentId);
        access.staff(a.courseId());
        return queue(a.courseId(), a.shortName());
    }

    /** Staff: queue a whole course's released scores. */
    @Transactional
    public int syncCourse(long courseId) {
        access.staff(courseId);
        return queue(courseId, null);
    }

    /**
     * Queues what changed for one item (null: every item) as the caller sees the gradebook: staff see every
     * student, a student only themselves. Returns how many scores were queued.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW) // also called after other transactions commit (events)
    public int queue(long courseId, String itemKey) {
        List<ContextRow> contexts = repo.contextsOfCourse(courseId).stream().filter(c -> c.lineitemsUrl() != null).toList();
        if (contexts.isEmpty()) {
            return 0;
        }
        repo.lockCourseQueue(courseId);
        var book = gradebooks.gradebook(courseId);
        Map<String, Map<Long, Instant>> submittedAt = new HashMap<>();
        Map<String, String> titles = new HashMap<>(); // the LMS column's label: "A1: kNN" rather than the policy key
        assignments.list(courseId).forEach(a -> titles.put(a.shortName().toLowerCase(Locale.ROOT), a.shortName() + ": " + a.title()));
        int queued = 0;
        for (String key : book.itemKeys()) {
            if (itemKey != null && !key.equalsIgnoreCase(itemKey)) {
                continue;
            }
            for (var row : book.students()) {
                var line = row.items().get(key);
                if (line == null || !line.released() || line.score() == null || line.max() == null || line.max().signum() <= 0) {
                    continue;
                }
                for (ContextRow ctx : contexts) {
                    Optional<String> subject = repo.subjectOf(ctx.platformId(), row.accountId());
                    if (subject.isEmpty()) {
                        continue; // never launched from this LMS: the LMS would not know whom the score is for
                    }
                    Optional<BigDecimal> last = repo.lastQueued(ctx.platformId(), ctx.contextId(), key, row.accountId());
                    if (last.isPresent() && last.get().compareTo(line.score()) == 0) {
                        continue;
                    }
                    Instant at = submittedAt.computeIfAbsent(key, k -> submissionTimes(book.grant().isStaff(), courseId, k))
                            .get(row.accountId());
                    repo.enqueue(ctx.platformId(), ctx.contextId(), courseId, key, titles.getOrDefault(key.toLowerCase(Locale.ROOT), key),
                            row.accountId(), subject.get(), line.score(),
                            line.max(), at);
                    queued++;
                }
            }
        }
        return queued;
    }

    private Map<Long, Instant> submissionTimes(boolean staff, long courseId, String key) {
        Map<Long, Instant> times = new HashMap<>();
        if (!staff) {
            return times;
        }
        assignments.list(courseId).stream().filter(a -> a.shortName().equalsIgnoreCase(key)).findFirst()
                .ifPresent(a -> submissions.counted(a.id()).forEach((Submission s) -> times.put(s.accountId(), s.submittedAt())));
        return times;
    }

    /** Staff: what was sent for a course (or one item), newest first. */
    @Transactional(readOnly = true)
    public List<Sent> history(long courseId, String itemKey) {
        access.staff(courseId);
        Map<Long, String> names = new HashMap<>();
        gradebooks.gradebook(courseId).students().forEach(s -> names.put(s.accountId(), s.name() + " <" + s.email() + ">"));
        return repo.outboxOfCourse(courseId, itemKey).stream().map(o -> new Sent(o.id(), o.itemKey(),
                names.getOrDefault(o.accountId(), "account " + o.accountId()), o.score(), o.scoreMaximum(), o.status(), o.attempts(),
                o.createdAt(), o.sentAt(), "PENDING".equals(o.status()) ? o.nextAttemptAt() : null, o.lastError())).toList();
    }

    @Transactional(readOnly = true)
    public Assignment assignment(long assignmentId) {
        Assignment a = assignments.get(assignmentId);
        access.staff(a.courseId());
        return a;
    }

    // ---- the sender (pool task, no caller)

    /** Sends what is due; returns how many rows it tried. */
    public int sendDue() {
        Instant now = clock.instant();
        List<OutboxRow> due = repo.claimDue(now, now.plus(Duration.ofMinutes(5)), 50);
        for (OutboxRow row : due) {
            try {
                send(row);
                repo.markSent(row.id(), clock.instant());
            } catch (LtiServiceClient.ServiceError e) {
                Duration wait = e.retryable() ? settings.backoff().after(row.attempts() + 1) : null;
                if (wait != null) {
                    repo.markRetry(row.id(), clock.instant().plus(wait), e.getMessage() + " Trying again at " + clock.instant().plus(wait) + ".");
                } else {
                    repo.markFailed(row.id(), e.getMessage() + (e.retryable() ? " Gave up after " + (row.attempts() + 1) + " tries." : ""));
                }
            } catch (RuntimeException e) {
                log.warn("sending score {} to the LMS failed", row.id(), e);
                repo.markFailed(row.id(), "Lectern could not send this score: " + e.getMessage());
            }
        }
        return due.size();
    }

    private void send(OutboxRow row) throws LtiServiceClient.ServiceError {
        Platform p = platforms.find(row.platformId()).orElseThrow(() -> new LtiServiceClient.ServiceError(404, "The LMS was unregistered."));
        ContextRow ctx = repo.context(row.platformId(), row.contextId()).orElseThrow();
        String lineItem = lineItem(p, ctx, row);
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("userId", row.subject());
        score.put("scoreGiven", row.score());
        score.put("scoreMaximum", row.scoreMaximum());
        score.put("activityProgress", "Completed");
        score.put("gradingProgress", "FullyGraded");
        score.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(row.createdAt()));
        Map<String, Object> canvas = new LinkedHashMap<>();
        canvas.put("new_submission", false);
        canvas.put("submission_type", "none");
        Instant submitted = row.submittedAt() == null ? row.createdAt() : row.submittedAt();
        canvas.put("submitted_at", DateTimeFormatter.ISO_INSTANT.format(submitted.isAfter(clock.instant()) ? clock.instant() : submitted));
        score.put("https://canvas.instructure.com/lti/submission", canvas);
        client.call(p, List.of(SCOPE_SCORE), "POST", service(lineItem, "/scores"), "application/json", SCORE_TYPE,
                LtiServiceClient.JSON.writeValueAsString(score));
    }

    /** The LMS line item for this Lectern item: remembered, found by resource_id and tag, or created. */
    private String lineItem(Platform p, ContextRow ctx, OutboxRow row) throws LtiServiceClient.ServiceError {
        Optional<String> known = repo.lineItem(ctx.platformId(), ctx.contextId(), row.itemKey());
        if (known.isPresent()) {
            return known.get();
        }
        List<String> scopes = List.of(SCOPE_LINEITEM);
        String query = "resource_id=" + LtiServiceClient.enc(row.itemKey()) + "&tag=" + TAG;
        var found = client.call(p, scopes, "GET", withQuery(ctx.lineitemsUrl(), query), CONTAINER_TYPE, null, null).json();
        for (var item : found) {
            if (row.itemKey().equals(item.path("resourceId").asString(null)) && TAG.equals(item.path("tag").asString(null))) {
                String id = item.path("id").asString(null);
                if (id != null) {
                    repo.saveLineItem(ctx.platformId(), ctx.contextId(), row.itemKey(), id);
                    return id;
                }
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scoreMaximum", row.scoreMaximum());
        body.put("label", row.itemTitle());
        body.put("resourceId", row.itemKey());
        body.put("tag", TAG);
        var created = client.call(p, scopes, "POST", ctx.lineitemsUrl(), LINEITEM_TYPE, LINEITEM_TYPE,
                LtiServiceClient.JSON.writeValueAsString(body)).json();
        String id = created.path("id").asString(null);
        if (id == null) {
            throw new LtiServiceClient.ServiceError(400, "The LMS created a line item but sent back no id.");
        }
        repo.saveLineItem(ctx.platformId(), ctx.contextId(), row.itemKey(), id);
        return id;
    }

    /** {@code /scores} or {@code /results} goes before any query string (AGS §3.4). */
    static String service(String lineItem, String suffix) {
        int q = lineItem.indexOf('?');
        return q < 0 ? lineItem + suffix : lineItem.substring(0, q) + suffix + lineItem.substring(q);
    }

    static String withQuery(String url, String query) {
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    /** For the reconcile task: each linked course with an AGS endpoint, and who linked it (queuing runs as them). */
    @Transactional(readOnly = true)
    public Map<Long, Long> linkedCourses() {
        Map<Long, Long> courses = new LinkedHashMap<>();
        repo.linkedContexts().forEach(c -> {
            if (c.lineitemsUrl() != null && c.linkedBy() != null) {
                courses.putIfAbsent(c.courseId(), c.linkedBy());
            }
        });
        return courses;
    }

}
