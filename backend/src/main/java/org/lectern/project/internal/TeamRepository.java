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
}
