package org.lectern.officehours;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lectern.course.CourseAccess;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.officehours.internal.OfficeHoursRepository;
import org.lectern.officehours.internal.OfficeHoursRepository.Row;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office-hours queue: a TA opens a session, students join with a topic, the TA takes the next one
 * ({@link QueueOrder}) and marks them helped or absent. Every change commits a NOTIFY that queue pages follow
 * ({@link OfficeHoursBroadcaster}). Students see their own line in full and others' lines without names, and
 * without topics marked private.
 */
@Service
public class OfficeHoursService {

    static final int MAX_TOPIC = 500;
    static final Duration MAX_SESSION = Duration.ofHours(12);

    private final OfficeHoursRepository repo;
    private final CourseAccess access;
    private final AuditLog audit;
    private final Clock clock;

    OfficeHoursService(OfficeHoursRepository repo, CourseAccess access, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Staff open a session at a room or an online link (http or https only), until {@code endsAt}. */
    @Transactional
    public OfficeHoursSession open(long courseId, String location, Instant endsAt) {
        var grant = access.staff(courseId);
        String where = location == null ? "" : location.strip();
        if (where.isEmpty() || where.length() > 500) {
            throw new InvalidInputException("location: a room or an online link, at most 500 characters.");
        }
        if (where.contains("://")) {
            checkLink(where);
        }
        Instant now = clock.instant();
        if (endsAt == null || !endsAt.isAfter(now) || endsAt.isAfter(now.plus(MAX_SESSION))) {
            throw new InvalidInputException("endsAt: a time later today, within 12 hours.");
        }
        long id = repo.openSession(courseId, grant.caller().accountId(), where, now, endsAt);
        audit.record(grant.caller().accountId(), courseId, "officehours.opened", Long.toString(id));
        return repo.session(id).orElseThrow();
    }

    private static void checkLink(String link) {
        try {
            URI uri = URI.create(link);
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidInputException("location: an online link must be an http or https address.");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("location: the online link is not a valid address.");
        }
    }

    @Transactional
    public void close(long sessionId) {
        var s = session(sessionId);
        var grant = within(s.courseId(), s.id(), true);
        repo.lockSession(sessionId);
        repo.close(sessionId, clock.instant());
        repo.notifyChanged(sessionId);
        audit.record(grant.caller().accountId(), s.courseId(), "officehours.closed", Long.toString(sessionId));
    }

    /** The course's sessions, newest first (open ones are those whose end has not come and that staff did not close). */
    @Transactional(readOnly = true)
    public List<OfficeHoursSession> sessions(long courseId) {
        access.member(courseId);
        return repo.sessions(courseId, 50);
    }

    @Transactional
    public QueueView join(long sessionId, String topic, boolean privateTopic) {
        var s = session(sessionId);
        var grant = within(s.courseId(), s.id(), false);
        if (grant.isStaff()) {
            throw new ForbiddenException("Staff take students from the queue; only students join it.");
        }
        String t = topic == null ? "" : topic.strip();
        if (t.isEmpty() || t.length() > MAX_TOPIC) {
            throw new InvalidInputException("topic: what you need help with, 1 to " + MAX_TOPIC + " characters.");
        }
        repo.lockSession(sessionId);
        if (!repo.session(sessionId).orElseThrow().isOpen(clock.instant())) {
            throw new ConflictException("These office hours have ended.");
        }
        if (!repo.join(sessionId, grant.caller().accountId(), t, privateTopic, clock.instant())) {
            throw new ConflictException("You already have a place in this session's queue.");
        }
        repo.notifyChanged(sessionId);
        return view(s, grant.caller().accountId(), false, grant.course().timeZone());
    }

    /** A student leaves while waiting. */
    @Transactional
    public void leave(long sessionId) {
        var s = session(sessionId);
        var grant = within(s.courseId(), s.id(), false);
        repo.lockSession(sessionId);
        Row mine = repo.entries(sessionId).stream()
                .filter(r -> r.accountId() == grant.caller().accountId() && r.status().equals("WAITING")).findFirst()
                .orElseThrow(() -> new ConflictException("You are not waiting in this queue."));
        repo.finish(mine.id(), "LEFT", clock.instant());
        repo.notifyChanged(sessionId);
    }

    @Transactional(readOnly = true)
    public QueueView queue(long sessionId) {
        var s = session(sessionId);
        var grant = within(s.courseId(), s.id(), false);
        return view(s, grant.caller().accountId(), grant.isStaff(), grant.course().timeZone());
    }

    /** Staff take the next student by {@link QueueOrder}; empty queue: a conflict. */
    @Transactional
    public QueueEntry takeNext(long sessionId) {
        var s = session(sessionId);
        var grant = within(s.courseId(), s.id(), true);
        repo.lockSession(sessionId);
        List<Row> waiting = repo.entries(sessionId).stream().filter(r -> r.status().equals("WAITING")).toList();
        if (waiting.isEmpty()) {
            throw new ConflictException("Nobody is waiting.");
        }
        List<QueueOrder.Waiting> order = order(s, waiting, grant.course().timeZone());
        long next = order.getFirst().entryId();
        repo.take(next, grant.caller().accountId(), clock.instant());
        repo.notifyChanged(sessionId);
        audit.record(grant.caller().accountId(), s.courseId(), "officehours.taken", Long.toString(next));
        return staffLine(repo.entry(next).orElseThrow(), null, null, grant.caller().accountId());
    }

    /** Staff end a student's turn: helped, or absent when they did not come when called. */
    @Transactional
    public void finish(long entryId, boolean helped) {
        Row e = repo.entry(entryId).orElseThrow(() -> new NotFoundException("No queue entry " + entryId + "."));
        var s = session(e.sessionId());
        var grant = within(s.courseId(), s.id(), true);
        repo.lockSession(s.id());
        Row now = repo.entry(entryId).orElseThrow();
        if (!now.status().equals("SERVING") && !now.status().equals("WAITING")) {
            throw new ConflictException("This student's turn has already ended.");
        }
        repo.finish(entryId, helped ? "HELPED" : "ABSENT", clock.instant());
        repo.notifyChanged(s.id());
        audit.record(grant.caller().accountId(), s.courseId(), helped ? "officehours.helped" : "officehours.absent", Long.toString(entryId));
    }

    @Transactional(readOnly = true)
    public OfficeHoursFigures figures(long courseId) {
        access.staff(courseId);
        List<Row> history = repo.courseHistory(courseId, 2000);
        List<Duration> waits = history.stream().filter(r -> r.takenAt() != null)
                .map(r -> Duration.between(r.joinedAt(), r.takenAt())).toList();
        List<Duration> services = history.stream().filter(r -> r.status().equals("HELPED") && r.takenAt() != null)
                .map(r -> Duration.between(r.takenAt(), r.finishedAt())).toList();
        Map<String, Long> perTa = history.stream().filter(r -> r.status().equals("HELPED") && r.takenByName() != null)
                .collect(Collectors.groupingBy(Row::takenByName, Collectors.counting()));
        List<OfficeHoursFigures.PerTa> tas = perTa.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(en -> new OfficeHoursFigures.PerTa(en.getKey(), en.getValue().intValue())).toList();
        int sessions = (int) history.stream().map(Row::sessionId).distinct().count();
        return new OfficeHoursFigures(sessions, (int) history.stream().filter(r -> r.status().equals("HELPED")).count(),
                (int) history.stream().filter(r -> r.status().equals("ABSENT")).count(),
                waits.isEmpty() ? null : WaitEstimate.median(waits).toSeconds(),
                services.isEmpty() ? null : WaitEstimate.median(services).toSeconds(), tas,
                history.stream().limit(200).map(r -> staffLine(r, null, null, -1)).toList());
    }

    private QueueView view(OfficeHoursSession s, long me, boolean staff, ZoneId zone) {
        List<Row> rows = repo.entries(s.id());
        List<Row> waiting = rows.stream().filter(r -> r.status().equals("WAITING")).toList();
        Map<Long, Row> byId = waiting.stream().collect(Collectors.toMap(Row::id, Function.identity()));
        List<QueueOrder.Waiting> order = order(s, waiting, zone);
        List<Duration> recent = repo.recentServices(s.courseId(), WaitEstimate.RECENT);
        int serving = (int) rows.stream().filter(r -> r.status().equals("SERVING")).map(Row::takenBy).distinct().count();
        List<QueueEntry> lines = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Row r = byId.get(order.get(i).entryId());
            long wait = WaitEstimate.estimate(i, recent, serving).toSeconds();
            lines.add(staff ? staffLine(r, i + 1, wait, me) : studentLine(r, i + 1, wait, me));
        }
        List<QueueEntry> taken = rows.stream().filter(r -> r.status().equals("SERVING"))
                .map(r -> staff ? staffLine(r, null, null, me) : studentLine(r, null, null, me)).toList();
        QueueEntry mine = lines.stream().filter(QueueEntry::mine).findFirst()
                .or(() -> taken.stream().filter(QueueEntry::mine).findFirst())
                .or(() -> rows.stream().filter(r -> r.accountId() == me).findFirst().map(r -> studentLine(r, null, null, me)))
                .orElse(null);
        return new QueueView(s, s.isOpen(clock.instant()), taken, lines, mine);
    }

