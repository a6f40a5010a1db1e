package org.lectern.poster;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lectern.course.CourseAccess;
import org.lectern.gradebook.GradedItemDeclared;
import org.lectern.gradebook.ScoreReported;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.poster.internal.PosterRepository;
import org.lectern.project.Team;
import org.lectern.project.TeamService;
import org.lectern.written.WrittenQuestion;
import org.lectern.written.WrittenService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Poster sessions: instructors make one for a poster item (an assignment whose written questions and rubric items are the
 * poster rubric, {@code org.lectern.written}); staff place teams in slots; staff (and peers, when the instructor wants)
 * score each poster with the rubric, one sheet per scorer; every save reports the poster's score ({@link PosterRules}) to
 * the gradebook for each member of the team. Members of the course see the session and its slots; only staff see scores.
 */
@Service
public class PosterService {

    static final int MAX_TITLE = 200;
    static final int MAX_BOARD = 40;
    static final int MAX_COMMENT = 4000;

    private final PosterRepository repo;
    private final CourseAccess access;
    private final TeamService teams;
    private final WrittenService written;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    PosterService(PosterRepository repo, CourseAccess access, TeamService teams, WrittenService written, ApplicationEventPublisher events,
            AuditLog audit) {
        this.repo = repo;
        this.access = access;
        this.teams = teams;
        this.written = written;
        this.events = events;
        this.audit = audit;
    }

