package org.lectern.project;

import java.util.List;
import java.util.Optional;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseRole;
import org.lectern.identity.EmailAddress;
import org.lectern.platform.ConflictException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.project.internal.TeamRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams for projects and shared quotas: staff make teams and put students in them, up to the course's team size
 * (default {@value #DEFAULT_MAX_TEAM_SIZE}); a student is in at most one team per course and sees their own team.
 */
@Service
public class TeamService {

    public static final int DEFAULT_MAX_TEAM_SIZE = 3;
    static final int MAX_NAME = 80;

    private final TeamRepository repo;
    private final CourseAccess access;
    private final AuditLog audit;

    TeamService(TeamRepository repo, CourseAccess access, AuditLog audit) {
        this.repo = repo;
        this.access = access;
        this.audit = audit;
    }

    /** Staff: a new, empty team. */
    @Transactional
    public Team create(long courseId, String name) {
        var grant = access.staff(courseId);
        String n = teamName(name);
        long id;
        try {
            id = repo.insertTeam(courseId, n, grant.caller().accountId());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("This course already has a team called " + n + ".");
        }
        audit.record(grant.caller().accountId(), courseId, "team.created", n);
        return repo.team(id).orElseThrow();
    }

    /** Staff: a team with its first members, all or nothing (one refused member refuses the team). */
    @Transactional
    public Team createWithMembers(long courseId, String name, List<String> emails) {
        Team team = create(courseId, name);
        for (String email : emails) {
            team = addMember(team.id(), email);
        }
        return team;
    }

    /** Staff: puts a student of the course (by e-mail) into the team, if it has room and they are in no other team. */
    @Transactional
    public Team addMember(long teamId, String email) {
        Team team = repo.lockTeam(teamId).orElseThrow(() -> noTeam(teamId));
        var grant = access.staff(team.courseId());
        String address = EmailAddress.normalise(email == null ? "" : email);
        TeamRepository.Person person = repo.person(team.courseId(), address)
                .orElseThrow(() -> new InvalidInputException("'" + (email == null ? "" : email.strip()) + "' is not in this course."));
        if (person.role() != CourseRole.STUDENT) {
            throw new InvalidInputException(person.name() + " is " + (person.role() == CourseRole.TA ? "a TA" : "an instructor")
                    + " in this course; only students are in teams.");
        }
        if (team.has(person.accountId())) {
            return team;
        }
        int max = maxTeamSizeOf(team.courseId());
        Optional<Team> other = repo.teamOf(team.courseId(), person.accountId());
        // staff are not bound by the lock; the size and one-team rules are TeamRules.place
        if (new TeamRules(new TeamRules.Limits(1, max, null)).place(new TeamRules.TeamState(team.members().size(), 0), false).isPresent()) {
            throw new ConflictException("Team " + team.name() + " is full: it has " + team.members().size() + " members and this course"
                    + " allows " + max + " per team.");
        }
        if (other.isPresent()) {
            throw alreadyInATeam(person, other.get().name());
        }
        try {
            repo.insertMember(team.courseId(), teamId, person.accountId());
        } catch (DuplicateKeyException e) { // added to another team at this very moment
            throw alreadyInATeam(person, "another team");
        }
        repo.withdrawOpenInvitations(team.courseId(), person.accountId());
        audit.record(grant.caller().accountId(), team.courseId(), "team.member.added", team.name() + " " + address);
        repo.notifyCourse(team.courseId());
        return repo.team(teamId).orElseThrow();
    }

    /** Staff: takes a student out of the team. */
    @Transactional
    public Team removeMember(long teamId, long accountId) {
        Team team = repo.team(teamId).orElseThrow(() -> noTeam(teamId));
        var grant = access.staff(team.courseId());
        if (repo.deleteMember(teamId, accountId) == 0) {
            throw new NotFoundException("That student is not in team " + team.name() + ".");
        }
        audit.record(grant.caller().accountId(), team.courseId(), "team.member.removed", team.name() + " " + accountId);
        repo.notifyCourse(team.courseId());
        return repo.team(teamId).orElseThrow();
    }

    /** Staff: every team of the course, by name. */
    @Transactional(readOnly = true)
    public List<Team> teams(long courseId) {
        access.staff(courseId);
        return repo.teams(courseId);
    }

    /** Anyone in the course: the caller's own team, if they are in one. */
    @Transactional(readOnly = true)
    public Optional<Team> myTeam(long courseId) {
        var grant = access.member(courseId);
        return repo.teamOf(courseId, grant.caller().accountId());
    }

    /** The team, if the caller is one of its members or the course's staff; to anyone else, as if it did not exist. */
    @Transactional(readOnly = true)
    public Team visibleTeam(long teamId) {
        Team team = repo.team(teamId).orElseThrow(() -> noTeam(teamId));
        var grant = access.member(team.courseId());
        if (!grant.isStaff() && !team.has(grant.caller().accountId())) {
            throw noTeam(teamId);
        }
        return team;
    }

    /** Staff: the course's TAs and instructors (mentors for teams), by name. */
    @Transactional(readOnly = true)
    public List<Team.Member> staffOf(long courseId) {
        access.staff(courseId);
        return repo.staffOf(courseId).stream().map(p -> new Team.Member(p.accountId(), p.name(), p.email())).toList();
    }

    /** Anyone in the course: how many students a team may have. */
    @Transactional(readOnly = true)
    public int maxTeamSize(long courseId) {
        access.member(courseId);
        return maxTeamSizeOf(courseId);
    }

    /** Instructors: the team size limit; teams already larger keep their members but take no more. */
    @Transactional
    public int setMaxTeamSize(long courseId, Integer size) {
        var grant = access.instructor(courseId); // the role first: others learn nothing from how the input is judged
        if (size == null) {
            throw new InvalidInputException("Send {\"maxTeamSize\": 3}.");
        }
        if (size < 1 || size > 50) {
            throw new InvalidInputException("A team may have 1 to 50 students (you gave " + size + ").");
        }
        int min = repo.settings(courseId, DEFAULT_MAX_TEAM_SIZE).min();
        if (size < min) {
            throw new InvalidInputException("The maximum cannot be below the course's minimum team size (" + min + ").");
        }
        repo.putMaxTeamSize(courseId, size, grant.caller().accountId());
        audit.record(grant.caller().accountId(), courseId, "team.size", Integer.toString(size));
        return size;
    }

    /** A team's name as typed, judged: 1 to {@value #MAX_NAME} characters once trimmed. */
    static String teamName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw new InvalidInputException("A team needs a name of 1 to " + MAX_NAME + " characters.");
        }
        return n;
    }

    private int maxTeamSizeOf(long courseId) {
        return repo.maxTeamSize(courseId).orElse(DEFAULT_MAX_TEAM_SIZE);
    }

    private static ConflictException alreadyInATeam(TeamRepository.Person person, String team) {
        return new ConflictException(person.name() + " is already in " + (team.equals("another team") ? team : "team " + team)
                + "; a student is in one team per course.");
    }

    private static NotFoundException noTeam(long teamId) {
        return new NotFoundException("No team " + teamId + ".");
    }
}
