package org.lectern.project;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseRole;
import org.lectern.platform.ConflictException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.project.internal.TeamRepository;
import org.lectern.project.internal.TeamRepository.InvitationRow;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Students form their own teams: start one, invite classmates by name or e-mail, accept or decline, leave before the
 * course's lock; staff see who has no team, place them ({@link TeamService#addMember}) and lock teams. The rules are
 * {@link TeamRules}; this class loads the facts (the team row locked), asks, and saves. Every change notifies the
 * course's team pages ({@code lectern_teams}) in its transaction.
 */
@Service
public class TeamFormationService {

    /** An invitation as the invitee, the team's members and staff see it. */
    public record Invitation(long id, long teamId, String teamName, long inviteeId, String inviteeName, String inviterName,
            String status) {
        static Invitation of(InvitationRow r) {
            return new Invitation(r.id(), r.teamId(), r.teamName(), r.inviteeId(), r.inviteeName(), r.inviterName(), r.status());
        }
    }

    /** The course's team rules as everyone in it may read them. */
    public record Settings(int minTeamSize, int maxTeamSize, Instant lockAt, boolean locked) {
    }

    /** What a student's team page shows: their team (with the invitations it has out), the invitations they have. */
    public record Mine(Settings settings, Team team, List<Invitation> sent, List<Invitation> received) {
    }

    /** What staff's team page shows besides the teams: who has no team, teams below the minimum, open invitations. */
    public record Overview(Settings settings, List<Team> teams, List<Team.Member> withoutTeam, List<Long> tooSmall,
            List<Invitation> pending) {
    }

    private final TeamRepository repo;
    private final CourseAccess access;
    private final AuditLog audit;
    private final Clock clock;

