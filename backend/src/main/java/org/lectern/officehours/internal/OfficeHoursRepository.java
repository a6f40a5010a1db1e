package org.lectern.officehours.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lectern.officehours.OfficeHoursBroadcaster;
import org.lectern.officehours.OfficeHoursSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OfficeHoursRepository {

    /** An entry as stored, with the names staff may see. */
    public record Row(long id, long sessionId, long accountId, String student, String topic, boolean privateTopic, String status,
                      Instant joinedAt, Long takenBy, String takenByName, Instant takenAt, Instant finishedAt) {
    }

    private static final String SESSION = """
            select s.id, s.course_id, s.location, a.display_name, s.opened_at, s.ends_at, s.closed_at
            from oh_session s join account a on a.id = s.opened_by""";
    private static final String ENTRY = """
            select e.id, e.session_id, e.account_id, a.display_name, e.topic, e.private, e.status, e.joined_at, e.taken_by,
                   t.display_name as taken_name, e.taken_at, e.finished_at
            from oh_entry e join account a on a.id = e.account_id left join account t on t.id = e.taken_by""";

    private final JdbcClient jdbc;

    public OfficeHoursRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long openSession(long courseId, long by, String location, Instant openedAt, Instant endsAt) {
        return jdbc.sql("insert into oh_session (course_id, opened_by, location, opened_at, ends_at) values (?, ?, ?, ?, ?) returning id")
                .params(courseId, by, location, Timestamp.from(openedAt), Timestamp.from(endsAt)).query(Long.class).single();
    }

    public Optional<OfficeHoursSession> session(long id) {
        return jdbc.sql(SESSION + " where s.id = ?").param(id).query(OfficeHoursRepository::session).optional();
    }

    /** Locks the session: takes and joins are serialised per queue, so two TAs never take the same student. */
    public void lockSession(long id) {
        jdbc.sql("select id from oh_session where id = ? for update").param(id).query(Long.class).optional();
    }

    public List<OfficeHoursSession> sessions(long courseId, int limit) {
        return jdbc.sql(SESSION + " where s.course_id = ? order by s.opened_at desc, s.id desc limit ?").params(courseId, limit)
                .query(OfficeHoursRepository::session).list();
    }

    public void close(long sessionId, Instant at) {
        jdbc.sql("update oh_session set closed_at = ? where id = ? and closed_at is null").params(Timestamp.from(at), sessionId).update();
        // Whoever still waits was not helped in this session; being served ends with the session too.
        jdbc.sql("update oh_entry set status = 'LEFT', finished_at = ? where session_id = ? and status = 'WAITING'")
                .params(Timestamp.from(at), sessionId).update();
        jdbc.sql("update oh_entry set status = 'HELPED', finished_at = ? where session_id = ? and status = 'SERVING'")
                .params(Timestamp.from(at), sessionId).update();
    }

    /** False when the student already has an entry in this session. */
    public boolean join(long sessionId, long accountId, String topic, boolean privateTopic, Instant at) {
        return jdbc.sql("insert into oh_entry (session_id, account_id, topic, private, joined_at) values (?, ?, ?, ?, ?) "
                        + "on conflict (session_id, account_id) do nothing")
                .params(sessionId, accountId, topic, privateTopic, Timestamp.from(at)).update() == 1;
    }

    public List<Row> entries(long sessionId) {
        return jdbc.sql(ENTRY + " where e.session_id = ? order by e.joined_at, e.id").param(sessionId).query(OfficeHoursRepository::row).list();
    }

    public Optional<Row> entry(long entryId) {
        return jdbc.sql(ENTRY + " where e.id = ?").param(entryId).query(OfficeHoursRepository::row).optional();
    }

    public List<Row> courseHistory(long courseId, int limit) {
        return jdbc.sql(ENTRY + " join oh_session s on s.id = e.session_id where s.course_id = ? order by e.joined_at desc, e.id desc limit ?")
                .params(courseId, limit).query(OfficeHoursRepository::row).list();
    }

    /** Of these accounts, those helped in this course since {@code since} (the start of the course's day). */
    public Set<Long> helpedSince(long courseId, List<Long> accountIds, Instant since) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        select distinct e.account_id from oh_entry e join oh_session s on s.id = e.session_id
                        where s.course_id = ? and e.status = 'HELPED' and e.finished_at >= ? and e.account_id = any (?)""")
                .params(courseId, Timestamp.from(since), accountIds.toArray(Long[]::new)).query(Long.class).list());
    }

    /** The latest service times in the course, newest first. */
    public List<Duration> recentServices(long courseId, int limit) {
        return jdbc.sql("""
                        select e.taken_at, e.finished_at from oh_entry e join oh_session s on s.id = e.session_id
                        where s.course_id = ? and e.status = 'HELPED' and e.taken_at is not null
                        order by e.finished_at desc limit ?""")
                .params(courseId, limit)
                .query((rs, i) -> Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant())).list();
    }

    public void take(long entryId, long by, Instant at) {
        jdbc.sql("update oh_entry set status = 'SERVING', taken_by = ?, taken_at = ? where id = ?")
                .params(by, Timestamp.from(at), entryId).update();
    }

    public void finish(long entryId, String status, Instant at) {
        jdbc.sql("update oh_entry set status = ?, finished_at = ? where id = ?").params(status, Timestamp.from(at), entryId).update();
    }

    public void notifyChanged(long sessionId) {
        jdbc.sql("select pg_notify('" + OfficeHoursBroadcaster.CHANNEL + "', ?)").param(Long.toString(sessionId)).query(Object.class).single();
    }

    private static OfficeHoursSession session(ResultSet rs, int i) throws SQLException {
        return new OfficeHoursSession(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                rs.getTimestamp(6).toInstant(), instant(rs.getTimestamp(7)));
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7),
                rs.getTimestamp(8).toInstant(), rs.getObject(9, Long.class), rs.getString(10), instant(rs.getTimestamp(11)),
                instant(rs.getTimestamp(12)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
