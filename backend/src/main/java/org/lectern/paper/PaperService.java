package org.lectern.paper;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lectern.course.CourseAccess;
import org.lectern.gradebook.ScoreReported;
import org.lectern.paper.internal.PaperRepository;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.NumberLimits;
import org.lectern.platform.audit.AuditLog;
import org.lectern.project.Team;
import org.lectern.project.TeamService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paper presentations: the reading list with a lecture per paper, groups (project teams) claiming a paper or staff
 * assigning one, who plays each role, the presenter's timer (pushed on {@code lectern_papers}), and a score and
 * comment per role, reported to the gradebook as the course's presentation item (the sum of a student's graded roles).
 */
@Service
public class PaperService {

    static final BigDecimal MAX_POINTS = BigDecimal.valueOf(1000);

    /** The timer as a projector shows it: the role, milliseconds left at {@code asOf} (negative when over), running. */
    public record Timer(long paperId, int position, String role, long leftMillis, boolean running, Instant asOf) {
    }

    private final PaperRepository repo;
    private final CourseAccess access;
    private final TeamService teams;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaperService(PaperRepository repo, CourseAccess access, TeamService teams, AuditLog audit, ApplicationEventPublisher events,
            Clock clock) {
        this.repo = repo;
        this.access = access;
        this.teams = teams;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Paper> papers(long courseId) {
        access.member(courseId);
        return repo.papers(courseId);
    }

    @Transactional(readOnly = true)
    public Paper paper(long paperId) {
        Paper p = repo.paper(paperId).orElseThrow(() -> noPaper(paperId));
        access.member(p.courseId());
        return p;
    }

    /** Staff: a paper of the reading list, discussed at the given lecture (its reviews are due then). */
    @Transactional
    public Paper create(long courseId, PaperDraft d) {
        var grant = access.staff(courseId);
        if (d == null || d.shortName() == null || !d.shortName().strip().matches("[A-Za-z0-9_-]{1,40}")) {
            throw new InvalidInputException("A paper needs a short name of 1 to 40 letters, digits, - or _ (its reviews' gradebook item).");
        }
        if (d.title() == null || d.title().isBlank() || d.title().strip().length() > 300) {
            throw new InvalidInputException("A paper needs a title of 1 to 300 characters.");
        }
        if (d.authors() != null && d.authors().strip().length() > 300) {
            throw new InvalidInputException("Authors take at most 300 characters.");
        }
        if (d.lectureAt() == null) {
            throw new InvalidInputException("Give the lecture that discusses the paper (lectureAt).");
        }
        BigDecimal points = d.reviewPoints() == null ? BigDecimal.TEN : NumberLimits.check(d.reviewPoints(), "Review points");
        if (points.signum() < 0 || points.compareTo(MAX_POINTS) > 0) {
            throw new InvalidInputException("Review points go from 0 to " + MAX_POINTS + ".");
        }
        PaperDraft judged = new PaperDraft(d.shortName(), d.title(), d.authors(), d.link(), d.lectureAt(), points);
        long id;
        try {
            id = repo.insert(courseId, judged, link(d.link()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("This course already has a paper called " + d.shortName().strip() + ".");
        }
        audit.record(grant.caller().accountId(), courseId, "paper.created", d.shortName().strip());
        return repo.paper(id).orElseThrow();
    }

    /** Anyone in the course: the roles of a presentation and their minutes (COMP541's unless the course set its own). */
    @Transactional(readOnly = true)
    public List<PaperRole> roles(long courseId) {
        access.member(courseId);
        return rolesOf(courseId);
    }

    /** Instructors: the roles and their minutes. */
    @Transactional
    public List<PaperRole> setRoles(long courseId, List<PaperRole> roles) {
        var grant = access.instructor(courseId);
        List<PaperRole> judged;
        try {
            judged = PaperRoles.judge(roles);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        repo.replaceRoles(courseId, judged);
        audit.record(grant.caller().accountId(), courseId, "paper.roles", judged.toString());
        return judged;
    }

    /** A student's team claims an unclaimed paper; a team presents one paper. */
    @Transactional
    public Paper claim(long paperId) {
        Paper p = repo.lockPaper(paperId).orElseThrow(() -> noPaper(paperId));
        var grant = access.member(p.courseId());
        Team team = teams.myTeam(p.courseId())
                .orElseThrow(() -> new ConflictException(grant.isStaff() ? "Staff assign papers to teams." : "Join a team before claiming a paper."));
        if (p.teamId() != null) {
            throw new ConflictException(p.teamId() == team.id() ? "Your team already presents this paper." : "Another team presents this paper.");
        }
        if (repo.paperOfTeam(team.id()).isPresent()) {
            throw new ConflictException("Your team already presents a paper.");
        }
        setTeam(p, team.id());
        audit.record(grant.caller().accountId(), p.courseId(), "paper.claimed", p.shortName() + " " + team.name());
        return repo.paper(paperId).orElseThrow();
    }

    /** Staff: the paper's group (null: none), replacing any claim. */
    @Transactional
    public Paper assign(long paperId, Long teamId) {
        Paper p = repo.lockPaper(paperId).orElseThrow(() -> noPaper(paperId));
        var grant = access.staff(p.courseId());
        if (teamId != null) {
            Team team = teams.teams(p.courseId()).stream().filter(t -> t.id() == teamId).findFirst()
                    .orElseThrow(() -> new InvalidInputException("No team " + teamId + " in this course."));
            Optional<Long> other = repo.paperOfTeam(team.id());
            if (other.isPresent() && other.get() != paperId) {
                throw new ConflictException("Team " + team.name() + " already presents another paper.");
            }
        }
        setTeam(p, teamId);
        audit.record(grant.caller().accountId(), p.courseId(), "paper.assigned", p.shortName() + " " + teamId);
        return repo.paper(paperId).orElseThrow();
    }

    /** Staff or the presenting team: who plays a role (a member of the presenting team). */
    @Transactional
    public Paper cast(long paperId, Integer position, Long accountId) {
        Paper p = repo.lockPaper(paperId).orElseThrow(() -> noPaper(paperId));
        presenterOrStaff(p);
        if (position == null || accountId == null) {
            throw new InvalidInputException("Send {\"position\": 0, \"accountId\": 12}.");
        }
        PaperRoles.at(rolesOf(p.courseId()), position).orElseThrow(() -> new InvalidInputException("No role " + position + "."));
        Team team = presentingTeam(p);
        if (!team.has(accountId)) {
            throw new InvalidInputException("Only members of " + team.name() + " present this paper.");
        }
        repo.putHolder(paperId, position, accountId);
        repo.notifyPaper(paperId);
        return repo.paper(paperId).orElseThrow();
    }

    /** Staff: every role's grade of the paper; a student: the grades of the roles they played. */
    @Transactional(readOnly = true)
    public List<RoleGrade> grades(long paperId) {
        Paper p = repo.paper(paperId).orElseThrow(() -> noPaper(paperId));
        var grant = access.member(p.courseId());
        List<PaperRole> roles = rolesOf(p.courseId());
        return repo.holders(paperId).stream()
                .filter(h -> grant.isStaff() || h.accountId() == grant.caller().accountId())
                .map(h -> new RoleGrade(paperId, h.position(), PaperRoles.at(roles, h.position()).map(PaperRole::name).orElse("?"),
                        h.accountId(), h.name(), h.score(), h.comment()))
                .toList();
    }

    /** Staff: a role's score and comment; the student's presentation item becomes the sum of their graded roles. */
    @Transactional
    public RoleGrade gradeRole(long paperId, int position, BigDecimal score, String comment) {
        Paper p = repo.lockPaper(paperId).orElseThrow(() -> noPaper(paperId));
        var grant = access.staff(p.courseId());
        BigDecimal s = points(score);
        String c = comment(comment);
        var holder = repo.holders(paperId).stream().filter(h -> h.position() == position).findFirst()
                .orElseThrow(() -> new InvalidInputException("Nobody plays role " + position + " of this paper yet."));
        repo.gradeHolder(paperId, position, s, c, grant.caller().accountId());
        BigDecimal total = repo.papers(p.courseId()).stream().flatMap(q -> repo.holders(q.id()).stream())
                .filter(h -> h.accountId() == holder.accountId() && h.score() != null)
                .map(PaperRepository.HolderRow::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        events.publishEvent(new ScoreReported(p.courseId(), repo.presentationItem(p.courseId()), holder.accountId(), total, "paper"));
        audit.record(grant.caller().accountId(), p.courseId(), "paper.role.graded", p.shortName() + " " + position + " " + s);
        return grades(paperId).stream().filter(g -> g.position() == position).findFirst().orElseThrow();
    }

    /** Instructors: the gradebook item the presentations are reported to. */
    @Transactional
    public String setPresentationItem(long courseId, String item) {
        var grant = access.instructor(courseId);
        String i = item == null ? "" : item.strip();
        if (!i.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new InvalidInputException("A gradebook item is 1 to 40 letters, digits, - or _.");
        }
        repo.putPresentationItem(courseId, i, grant.caller().accountId());
        return i;
    }

    // ---- the presenter's timer ----

    /** Anyone in the course (the projector): the timer, or empty before it starts. */
    @Transactional(readOnly = true)
    public Optional<Timer> timer(long paperId) {
        Paper p = paper(paperId);
        return repo.clock(paperId).map(c -> view(p, c));
    }

    /** Staff or the presenting team: a role from its full time (the first when position is null). */
    @Transactional
    public Timer startRole(long paperId, Integer position) {
        Paper p = repo.lockPaper(paperId).orElseThrow(() -> noPaper(paperId));
        presenterOrStaff(p);
        List<PaperRole> roles = rolesOf(p.courseId());
        PaperRole role = position == null ? roles.getFirst()
                : PaperRoles.at(roles, position).orElseThrow(() -> new InvalidInputException("No role " + position + "."));
        return save(p, PresenterClock.start(role, clock.instant()));
    }

    @Transactional
    public Timer pause(long paperId) {
        Paper p = repo.lockPaper(paperId).orElseThrow(() -> noPaper(paperId));
        presenterOrStaff(p);
        return save(p, started(p).pause(clock.instant()));
    }

    @Transactional
    public Timer resume(long paperId) {
        Paper p = repo.lockPaper(paperId).orElseThrow(() -> noPaper(paperId));
        presenterOrStaff(p);
        return save(p, started(p).resume(clock.instant()));
    }

    /** The next role from its full time; after the last one the timer ends (empty). */
    @Transactional
    public Optional<Timer> next(long paperId) {
        Paper p = repo.lockPaper(paperId).orElseThrow(() -> noPaper(paperId));
        presenterOrStaff(p);
        Optional<PresenterClock> next = started(p).next(rolesOf(p.courseId()), clock.instant());
        if (next.isEmpty()) {
            repo.deleteClock(paperId);
            repo.notifyPaper(paperId);
            return Optional.empty();
        }
        return Optional.of(save(p, next.get()));
    }

    /** Whether the caller may run this paper's timer and cast its roles (for pages that show the buttons). */
    @Transactional(readOnly = true)
    public boolean presents(long paperId) {
        Paper p = paper(paperId);
        try {
            presenterOrStaff(p);
            return true;
        } catch (ForbiddenException e) {
            return false;
        }
    }

    private PresenterClock started(Paper p) {
        return repo.clock(p.id()).orElseThrow(() -> new ConflictException("The timer has not started; start the first role."));
    }

    private Timer save(Paper p, PresenterClock c) {
        repo.putClock(p.id(), c);
        repo.notifyPaper(p.id());
        return view(p, c);
    }

    private Timer view(Paper p, PresenterClock c) {
        Instant now = clock.instant();
        String role = PaperRoles.at(rolesOf(p.courseId()), c.position()).map(PaperRole::name).orElse("?");
        return new Timer(p.id(), c.position(), role, c.leftMillis(now), c.running(), now);
    }

    List<PaperRole> rolesOf(long courseId) {
        List<PaperRole> roles = repo.roles(courseId);
        return roles.isEmpty() ? PaperRoles.comp541() : roles;
    }

    private void setTeam(Paper p, Long teamId) {
        try {
            repo.setTeam(p.id(), teamId);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("That team already presents a paper.");
        }
        repo.notifyPaper(p.id());
    }

    private Team presentingTeam(Paper p) {
        if (p.teamId() == null) {
            throw new ConflictException("No group presents this paper yet.");
        }
        // a member casts within their own team; staff read the presenting team from the course's teams
        return teams.myTeam(p.courseId()).filter(t -> t.id() == p.teamId())
                .or(() -> access.member(p.courseId()).isStaff() ? teams.teams(p.courseId()).stream().filter(t -> t.id() == p.teamId()).findFirst()
                        : Optional.empty())
                .orElseThrow(() -> new ForbiddenException("Only the presenting group and staff can do this."));
    }

    private void presenterOrStaff(Paper p) {
        var grant = access.member(p.courseId());
        if (grant.isStaff()) {
            return;
        }
        if (p.teamId() == null || teams.myTeam(p.courseId()).map(t -> t.id() != p.teamId()).orElse(true)) {
            throw new ForbiddenException("Only the presenting group and staff can do this.");
        }
    }

    static BigDecimal points(BigDecimal score) {
        BigDecimal s = NumberLimits.check(score, "The score");
        if (s == null || s.signum() < 0 || s.compareTo(MAX_POINTS) > 0) {
            throw new InvalidInputException("A score goes from 0 to " + MAX_POINTS + ".");
        }
        return s;
    }

    static String comment(String comment) {
        String c = comment == null ? "" : comment.strip();
        if (c.length() > 4000) {
            throw new InvalidInputException("A comment takes at most 4000 characters.");
        }
        return c;
    }

    /** Only http(s) links are kept: a javascript: or data: link would run in a classmate's page. */
    static String link(String link) {
        String l = link == null ? "" : link.strip();
        if (l.isEmpty()) {
            return "";
        }
        try {
            URI u = new URI(l);
            if (l.length() <= 500 && u.getHost() != null && ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))) {
                return l;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw new InvalidInputException("A paper's link is an http(s) address of at most 500 characters.");
    }

    static NotFoundException noPaper(long paperId) {
        return new NotFoundException("No paper " + paperId + ".");
    }
}