    TeamFormationService(TeamRepository repo, CourseAccess access, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The team sizes a team item takes: its own minimum and maximum where it sets them, else the course's. Members
     * and staff of the course may ask (the submission service checks a team's size against it).
     */
    @Transactional(readOnly = true)
    public TeamRules.ItemSizes itemSizes(long courseId, Integer itemMin, Integer itemMax) {
        access.member(courseId);
        var row = repo.settings(courseId, TeamService.DEFAULT_MAX_TEAM_SIZE);
        return TeamRules.ItemSizes.of(new TeamRules.Limits(Math.min(row.min(), row.max()), row.max(), null), itemMin, itemMax);
    }

    /** The line a team item's page shows when the item takes other team sizes than the course's (members and staff). */
    @Transactional(readOnly = true)
    public Optional<String> itemSizeNote(long courseId, Integer itemMin, Integer itemMax) {
        return itemSizes(courseId, itemMin, itemMax).noteAgainst(itemSizes(courseId, null, null));
    }

    @Transactional(readOnly = true)
    public Settings settings(long courseId) {
        access.member(courseId);
        return settingsOf(courseId);
    }

    /** Anyone in the course: their own team, its open invitations, and the invitations they received. */
    @Transactional(readOnly = true)
    public Mine mine(long courseId) {
        var grant = access.member(courseId);
        long me = grant.caller().accountId();
        Team team = repo.teamOf(courseId, me).orElse(null);
        List<Invitation> sent = team == null ? List.of() : repo.pendingOf(team.id()).stream().map(Invitation::of).toList();
        return new Mine(settingsOf(courseId), team, sent, repo.pendingFor(courseId, me).stream().map(Invitation::of).toList());
    }

    /** A student starts a team and is its first member. */
    @Transactional
    public Team start(long courseId, String name) {
        var grant = access.member(courseId);
        long me = grant.caller().accountId();
        if (grant.role() != CourseRole.STUDENT) {
            throw new InvalidInputException("Only students are in teams; staff make teams on the teams page.");
        }
        String n = TeamService.teamName(name);
        refuseIf(rules(courseId).create(now(), repo.teamOf(courseId, me).isPresent()));
        long id;
        try {
            id = repo.insertTeam(courseId, n, me);
            repo.insertMember(courseId, id, me);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("This course already has a team called " + n + ", or you joined a team at this moment.");
        }
        repo.withdrawOpenInvitations(courseId, me);
        audit.record(me, courseId, "team.started", n);
        repo.notifyCourse(courseId);
        return repo.team(id).orElseThrow();
    }

    /** A member invites a classmate by e-mail or by their name as the course lists it. */
    @Transactional
    public Invitation invite(long teamId, String nameOrEmail) {
        Team team = repo.lockTeam(teamId).orElseThrow(() -> noTeam(teamId));
        var grant = access.member(team.courseId());
        long me = grant.caller().accountId();
        if (!team.has(me) && !grant.isStaff()) {
            throw noTeam(teamId); // another team's existence is not a student's to learn
        }
        String who = nameOrEmail == null ? "" : nameOrEmail.strip();
        if (who.isEmpty() || who.length() > 200) {
            throw new InvalidInputException("Give a classmate's name or e-mail.");
        }
        List<TeamRepository.Person> found = repo.peopleNamed(team.courseId(), who);
        if (found.isEmpty()) {
            throw new InvalidInputException("Nobody called '" + who + "' is in this course.");
        }
        if (found.size() > 1) {
            throw new InvalidInputException("Several people in this course are called '" + who + "'; use their e-mail.");
        }
        TeamRepository.Person person = found.getFirst();
        List<InvitationRow> open = repo.pendingOf(teamId);
        boolean already = open.stream().anyMatch(i -> i.inviteeId() == person.accountId());
        refuseIf(rules(team.courseId()).invite(now(), team.has(me), new TeamRules.TeamState(team.members().size(), open.size()),
                person.role() == CourseRole.STUDENT, repo.teamOf(team.courseId(), person.accountId()).isPresent(), already));
        long id = repo.insertInvitation(team.courseId(), teamId, person.accountId(), me);
        audit.record(me, team.courseId(), "team.invited", team.name() + " " + person.accountId());
        repo.notifyCourse(team.courseId());
        return Invitation.of(repo.invitation(id).orElseThrow());
    }

    /** The invitee joins the team. */
    @Transactional
    public Team accept(long invitationId) {
        InvitationRow inv = invitationFor(invitationId, true);
        Team team = repo.lockTeam(inv.teamId()).orElseThrow(() -> noInvitation(invitationId));
        refuseIf(rules(inv.courseId()).accept(now(), inv.status().equals("PENDING"), repo.teamOf(inv.courseId(), inv.inviteeId()).isPresent(),
                new TeamRules.TeamState(team.members().size(), 0)));
        if (!repo.answerInvitation(invitationId, "ACCEPTED")) {
            throw new ConflictException("This invitation is no longer open.");
        }
        try {
            repo.insertMember(inv.courseId(), team.id(), inv.inviteeId());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("You joined another team at this moment.");
        }
        repo.withdrawOpenInvitations(inv.courseId(), inv.inviteeId());
        audit.record(inv.inviteeId(), inv.courseId(), "team.joined", team.name());
        repo.notifyCourse(inv.courseId());
        return repo.team(team.id()).orElseThrow();
    }

    /** The invitee declines. */
    @Transactional
    public void decline(long invitationId) {
        InvitationRow inv = invitationFor(invitationId, true);
        end(inv, "DECLINED");
    }

    /** A member of the inviting team (or staff) withdraws an open invitation. */
    @Transactional
    public void withdraw(long invitationId) {
        InvitationRow inv = invitationFor(invitationId, false);
        end(inv, "WITHDRAWN");
    }

    /** A member leaves their team before the lock; the last one out ends it. */
    @Transactional
    public void leave(long teamId) {
        Team team = repo.lockTeam(teamId).orElseThrow(() -> noTeam(teamId));
        var grant = access.member(team.courseId());
        long me = grant.caller().accountId();
        if (!team.has(me)) {
            throw noTeam(teamId);
        }
        refuseIf(rules(team.courseId()).leave(now(), true));
        repo.deleteMember(teamId, me);
        repo.deleteTeamIfEmpty(teamId);
        audit.record(me, team.courseId(), "team.left", team.name());
        repo.notifyCourse(team.courseId());
    }

    /** Staff: teams, who has no team, teams below the minimum, open invitations. */
    @Transactional(readOnly = true)
    public Overview overview(long courseId) {
        access.staff(courseId);
        Settings settings = settingsOf(courseId);
        List<Team> teams = repo.teams(courseId);
        TeamRules rules = rules(courseId);
        return new Overview(settings, teams,
                repo.studentsWithoutTeam(courseId).stream().map(p -> new Team.Member(p.accountId(), p.name(), p.email())).toList(),
                teams.stream().filter(t -> rules.tooSmall(t.members().size())).map(Team::id).toList(),
                repo.pendingInCourse(courseId).stream().map(Invitation::of).toList());
    }

    /** Instructors: sizes and the lock instant (null: teams stay open). */
    @Transactional
    public Settings configure(long courseId, Integer min, Integer max, Instant lockAt) {
        var grant = access.instructor(courseId);
        if (min == null || max == null) {
            throw new InvalidInputException("Send {\"minTeamSize\": 2, \"maxTeamSize\": 3, \"lockAt\": null}.");
        }
        if (min < 1 || max > 50 || min > max) {
            throw new InvalidInputException("Team sizes go from 1 to 50 and the minimum is at most the maximum (you gave " + min + " to " + max + ").");
        }
        repo.putFormation(courseId, min, max, lockAt, grant.caller().accountId());
        audit.record(grant.caller().accountId(), courseId, "team.rules", min + ".." + max + " lock " + lockAt);
        repo.notifyCourse(courseId);
        return settingsOf(courseId);
    }

    /** Instructors: lock teams now (students can no longer start, join or leave; staff still place and move). */
    @Transactional
    public Settings lockNow(long courseId) {
        access.instructor(courseId);
        Settings s = settingsOf(courseId);
        return configure(courseId, s.minTeamSize(), s.maxTeamSize(), now());
    }

    private void end(InvitationRow inv, String status) {
        refuseIf(new TeamRules(new TeamRules.Limits(1, 1, null)).answer(inv.status().equals("PENDING")));
        if (!repo.answerInvitation(inv.id(), status)) {
            throw new ConflictException("This invitation is no longer open.");
        }
        repo.notifyCourse(inv.courseId());
    }

    /** The invitation, if the caller may act on it: the invitee (to answer), or the team's members and staff (to withdraw). */
    private InvitationRow invitationFor(long id, boolean asInvitee) {
        InvitationRow inv = repo.invitation(id).orElseThrow(() -> noInvitation(id));
        var grant = access.member(inv.courseId());
        long me = grant.caller().accountId();
        boolean allowed = asInvitee ? inv.inviteeId() == me
                : grant.isStaff() || repo.team(inv.teamId()).map(t -> t.has(me)).orElse(false);
        if (!allowed) {
            throw noInvitation(id);
        }
        return inv;
    }

    private Settings settingsOf(long courseId) {
        var row = repo.settings(courseId, TeamService.DEFAULT_MAX_TEAM_SIZE);
        return new Settings(row.min(), row.max(), row.lockAt(), row.lockAt() != null && !now().isBefore(row.lockAt()));
    }

    TeamRules rules(long courseId) {
        var row = repo.settings(courseId, TeamService.DEFAULT_MAX_TEAM_SIZE);
        return new TeamRules(new TeamRules.Limits(Math.min(row.min(), row.max()), row.max(), row.lockAt()));
    }

    private Instant now() {
        return clock.instant();
    }

    private static void refuseIf(Optional<String> refusal) {
        refusal.ifPresent(r -> {
            throw new ConflictException(r);
        });
    }

    private static NotFoundException noTeam(long teamId) {
        return new NotFoundException("No team " + teamId + ".");
    }

    private static NotFoundException noInvitation(long id) {
        return new NotFoundException("No invitation " + id + ".");
    }
}
