package org.lectern.qa;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.lectern.course.CourseAccess;
import org.lectern.identity.CurrentUser;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.platform.blob.BlobStore;
import org.lectern.qa.internal.QaRepository.PostRow;
import org.lectern.qa.internal.QaRepository.ReplyRow;
import org.lectern.qa.internal.QaRepository;
import org.lectern.schedule.CourseItem;
import org.lectern.schedule.ScheduleService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Course Q&A: questions in categories from the schedule (a lecture or an assignment), public or private to staff,
 * anonymous to classmates (never to staff); answers, a staff-endorsed answer, follow-up comments, resolved or not;
 * staff pin, lock, make public and mark duplicates. What a caller sees passes through {@link #visible} and
 * {@link #reply}: students never see another's private post or an anonymous classmate's name. Every change commits a
 * NOTIFY ({@link QaBroadcaster}) and tells followers ({@link QaActivity}, the unread count).
 */
@Service
public class QaService {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 20_000;
    static final int MAX_COMMENT = 5_000;
    static final int PAGE = 200;

    private final QaRepository repo;
    private final CourseAccess access;
    private final ScheduleService schedule;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QaService(QaRepository repo, CourseAccess access, ScheduleService schedule, BlobStore blobs, AuditLog audit,
              ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.access = access;
        this.schedule = schedule;
        this.blobs = blobs;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Post ask(long courseId, PostDraft d) {
        var grant = access.member(courseId);
        String title = text(d.title(), MAX_TITLE, "title");
        String body = d.body() == null ? "" : d.body().strip();
        if (body.length() > MAX_BODY) {
            throw new InvalidInputException("body: at most " + MAX_BODY + " characters.");
        }
        if (d.lectureId() != null && d.itemId() != null) {
            throw new InvalidInputException("A question belongs to one lecture or one assignment, not both.");
        }
        if (d.lectureId() != null && schedule.lectures(courseId).stream().noneMatch(l -> l.id() == d.lectureId())) {
            throw new InvalidInputException("lectureId: no such lecture in this course.");
        }
        if (d.itemId() != null && schedule.items(courseId).stream()
                .noneMatch(i -> i.id() == d.itemId() && i.kind() == CourseItem.Kind.ASSIGNMENT)) {
            throw new InvalidInputException("itemId: no such assignment in this course.");
        }
        Instant now = clock.instant();
        long me = grant.caller().accountId();
        long id = repo.insertPost(courseId, d.lectureId(), d.itemId(), me, title, body, d.privatePost(), d.anonymous(), now);
        repo.follow(id, me, now);
        repo.notifyChanged(courseId, id);
        return visible(repo.post(id, me).orElseThrow(), me, grant.isStaff());
    }

    @Transactional(readOnly = true)
    public List<Post> posts(long courseId, PostFilter filter) {
        var grant = access.member(courseId);
        PostFilter f = filter == null ? PostFilter.all() : filter;
        if (f.query() != null && f.query().length() > 500) {
            throw new InvalidInputException("The search is longer than 500 characters.");
        }
        long me = grant.caller().accountId();
        return repo.posts(courseId, me, grant.isStaff(), f, PAGE).stream().map(r -> visible(r, me, grant.isStaff())).toList();
    }

    /** The thread; reading it marks it seen for the caller's unread count. */
    @Transactional
    public PostThread thread(long postId) {
        return thread(postId, true);
    }

    /**
     * The thread, marked seen or not: a page redrawn by a push passes false, because a browser can keep a page it has
     * left alive for a while, and a redraw nobody looks at must not clear the unread count.
     */
    @Transactional
    public PostThread thread(long postId, boolean markSeen) {
        var ctx = load(postId);
        long me = ctx.me;
        if (markSeen) {
            repo.seen(postId, me, clock.instant());
        }
        PostRow p = repo.post(postId, me).orElseThrow();
        boolean staff = ctx.staff;
        return new PostThread(visible(p, me, staff),
                repo.answers(postId).stream().map(r -> reply(r, me, staff)).toList(),
                repo.comments(postId).stream().map(r -> reply(r, me, staff)).toList());
    }

    @Transactional
    public Reply answer(long postId, String body, boolean anonymous) {
        var ctx = load(postId);
        repo.lock(postId);
        openForReplies(ctx);
        String b = text(body, MAX_BODY, "body");
        Instant now = clock.instant();
        long id = repo.insertAnswer(postId, ctx.me, ctx.staff, anonymous && !ctx.staff, b, now);
        if (ctx.staff) {
            repo.firstStaffAnswer(postId, now);
        }
        changed(ctx, now, QaActivity.Kind.ANSWER);
        return repo.answers(postId).stream().filter(r -> r.id() == id).map(r -> reply(r, ctx.me, ctx.staff)).findFirst().orElseThrow();
    }

    /** A follow-up on the post ({@code answerId} null) or under one of its answers. */
    @Transactional
    public Reply comment(long postId, Long answerId, String body, boolean anonymous) {
        var ctx = load(postId);
        repo.lock(postId);
        openForReplies(ctx);
        if (answerId != null && repo.answerPost(answerId).filter(p -> p == postId).isEmpty()) {
            throw new InvalidInputException("answerId: no such answer on this post.");
        }
        String b = text(body, MAX_COMMENT, "body");
        Instant now = clock.instant();
        long id = repo.insertComment(postId, answerId, ctx.me, ctx.staff, anonymous && !ctx.staff, b, now);
        changed(ctx, now, QaActivity.Kind.COMMENT);
        return repo.comments(postId).stream().filter(r -> r.id() == id).map(r -> reply(r, ctx.me, ctx.staff)).findFirst().orElseThrow();
    }

    /** Staff endorse (or withdraw the endorsement of) an answer. */
    @Transactional
    public void endorse(long answerId, boolean endorsed) {
        long postId = repo.answerPost(answerId).orElseThrow(() -> new NotFoundException("No answer " + answerId + "."));
        var ctx = load(postId);
        staffOnly(ctx);
        repo.lock(postId);
        repo.endorse(answerId, endorsed);
        changed(ctx, clock.instant(), endorsed ? QaActivity.Kind.ENDORSED : null);
    }

    /** The author or staff mark the question resolved (or not). */
    @Transactional
    public void resolve(long postId, boolean resolved) {
        var ctx = load(postId);
        if (!ctx.staff && ctx.post.authorId() != ctx.me) {
            throw new ForbiddenException("Only the author or staff can mark a question resolved.");
        }
        repo.lock(postId);
        repo.setResolved(postId, resolved);
        changed(ctx, clock.instant(), resolved ? QaActivity.Kind.RESOLVED : null);
    }

    @Transactional
    public Post moderate(long postId, Moderation m) {
        var ctx = load(postId);
        staffOnly(ctx);
        repo.lock(postId);
        if (m.pinned() != null) {
            repo.setPinned(postId, m.pinned());
        }
        if (m.locked() != null) {
            repo.setLocked(postId, m.locked());
        }
        if (Boolean.TRUE.equals(m.makePublic())) {
            repo.makePublic(postId);
        }
        if (m.duplicateOf() != null) {
            if (m.duplicateOf() == 0) {
                repo.setDuplicateOf(postId, null);
            } else {
                PostRow original = repo.post(m.duplicateOf(), ctx.me)
                        .filter(o -> o.courseId() == ctx.post.courseId() && o.id() != postId)
                        .orElseThrow(() -> new InvalidInputException("duplicateOf: no other post " + m.duplicateOf() + " in this course."));
                repo.setDuplicateOf(postId, original.id());
            }
        }
        audit.record(ctx.me, ctx.post.courseId(), "qa.moderated", postId + " " + m);
        repo.notifyChanged(ctx.post.courseId(), postId);
        return visible(repo.post(postId, ctx.me).orElseThrow(), ctx.me, true);
    }

    @Transactional
    public void follow(long postId, boolean follow) {
        var ctx = load(postId);
        if (follow) {
            repo.follow(postId, ctx.me, clock.instant());
        } else {
            repo.unfollow(postId, ctx.me);
        }
    }

    /** How many followed posts have news since the caller last opened them: the badge on the Q&A tab. */
    @Transactional(readOnly = true)
    public int unread(long courseId) {
        var grant = access.member(courseId);
        return repo.unread(courseId, grant.caller().accountId(), grant.isStaff());
    }

    @Transactional(readOnly = true)
    public EmailDelivery emailDelivery(long courseId) {
        var grant = access.member(courseId);
        return repo.preference(courseId, grant.caller().accountId());
    }

    @Transactional
    public void setEmailDelivery(long courseId, EmailDelivery delivery) {
        var grant = access.member(courseId);
        if (delivery == null) {
            throw new InvalidInputException("email: one of none, immediate, daily.");
        }
        repo.setPreference(courseId, grant.caller().accountId(), delivery);
    }

    @Transactional(readOnly = true)
    public ResponseTimes responseTimes(long courseId) {
        access.staff(courseId);
        List<Long> seconds = repo.secondsToStaffAnswer(courseId); // sorted
        int[] counts = repo.postCounts(courseId);
        return new ResponseTimes(counts[0], seconds.size(), counts[1], percentile(seconds, 50), percentile(seconds, 90));
    }

    /**
     * An image for a post: PNG, JPEG, GIF or WebP by its bytes, at most 2 MB. Returns the Markdown that shows it on the
     * app's pages ({@code /qa-images/<id>}, served to signed-in members; REST clients read {@code /api/v1/qa-images/<id>}).
     */
    @Transactional
    public String uploadImage(long courseId, byte[] content) {
        var grant = access.member(courseId);
        if (content == null || content.length == 0) {
            throw new InvalidInputException("The image is empty.");
        }
        if (content.length > ImageCheck.MAX_BYTES) {
            throw new InvalidInputException("The image is larger than 2 MB.");
        }
        String type = ImageCheck.contentType(content)
                .orElseThrow(() -> new InvalidInputException("Only PNG, JPEG, GIF and WebP images can be attached."));
        long id = repo.insertImage(courseId, blobs.put(content), type, grant.caller().accountId());
        return "![image](/qa-images/" + id + ")";
    }

    /**
     * Its uploader and the course's staff; another member only once a post they may read shows it (a picture in a
     * private question is as private as the question, whatever its number).
     */
    @Transactional(readOnly = true)
    public QaImage image(long imageId) {
        var row = repo.image(imageId).orElseThrow(() -> new NotFoundException("No image " + imageId + "."));
        var grant = within(row.courseId(), row.id(), false);
        long me = grant.caller().accountId();
        if (!grant.isStaff() && repo.imageUploader(imageId) != me && !repo.imageShownTo(imageId, row.courseId(), me)) {
            throw new NotFoundException("No image " + imageId + ".");
        }
        return new QaImage(row.id(), row.contentType(), blobs.get(row.sha256()).orElseThrow());
    }

    static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        if (p == 50 && sorted.size() % 2 == 0) {
            return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    // --- visibility ----------------------------------------------------------------------------------------------

    private record Ctx(PostRow post, long me, boolean staff) {
    }

    /** The post if the caller may see it; a private post of another student answers "not found", as an outsider's would. */
    private Ctx load(long postId) {
        var me = CurrentUser.require().accountId();
        PostRow p = repo.post(postId, me).orElseThrow(() -> notFound(postId));
        CourseAccess.Grant grant;
        try {
            grant = access.member(p.courseId());
        } catch (NotFoundException e) {
            throw notFound(postId); // the same answer as a post that does not exist: no hint of which course it is in
        }
        if (!grant.isStaff() && p.privatePost() && p.authorId() != me) {
            throw notFound(postId);
        }
        return new Ctx(p, me, grant.isStaff());
    }

    private static void staffOnly(Ctx ctx) {
        if (!ctx.staff) {
            throw new ForbiddenException("Only course staff can do this.");
        }
    }

    private static void openForReplies(Ctx ctx) {
        if (ctx.post.locked() && !ctx.staff) {
            throw new ConflictException("Staff locked this question: no new answers or comments.");
        }
    }

    /** After a reply or a state change: the post moves up, its followers hear of it, and the author of the change follows it. */
    private void changed(Ctx ctx, Instant now, QaActivity.Kind kind) {
        long postId = ctx.post.id();
        if (kind == QaActivity.Kind.ANSWER || kind == QaActivity.Kind.COMMENT) {
            repo.follow(postId, ctx.me, now);
        }
        repo.touch(postId, now);
        repo.seen(postId, ctx.me, now);
        repo.notifyChanged(ctx.post.courseId(), postId);
        if (kind != null) {
            // Only those who still see the post: staff, or anyone for a public post, or the author of a private one.
            var recipients = repo.followers(postId).stream()
                    .filter(f -> f.accountId() != ctx.me && f.delivery() != EmailDelivery.NONE)
                    .filter(f -> !ctx.post.privatePost() || f.accountId() == ctx.post.authorId() || isStaff(ctx.post.courseId(), f.accountId()))
                    .map(f -> new QaActivity.Recipient(f.accountId(), f.delivery())).toList();
            if (!recipients.isEmpty()) {
                events.publishEvent(new QaActivity(ctx.post.courseId(), postId, ctx.post.title(), kind, recipients));
            }
        }
    }

    private boolean isStaff(long courseId, long accountId) {
        return repo.isStaff(courseId, accountId);
    }

    private static Post visible(PostRow r, long me, boolean staff) {
        boolean mine = r.authorId() == me;
        String author = staff || mine || !r.anonymous() ? r.authorName() : null;
        boolean unread = r.following() && r.seenAt() != null && r.lastActivityAt().isAfter(r.seenAt());
        return new Post(r.id(), r.courseId(), r.lectureId(), r.itemId(), r.title(), r.body(), author, mine, r.privatePost(), r.anonymous(),
                r.pinned(), r.locked(), r.resolved(), r.duplicateOf(), r.createdAt(), r.lastActivityAt(), r.answers(), r.staffAnswered(),
                r.endorsed(), r.following(), unread);
    }

    private static Reply reply(ReplyRow r, long me, boolean staff) {
        boolean mine = r.authorId() == me;
        String author = staff || mine || !r.anonymous() ? r.authorName() : null;
        return new Reply(r.id(), r.answerId(), author, r.byStaff(), mine, r.anonymous(), r.body(), r.endorsed(), r.createdAt());
    }

    private static String text(String s, int max, String field) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty() || t.length() > max) {
            throw new InvalidInputException(field + ": 1 to " + max + " characters.");
        }
        return t;
    }

    private static NotFoundException notFound(long postId) {
        return new NotFoundException("No post " + postId + " among your courses.");
    }

    /** The caller's grant in the course of something found by its id; outsiders get that thing's "not found", naming no course. */
    private CourseAccess.Grant within(long courseId, long id, boolean staff) {
        try {
            return staff ? access.staff(courseId) : access.member(courseId);
        } catch (NotFoundException e) {
            throw new NotFoundException("No image " + id + ".");
        }
    }
}
