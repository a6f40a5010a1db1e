package org.lectern.project.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lectern.course.CourseRole;
import org.lectern.project.Team;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TeamRepository {

    /** Someone in a course, as a team needs them. */
    public record Person(long accountId, String name, String email, CourseRole role) {
    }

    private static final String TEAMS = """
            select t.id, t.course_id, t.name, a.id as member_id, a.display_name, a.email
            from project_team t
            left join project_team_member m on m.team_id = t.id
            left join account a on a.id = m.account_id
            """;

    private final JdbcClient jdbc;

    public TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertTeam(long courseId, String name, long by) {
        return jdbc.sql("insert into project_team (course_id, name, created_by) values (?, ?, ?) returning id")
                .params(courseId, name, by).query(Long.class).single();
    }

    public Optional<Team> team(long teamId) {
        return teams(TEAMS + " where t.id = ? order by a.display_name, a.id", teamId).stream().findFirst();
    }

    /** The team, its row locked until the transaction ends, so that two additions cannot both take its last place. */
    public Optional<Team> lockTeam(long teamId) {
        if (jdbc.sql("select id from project_team where id = ? for update").param(teamId).query(Long.class).optional().isEmpty()) {
            return Optional.empty();
        }
        return team(teamId);
    }

    public List<Team> teams(long courseId) {
        return teams(TEAMS + " where t.course_id = ? order by t.name, t.id, a.display_name, a.id", courseId);
    }

    public Optional<Team> teamOf(long courseId, long accountId) {
        return jdbc.sql("select team_id from project_team_member where course_id = ? and account_id = ?")
                .params(courseId, accountId).query(Long.class).optional().flatMap(this::team);
    }

    public Optional<Person> person(long courseId, String email) {
        return jdbc.sql("""
                        select a.id, a.display_name, a.email, m.role from account a
                        join membership m on m.account_id = a.id and m.course_id = ? where a.email = ?""")
                .params(courseId, email)
                .query((rs, i) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3), CourseRole.valueOf(rs.getString(4))))
                .optional();
    }

    /** Throws DuplicateKeyException when the student is already in a team of this course. */
    public void insertMember(long courseId, long teamId, long accountId) {
        jdbc.sql("insert into project_team_member (course_id, account_id, team_id) values (?, ?, ?)")
                .params(courseId, accountId, teamId).update();
    }

    public int deleteMember(long teamId, long accountId) {
        return jdbc.sql("delete from project_team_member where team_id = ? and account_id = ?").params(teamId, accountId).update();
    }

    public Optional<Integer> maxTeamSize(long courseId) {
        return jdbc.sql("select max_team_size from project_settings where course_id = ?").param(courseId).query(Integer.class).optional();
    }

    public void putMaxTeamSize(long courseId, int size, long by) {
        jdbc.sql("""
                insert into project_settings (course_id, max_team_size, updated_by) values (?, ?, ?)
                on conflict (course_id) do update set max_team_size = excluded.max_team_size, updated_by = excluded.updated_by,
                  updated_at = now()""").params(courseId, size, by).update();
    }

    private List<Team> teams(String sql, Object param) {
        record Row(long id, long courseId, String name, Team.Member member) {
        }
        List<Row> rows = jdbc.sql(sql).param(param).query((rs, i) -> {
            long memberId = rs.getLong("member_id");
            Team.Member m = rs.wasNull() ? null : new Team.Member(memberId, rs.getString("display_name"), rs.getString("email"));
            return new Row(rs.getLong("id"), rs.getLong("course_id"), rs.getString("name"), m);
        }).list();
        Map<Long, List<Row>> byTeam = new LinkedHashMap<>();
        rows.forEach(r -> byTeam.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
        return byTeam.values().stream().map(rs -> new Team(rs.getFirst().id(), rs.getFirst().courseId(), rs.getFirst().name(),
                rs.stream().map(Row::member).filter(Objects::nonNull).toList())).toList();
    }

    // ---- team formation by students ----

    /** An invitation as its parties and staff see it. */
    public record InvitationRow(long id, long courseId, long teamId, String teamName, long inviteeId, String inviteeName,
            String inviterName, String status) {
    }

    private static final String INVITATIONS = """
            select i.id, i.course_id, i.team_id, t.name as team_name, i.invitee_id, a.display_name as invitee_name,
                   coalesce(b.display_name, '') as inviter_name, i.status
            from project_team_invitation i join project_team t on t.id = i.team_id join account a on a.id = i.invitee_id
            left join account b on b.id = i.invited_by
            """;

    private static InvitationRow invitation(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new InvitationRow(rs.getLong("id"), rs.getLong("course_id"), rs.getLong("team_id"), rs.getString("team_name"),
                rs.getLong("invitee_id"), rs.getString("invitee_name"), rs.getString("inviter_name"), rs.getString("status"));
    }

    /** min size, max size, lock instant (null: none); the defaults when the course has set nothing. */
    public record SettingsRow(int min, int max, java.time.Instant lockAt) {
    }

    public SettingsRow settings(long courseId, int defaultMax) {
        return jdbc.sql("select min_team_size, max_team_size, teams_lock_at from project_settings where course_id = ?").param(courseId)
                .query((rs, i) -> new SettingsRow(rs.getInt(1), rs.getInt(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .optional().orElse(new SettingsRow(1, defaultMax, null));
    }

    public void putFormation(long courseId, int min, int max, java.time.Instant lockAt, long by) {
        jdbc.sql("""
                insert into project_settings (course_id, min_team_size, max_team_size, teams_lock_at, updated_by) values (?, ?, ?, ?, ?)
                on conflict (course_id) do update set min_team_size = excluded.min_team_size, max_team_size = excluded.max_team_size,
                  teams_lock_at = excluded.teams_lock_at, updated_by = excluded.updated_by, updated_at = now()""")
                .params(courseId, min, max, lockAt == null ? null : java.sql.Timestamp.from(lockAt), by).update();
    }

    /** Students of the course (by e-mail, or by their exact name, case-insensitive); staff are never matched by name. */
    public List<Person> peopleNamed(long courseId, String nameOrEmail) {
        return jdbc.sql("""
                        select a.id, a.display_name, a.email, m.role from account a
                        join membership m on m.account_id = a.id and m.course_id = ?
                        where a.email = lower(?) or (m.role = 'STUDENT' and lower(a.display_name) = lower(?))
                        order by a.display_name, a.id""")
                .params(courseId, nameOrEmail, nameOrEmail)
                .query((rs, i) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3), CourseRole.valueOf(rs.getString(4))))
                .list();
    }

    public List<Person> studentsWithoutTeam(long courseId) {
        return jdbc.sql("""
                        select a.id, a.display_name, a.email, m.role from membership m join account a on a.id = m.account_id
                        where m.course_id = ? and m.role = 'STUDENT'
                          and not exists (select 1 from project_team_member t where t.course_id = m.course_id and t.account_id = m.account_id)
                        order by a.display_name, a.id""")
                .param(courseId)
                .query((rs, i) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3), CourseRole.valueOf(rs.getString(4))))
                .list();
    }

    public long insertInvitation(long courseId, long teamId, long inviteeId, long by) {
        return jdbc.sql("insert into project_team_invitation (course_id, team_id, invitee_id, invited_by) values (?, ?, ?, ?) returning id")
                .params(courseId, teamId, inviteeId, by).query(Long.class).single();
    }

    public Optional<InvitationRow> invitation(long id) {
        return jdbc.sql(INVITATIONS + " where i.id = ?").param(id).query(TeamRepository::invitation).optional();
    }

    public List<InvitationRow> pendingFor(long courseId, long inviteeId) {
        return jdbc.sql(INVITATIONS + " where i.course_id = ? and i.invitee_id = ? and i.status = 'PENDING' order by i.id")
                .params(courseId, inviteeId).query(TeamRepository::invitation).list();
    }

    public List<InvitationRow> pendingOf(long teamId) {
        return jdbc.sql(INVITATIONS + " where i.team_id = ? and i.status = 'PENDING' order by a.display_name, i.id")
                .param(teamId).query(TeamRepository::invitation).list();
    }

    public List<InvitationRow> pendingInCourse(long courseId) {
        return jdbc.sql(INVITATIONS + " where i.course_id = ? and i.status = 'PENDING' order by t.name, a.display_name, i.id")
                .param(courseId).query(TeamRepository::invitation).list();
    }

    /** Ends an open invitation; false when it was no longer open (answered at this very moment). */
    public boolean answerInvitation(long id, String status) {
        return jdbc.sql("update project_team_invitation set status = ?, answered_at = now() where id = ? and status = 'PENDING'")
                .params(status, id).update() == 1;
    }

    /** The student's other open invitations end when they join a team, so the places they held are free again. */
    public void withdrawOpenInvitations(long courseId, long inviteeId) {
        jdbc.sql("""
                update project_team_invitation set status = 'WITHDRAWN', answered_at = now()
                where course_id = ? and invitee_id = ? and status = 'PENDING'""").params(courseId, inviteeId).update();
    }

    public void deleteTeamIfEmpty(long teamId) {
        jdbc.sql("delete from project_team t where t.id = ? and not exists (select 1 from project_team_member m where m.team_id = t.id)")
                .param(teamId).update();
    }

    /** Tells every replica's team pages of this course that something changed, when the transaction commits. */
    public void notifyCourse(long courseId) {
        jdbc.sql("select pg_notify('" + org.lectern.project.TeamBroadcaster.CHANNEL + "', ?)").param(Long.toString(courseId)).query(Object.class).single();
    }

    /** The course's TAs and instructors (who can mentor a team). */
    public List<Person> staffOf(long courseId) {
        return jdbc.sql("""
                        select a.id, a.display_name, a.email, m.role from membership m join account a on a.id = m.account_id
                        where m.course_id = ? and m.role <> 'STUDENT' order by a.display_name, a.id""")
                .param(courseId)
                .query((rs, i) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3), CourseRole.valueOf(rs.getString(4))))
                .list();
    }
}
