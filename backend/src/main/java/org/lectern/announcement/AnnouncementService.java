package org.lectern.announcement;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.lectern.announcement.internal.AnnouncementRepository;
import org.lectern.course.CourseAccess;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Course announcements: staff post one now or for later; members see the published ones until they dismiss them.
 * A scheduled one is announced ({@link AnnouncementPublished}) by a pool task at its time, so it reaches mail even
 * when no one opens the course page.
 */
@Service
public class AnnouncementService {

    static final String PUBLISH_TASK = "announcement-publish";
    static final int MAX_BODY = 20_000;

    private final AnnouncementRepository repo;
    private final CourseAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    AnnouncementService(AnnouncementRepository repo, CourseAccess access, AuditLog audit, ApplicationEventPublisher events,
                        ObjectProvider<SchedulerClient> scheduler, Clock clock) {
        this.repo = repo;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** {@code publishAt} null or past: now. At most a year ahead. */
    @Transactional
    public Announcement post(long courseId, String title, String body, Instant publishAt) {
        var grant = access.staff(courseId);
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 200) {
            throw new InvalidInputException("title: 1 to 200 characters.");
        }
        String b = body == null ? "" : body.strip();
        if (b.length() > MAX_BODY) {
            throw new InvalidInputException("body: at most " + MAX_BODY + " characters.");
        }
        Instant now = clock.instant();
        Instant at = publishAt == null || publishAt.isBefore(now) ? now : publishAt;
        if (at.isAfter(now.plus(Duration.ofDays(366)))) {
            throw new InvalidInputException("publishAt: within a year.");
        }
        long id = repo.insert(courseId, t, b, at, grant.caller().accountId());
        audit.record(grant.caller().accountId(), courseId, "announcement.posted", id + " at " + at);
        if (at.equals(now)) {
            announce(id, now);
        } else {
            scheduler.getObject().scheduleIfNotExists(new TaskInstance.Builder<Long>(PUBLISH_TASK, "announcement-" + id)
                    .data(id).scheduledTo(at));
        }
        return repo.byId(id).orElseThrow();
    }

    /** What the caller still sees on the course page: published and not dismissed. */
    @Transactional(readOnly = true)
    public List<Announcement> current(long courseId) {
        var grant = access.member(courseId);
        return repo.current(courseId, grant.caller().accountId(), clock.instant());
    }

    /** Staff: every announcement, scheduled ones too. */
    @Transactional(readOnly = true)
    public List<Announcement> all(long courseId) {
        access.staff(courseId);
        return repo.all(courseId);
    }

    @Transactional
    public void dismiss(long announcementId) {
        Announcement a = repo.byId(announcementId).orElseThrow(() -> notFound(announcementId));
        var grant = within(a.courseId(), a.id(), false);
        if (a.publishAt().isAfter(clock.instant()) && !grant.isStaff()) {
            throw notFound(announcementId); // not yet published: students do not learn it exists
        }
        repo.dismiss(announcementId, grant.caller().accountId());
    }

    @Transactional
    public void delete(long announcementId) {
        Announcement a = repo.byId(announcementId).orElseThrow(() -> notFound(announcementId));
        var grant = within(a.courseId(), a.id(), true);
        repo.delete(announcementId);
        audit.record(grant.caller().accountId(), a.courseId(), "announcement.deleted", Long.toString(announcementId));
    }

    /** The pool task at the scheduled time (no caller: it only announces what staff already scheduled). */
    @Transactional
    void publishDue(long announcementId) {
        repo.byId(announcementId).ifPresent(a -> announce(a.id(), clock.instant()));
    }

    private void announce(long id, Instant now) {
        if (repo.markAnnounced(id, now)) {
            Announcement a = repo.byId(id).orElseThrow();
            events.publishEvent(new AnnouncementPublished(a.courseId(), a.id(), a.title(), a.body()));
        }
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No announcement " + id + ".");
    }

    /** The caller's grant in the course of something found by its id; outsiders get that thing's "not found", naming no course. */
    private CourseAccess.Grant within(long courseId, long id, boolean staff) {
        try {
            return staff ? access.staff(courseId) : access.member(courseId);
        } catch (NotFoundException e) {
            throw notFound(id);
        }
    }
}