    /** Instructors: a new session for a poster item of the course with written questions (its rubric). */
    @Transactional
    public PosterSession create(long courseId, PosterDraft d) {
        var grant = access.instructor(courseId);
        if (d == null || d.assignmentId() == null) {
            throw new InvalidInputException("assignmentId", "Choose the poster item: an assignment with written questions (its rubric).");
        }
        List<WrittenQuestion> rubric;
        try {
            rubric = written.questions(d.assignmentId());
        } catch (NotFoundException | ForbiddenException e) {
            throw new InvalidInputException("assignmentId", "There is no assignment " + d.assignmentId() + " in this course.");
        }
        if (rubric.isEmpty() || rubric.stream().anyMatch(q -> q.points() == null)) {
            throw new InvalidInputException("assignmentId", "The poster item has no written questions yet: add the rubric's questions first.");
        }
        if (repo.courseOfAssignment(d.assignmentId()).orElse(-1L) != courseId) {
            throw new InvalidInputException("assignmentId", "There is no assignment " + d.assignmentId() + " in this course.");
        }
        String title = text(d.title(), "title", MAX_TITLE);
        if (title.isEmpty()) {
            throw new InvalidInputException("title", "Give the session a title.");
        }
        String item = d.itemKey() == null || d.itemKey().isBlank() ? "poster" : d.itemKey().strip();
        if (!item.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")) {
            throw new InvalidInputException("itemKey", "The gradebook item is 1 to 40 letters, digits, dots, dashes or underscores.");
        }
        if (d.startsAt() == null) {
            throw new InvalidInputException("startsAt", "Give the session's start.");
        }
        int minutes = d.slotMinutes() == null ? 15 : d.slotMinutes();
        if (minutes < 5 || minutes > 240) {
            throw new InvalidInputException("slotMinutes", "A slot is 5 to 240 minutes.");
        }
        boolean peers = Boolean.TRUE.equals(d.peersScore());
        int weight = d.peerWeight() == null ? (peers ? 20 : 0) : d.peerWeight();
        if (weight < 0 || weight > PosterRules.MAX_PEER_WEIGHT) {
            throw new InvalidInputException("peerWeight", "Peers weigh 0 to " + PosterRules.MAX_PEER_WEIGHT + " % of a poster's score.");
        }
        long id = repo.insertSession(courseId, d.assignmentId(), title, item, d.startsAt(), minutes, peers, peers ? weight : 0);
        BigDecimal points = rubric.stream().map(WrittenQuestion::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        events.publishEvent(new GradedItemDeclared(courseId, item, points, null));
        audit.record(grant.caller().accountId(), courseId, "poster.session.created", id + " " + title);
        return session(id);
    }

    /** Members: the course's sessions (their slots as {@link #session} shows them). */
    @Transactional(readOnly = true)
    public List<PosterSession> sessions(long courseId) {
        access.member(courseId);
        return repo.sessions(courseId).stream().map(s -> session(s.id())).toList();
    }

    /** Members: the session and its slots; scores and scorer counts for staff only. */
    @Transactional(readOnly = true)
    public PosterSession session(long sessionId) {
        var s = repo.session(sessionId).orElseThrow(() -> noSession(sessionId));
        var grant = within(s, () -> access.member(s.courseId()));
        long me = grant.caller().accountId();
        Optional<Team> myTeam = grant.isStaff() ? Optional.empty() : teams.myTeam(s.courseId());
        List<PosterRepository.ScoreRow> scores = repo.scores(sessionId);
        List<WrittenQuestion> rubric = grant.isStaff() ? written.questions(s.assignmentId()) : List.of();
        List<PosterSession.Slot> slots = new ArrayList<>();
        for (var slot : repo.slots(sessionId)) {
            var start = PosterRules.slotStart(s.startsAt(), s.slotMinutes(), slot.position());
            boolean scoredByMe = scores.stream().anyMatch(r -> r.teamId() == slot.teamId() && r.scorerId() == me);
            BigDecimal score = grant.isStaff() ? posterScore(s, rubric, scores, slot.teamId()) : null;
            int scorers = grant.isStaff() ? (int) scores.stream().filter(r -> r.teamId() == slot.teamId()).map(r -> r.scorerId()).distinct().count() : 0;
            slots.add(new PosterSession.Slot(slot.teamId(), slot.teamName(), slot.position(), start, start.plus(Duration.ofMinutes(s.slotMinutes())),
                    slot.board(), score, scorers, scoredByMe, myTeam.map(t -> t.id() == slot.teamId()).orElse(false)));
        }
        return new PosterSession(s.id(), s.courseId(), s.assignmentId(), s.title(), s.itemKey(), s.startsAt(), s.slotMinutes(), s.peersScore(),
                s.peerWeight(), slots);
    }

    /** Staff: the team's poster takes the next slot (a team has one slot per session). */
    @Transactional
    public PosterSession addSlot(long sessionId, long teamId, String board) {
        var s = repo.lockSession(sessionId).orElseThrow(() -> noSession(sessionId));
        var grant = within(s, () -> access.staff(s.courseId()));
        Team team;
        try {
            team = teams.visibleTeam(teamId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("teamId", "There is no team " + teamId + " in this course.");
        }
        if (team.courseId() != s.courseId()) {
            throw new InvalidInputException("teamId", "There is no team " + teamId + " in this course.");
        }
        if (!repo.addSlot(sessionId, teamId, text(board, "board", MAX_BOARD))) {
            throw new ConflictException(team.name() + " already has a slot in this session.");
        }
        audit.record(grant.caller().accountId(), s.courseId(), "poster.slot.added", sessionId + " " + team.name());
        return session(sessionId);
    }

    /** Staff, or a peer when the session lets peers score (never their own team's poster): the caller's sheet. */
    @Transactional(readOnly = true)
    public PosterSheet sheet(long sessionId, long teamId) {
        var s = repo.session(sessionId).orElseThrow(() -> noSession(sessionId));
        var grant = within(s, () -> access.member(s.courseId()));
        var slot = scorable(s, grant, teamId);
        List<WrittenQuestion> rubric = rubric(s, grant);
        long me = grant.caller().accountId();
        Map<Long, List<Long>> applied = new LinkedHashMap<>();
        String comment = "";
        boolean saved = false;
        for (var r : repo.scores(sessionId)) {
            if (r.teamId() == teamId && r.scorerId() == me) {
                applied.put(r.questionId(), r.items());
                comment = r.comment();
                saved = true;
            }
        }
        return new PosterSheet(sessionId, teamId, slot.teamName(), rubric, applied, comment, PosterRules.scorerTotal(rubric, applied), saved);
    }

    /**
     * Saves the caller's sheet for a poster (every question at once: items not named for a question are not applied) and
     * reports the poster's score to the gradebook for each member of the team.
     */
    @Transactional
    public PosterSheet score(long sessionId, long teamId, Map<Long, List<Long>> applied, String comment) {
        var s = repo.lockSession(sessionId).orElseThrow(() -> noSession(sessionId));
        var grant = within(s, () -> access.member(s.courseId()));
        scorable(s, grant, teamId);
        List<WrittenQuestion> rubric = rubric(s, grant);
        String c = text(comment, "comment", MAX_COMMENT);
        Map<Long, List<Long>> given = applied == null ? Map.of() : applied;
        for (var e : given.entrySet()) {
            WrittenQuestion q = rubric.stream().filter(x -> e.getKey() != null && x.id() == e.getKey()).findFirst()
                    .orElseThrow(() -> new InvalidInputException("applied", "Question " + e.getKey() + " is not on this poster's rubric."));
            for (Long item : e.getValue() == null ? List.<Long>of() : e.getValue()) {
                if (item == null || q.rubric().stream().noneMatch(i -> i.id() == item)) {
                    throw new InvalidInputException("applied", "Item " + item + " is not on question " + q.number() + "'s rubric.");
                }
            }
        }
        List<PosterRepository.ScoreRow> rows = new ArrayList<>();
        long me = grant.caller().accountId();
        for (WrittenQuestion q : rubric) {
            List<Long> items = given.getOrDefault(q.id(), List.of());
            rows.add(new PosterRepository.ScoreRow(teamId, me, !grant.isStaff(), q.id(), items == null ? List.of() : items.stream().distinct().toList(), c));
        }
        repo.putSheet(sessionId, teamId, me, !grant.isStaff(), rows);
        report(s, teamId);
        audit.record(me, s.courseId(), "poster.scored", sessionId + " team " + teamId + (grant.isStaff() ? "" : " (peer)"));
        return sheet(sessionId, teamId);
    }

    /** The poster's score to each member's gradebook row (nothing until staff have scored it). */
    private void report(PosterRepository.SessionRow s, long teamId) {
        List<WrittenQuestion> rubric = written.rubricForPeerScoring(s.assignmentId());
        BigDecimal score = posterScore(s, rubric, repo.scores(s.id()), teamId);
        if (score == null) {
            return;
        }
        for (Long member : repo.members(teamId)) {
            events.publishEvent(new ScoreReported(s.courseId(), s.itemKey(), member, score, "poster"));
        }
    }

    private static BigDecimal posterScore(PosterRepository.SessionRow s, List<WrittenQuestion> rubric, List<PosterRepository.ScoreRow> scores,
            long teamId) {
        Map<Long, Map<Long, List<Long>>> staff = new HashMap<>();
        Map<Long, Map<Long, List<Long>>> peers = new HashMap<>();
        for (var r : scores) {
            if (r.teamId() == teamId) {
                (r.peer() ? peers : staff).computeIfAbsent(r.scorerId(), k -> new HashMap<>()).put(r.questionId(), r.items());
            }
        }
        return PosterRules.posterScore(staff.values().stream().map(a -> PosterRules.scorerTotal(rubric, a)).toList(),
                peers.values().stream().map(a -> PosterRules.scorerTotal(rubric, a)).toList(), s.peerWeight());
    }

    private PosterRepository.SlotRow scorable(PosterRepository.SessionRow s, CourseAccess.Grant grant, long teamId) {
        var slot = repo.slots(s.id()).stream().filter(x -> x.teamId() == teamId).findFirst()
                .orElseThrow(() -> new NotFoundException("No poster of team " + teamId + " in this session."));
        boolean own = !grant.isStaff() && teams.myTeam(s.courseId()).map(t -> t.id() == teamId).orElse(false);
        if (!PosterRules.mayScore(grant.isStaff(), s.peersScore(), own)) {
            throw new ForbiddenException(own ? "Nobody scores their own team's poster." : "Only staff score posters in this session.");
        }
        return slot;
    }

    /** Staff read the rubric as staff; a peer (already allowed to score) through the written feature's peer reader. */
    private List<WrittenQuestion> rubric(PosterRepository.SessionRow s, CourseAccess.Grant grant) {
        return grant.isStaff() ? written.questions(s.assignmentId()) : written.rubricForPeerScoring(s.assignmentId());
    }

    private CourseAccess.Grant within(PosterRepository.SessionRow s, java.util.function.Supplier<CourseAccess.Grant> check) {
        try {
            return check.get();
        } catch (NotFoundException e) {
            throw noSession(s.id());
        }
    }

    private static String text(String value, String field, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, "At most " + max + " characters.");
        }
        return v;
    }

    private static NotFoundException noSession(long id) {
        return new NotFoundException("No poster session " + id + ".");
    }
}
