package org.lectern.schedule.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.lectern.schedule.CourseItem;
import org.lectern.schedule.Lecture;
import org.lectern.schedule.Week;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Weeks, lectures and course items. */
@Repository
public class ScheduleRepository {

    private static final String LECTURE = "select id, course_id, number, starts_at, ends_at, title, topics, slides_url, location from lecture ";
    private static final String ITEM = "select id, course_id, kind, short_name, title, lecture_id, release_at, due_at, route, staff_only from course_item ";

    private final JdbcClient jdbc;

    public ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Lecture> lectures(long courseId) {
        return jdbc.sql(LECTURE + "where course_id = ? order by starts_at, number").param(courseId)
                .query(ScheduleRepository::lecture).list();
    }

    public Optional<Lecture> lecture(long courseId, long lectureId) {
        return jdbc.sql(LECTURE + "where course_id = ? and id = ?").params(courseId, lectureId)
                .query(ScheduleRepository::lecture).optional();
    }

    public int nextLectureNumber(long courseId) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from lecture where course_id = ?").param(courseId)
                .query(Integer.class).single();
    }

    public boolean lectureNumberTaken(long courseId, int number, Long exceptId) {
        return jdbc.sql("select exists(select 1 from lecture where course_id = ? and number = ? and id <> coalesce(?, -1))")
                .params(courseId, number, exceptId).query(Boolean.class).single();
    }

    public long insertLecture(long courseId, int number, Instant start, Instant end, String title, String topics,
                              String slides, String location) {
        return jdbc.sql("""
                insert into lecture (course_id, number, starts_at, ends_at, title, topics, slides_url, location)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(courseId, number, Timestamp.from(start), Timestamp.from(end), title, topics, slides, location)
                .query(Long.class).single();
    }

    public void updateLecture(long courseId, long id, int number, Instant start, Instant end, String title, String topics,
                              String slides, String location) {
        jdbc.sql("""
                update lecture set number = ?, starts_at = ?, ends_at = ?, title = ?, topics = ?, slides_url = ?, location = ?
                where course_id = ? and id = ?""")
                .params(number, Timestamp.from(start), Timestamp.from(end), title, topics, slides, location, courseId, id)
                .update();
    }

    public int deleteLecture(long courseId, long id) {
        return jdbc.sql("delete from lecture where course_id = ? and id = ?").params(courseId, id).update();
    }

    public List<Week> weeks(long courseId) {
        return jdbc.sql("select id, number, title, starts_on from week where course_id = ? order by starts_on").param(courseId)
                .query((rs, i) -> new Week(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
                .list();
    }

    public long upsertWeek(long courseId, int number, String title, LocalDate startsOn) {
        return jdbc.sql("""
                insert into week (course_id, number, title, starts_on) values (?, ?, ?, ?)
                on conflict (course_id, number) do update set title = excluded.title, starts_on = excluded.starts_on
                returning id""")
                .params(courseId, number, title, startsOn).query(Long.class).single();
    }

    public int deleteWeek(long courseId, long id) {
        return jdbc.sql("delete from week where course_id = ? and id = ?").params(courseId, id).update();
    }

    public List<CourseItem> items(long courseId) {
        return jdbc.sql(ITEM + "where course_id = ? order by coalesce(release_at, due_at), id").param(courseId)
                .query(ScheduleRepository::item).list();
    }

    public long insertItem(long courseId, CourseItem.Kind kind, String shortName, String title, Long lectureId,
                           Instant release, Instant due, String route, boolean staffOnly) {
        return jdbc.sql("""
                insert into course_item (course_id, kind, short_name, title, lecture_id, release_at, due_at, route, staff_only)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(courseId, kind.name(), shortName, title, lectureId, ts(release), ts(due), route, staffOnly)
                .query(Long.class).single();
    }

    public void updateItemRelease(long courseId, long id, Instant release) {
        jdbc.sql("update course_item set release_at = ? where course_id = ? and id = ?").params(ts(release), courseId, id).update();
    }

    public Optional<CourseItem> item(long courseId, long id) {
        return jdbc.sql(ITEM + "where course_id = ? and id = ?").params(courseId, id).query(ScheduleRepository::item).optional();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static Lecture lecture(ResultSet rs, int row) throws SQLException {
        return new Lecture(rs.getLong("id"), rs.getLong("course_id"), rs.getInt("number"), instant(rs, "starts_at"),
                instant(rs, "ends_at"), rs.getString("title"), rs.getString("topics"), rs.getString("slides_url"),
                rs.getString("location"));
    }

    private static CourseItem item(ResultSet rs, int row) throws SQLException {
        long lecture = rs.getLong("lecture_id");
        Long lectureId = rs.wasNull() ? null : lecture;
        return new CourseItem(rs.getLong("id"), rs.getLong("course_id"), CourseItem.Kind.valueOf(rs.getString("kind")),
                rs.getString("short_name"), rs.getString("title"), lectureId, instant(rs, "release_at"),
                instant(rs, "due_at"), rs.getString("route"), rs.getBoolean("staff_only"));
    }
}