    private List<QueueOrder.Waiting> order(OfficeHoursSession s, List<Row> waiting, ZoneId zone) {
        Instant startOfDay = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
        Set<Long> helped = repo.helpedSince(s.courseId(), waiting.stream().map(Row::accountId).toList(), startOfDay);
        return QueueOrder.order(waiting.stream().map(r -> new QueueOrder.Waiting(r.id(), r.joinedAt(), helped.contains(r.accountId()))).toList());
    }

    private static QueueEntry staffLine(Row r, Integer position, Long wait, long me) {
        return new QueueEntry(r.id(), position, r.student(), r.topic(), r.privateTopic(), QueueEntry.Status.valueOf(r.status()),
                r.accountId() == me, r.joinedAt(), r.takenByName(), wait);
    }

    /** What a student sees of a line: their own in full; another's with no name, and no topic if it is private. */
    private static QueueEntry studentLine(Row r, Integer position, Long wait, long me) {
        boolean mine = r.accountId() == me;
        return new QueueEntry(r.id(), position, mine ? r.student() : null, mine || !r.privateTopic() ? r.topic() : null,
                r.privateTopic(), QueueEntry.Status.valueOf(r.status()), mine, r.joinedAt(), r.takenByName(), wait);
    }

    private OfficeHoursSession session(long id) {
        return repo.session(id).orElseThrow(() -> new NotFoundException("No office-hours session " + id + "."));
    }

    /** The caller's grant in the course of something found by its id; outsiders get that thing's "not found", naming no course. */
    private CourseAccess.Grant within(long courseId, long id, boolean staff) {
        try {
            return staff ? access.staff(courseId) : access.member(courseId);
        } catch (NotFoundException e) {
            throw new NotFoundException("No office-hours session " + id + ".");
        }
    }
}
