package org.lectern.course.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.lectern.course.Course;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseSummary;
import org.lectern.course.Member;
import org.lectern.course.Section;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Courses, their sections and memberships. */
@Repository
public class CourseRepository {

    private final JdbcClient jdbc;

    public CourseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Course> byId(long id) {
        return jdbc.sql("select id, code, title, term, time_zone from course where id = ?").param(id)
                .query(CourseRepository::course).optional();
    }

    public Optional<Course> byCodeAndTerm(String code, String term) {
        return jdbc.sql("select id, code, title, term, time_zone from course where lower(code) = lower(?) and lower(term) = lower(?)")
                .params(code, term).query(CourseRepository::course).optional();
    }

    public long insert(String code, String title, String term, String zone, long createdBy) {
        return jdbc.sql("insert into course (code, title, term, time_zone, created_by) values (?, ?, ?, ?, ?) returning id")
                .params(code, title, term, zone, createdBy).query(Long.class).single();
    }

    public void update(long id, String code, String title, String term, String zone) {
        jdbc.sql("update course set code = ?, title = ?, term = ?, time_zone = ? where id = ?")
                .params(code, title, term, zone, id).update();
    }

    public List<CourseSummary> forAccount(long accountId) {
        return jdbc.sql("""
                select c.id, c.code, c.title, c.term, c.time_zone, m.role
                from course c join membership m on m.course_id = c.id
                where m.account_id = ? order by c.created_at desc, c.id desc""")
                .param(accountId)
                .query((rs, i) -> new CourseSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), CourseRole.valueOf(rs.getString(6))))
                .list();
    }

    /** Every course, for site admins; their role shows as instructor where they are not enrolled. */
    public List<CourseSummary> all(long adminId) {
        return jdbc.sql("""
                select c.id, c.code, c.title, c.term, c.time_zone, coalesce(m.role, 'INSTRUCTOR')
                from course c left join membership m on m.course_id = c.id and m.account_id = ?
                order by c.created_at desc, c.id desc""")
                .param(adminId)
                .query((rs, i) -> new CourseSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), CourseRole.valueOf(rs.getString(6))))
                .list();
    }

    public Optional<CourseRole> role(long courseId, long accountId) {
        return jdbc.sql("select role from membership where course_id = ? and account_id = ?")
                .params(courseId, accountId).query(String.class).optional().map(CourseRole::valueOf);
    }

    public List<Member> members(long courseId) {
        return jdbc.sql("""
                select a.id, a.display_name, a.email, m.role, s.name, m.sis_id, a.password_hash is not null, m.login
                from membership m join account a on a.id = m.account_id left join section s on s.id = m.section_id
                where m.course_id = ?
                order by case m.role when 'INSTRUCTOR' then 0 when 'TA' then 1 else 2 end, a.display_name, a.email""")
                .param(courseId)
                .query((rs, i) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3),
                        CourseRole.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8)))
                .list();
    }

    public void upsertMember(long courseId, long accountId, CourseRole role, Long sectionId, String sisId) {
        upsertMember(courseId, accountId, role, sectionId, sisId, null);
    }

    /** A null section, SIS id or login keeps the one stored. */
    public void upsertMember(long courseId, long accountId, CourseRole role, Long sectionId, String sisId, String login) {
        jdbc.sql("""
                insert into membership (course_id, account_id, role, section_id, sis_id, login) values (?, ?, ?, ?, ?, ?)
                on conflict (course_id, account_id) do update
                  set role = excluded.role,
                      section_id = coalesce(excluded.section_id, membership.section_id),
                      sis_id = coalesce(excluded.sis_id, membership.sis_id),
                      login = coalesce(excluded.login, membership.login)""")
                .params(courseId, accountId, role.name(), sectionId, sisId, login).update();
    }

    public int removeMember(long courseId, long accountId) {
        return jdbc.sql("delete from membership where course_id = ? and account_id = ?").params(courseId, accountId).update();
    }

    public int countRole(long courseId, CourseRole role) {
        return jdbc.sql("select count(*) from membership where course_id = ? and role = ?")
                .params(courseId, role.name()).query(Integer.class).single();
    }

    public List<Section> sections(long courseId) {
        return jdbc.sql("select id, name, kind, day_of_week, starts_at, ends_at, location from section where course_id = ? order by kind, name")
                .param(courseId).query(CourseRepository::section).list();
    }

    public long insertSection(long courseId, String name, Section.Kind kind, DayOfWeek day, LocalTime start,
                              LocalTime end, String location) {
        return jdbc.sql("insert into section (course_id, name, kind, day_of_week, starts_at, ends_at, location) values (?, ?, ?, ?, ?, ?, ?) returning id")
                .params(courseId, name, kind.name(), day == null ? null : day.getValue(),
                        start == null ? null : Time.valueOf(start), end == null ? null : Time.valueOf(end), location)
                .query(Long.class).single();
    }

    public int deleteSection(long courseId, long sectionId) {
        return jdbc.sql("delete from section where course_id = ? and id = ?").params(courseId, sectionId).update();
    }

    private static Course course(ResultSet rs, int row) throws SQLException {
        return new Course(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), ZoneId.of(rs.getString(5)));
    }

    private static Section section(ResultSet rs, int row) throws SQLException {
        int day = rs.getInt(4);
        boolean noDay = rs.wasNull();
        Time start = rs.getTime(5);
        Time end = rs.getTime(6);
        return new Section(rs.getLong(1), rs.getString(2), Section.Kind.valueOf(rs.getString(3)),
                noDay ? null : DayOfWeek.of(day), start == null ? null : start.toLocalTime(),
                end == null ? null : end.toLocalTime(), rs.getString(7));
    }
}
