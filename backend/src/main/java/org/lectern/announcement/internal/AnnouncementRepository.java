package org.lectern.announcement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lectern.announcement.Announcement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AnnouncementRepository {

    private static final String COLUMNS =
            "select n.id, n.course_id, n.title, n.body, n.publish_at, a.display_name from announcement n join account a on a.id = n.created_by ";

    private final JdbcClient jdbc;

    public AnnouncementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long courseId, String title, String body, Instant publishAt, long by) {
        return jdbc.sql("insert into announcement (course_id, title, body, publish_at, created_by) values (?, ?, ?, ?, ?) returning id")
                .params(courseId, title, body, Timestamp.from(publishAt), by).query(Long.class).single();
    }

    public Optional<Announcement> byId(long id) {
        return jdbc.sql(COLUMNS + " where n.id = ?").param(id).query(AnnouncementRepository::row).optional();
    }

    /** Every announcement of the course, scheduled ones included, newest first. */
    public List<Announcement> all(long courseId) {
        return jdbc.sql(COLUMNS + " where n.course_id = ? order by n.publish_at desc, n.id desc").param(courseId)
                .query(AnnouncementRepository::row).list();
    }

    /** Published by {@code now} and not dismissed by the account, newest first. */
    public List<Announcement> current(long courseId, long accountId, Instant now) {
        return jdbc.sql(COLUMNS + """
                         where n.course_id = ? and n.publish_at <= ?
                           and not exists (select 1 from announcement_dismissal d where d.announcement_id = n.id and d.account_id = ?)
                         order by n.publish_at desc, n.id desc""")
                .params(courseId, Timestamp.from(now), accountId).query(AnnouncementRepository::row).list();
    }

    public void dismiss(long announcementId, long accountId) {
        jdbc.sql("insert into announcement_dismissal (announcement_id, account_id) values (?, ?) on conflict do nothing")
                .params(announcementId, accountId).update();
    }

    /** Marks it announced if due and not yet announced; true if this call did (so the event goes out once). */
    public boolean markAnnounced(long id, Instant now) {
        return jdbc.sql("update announcement set announced = true where id = ? and not announced and publish_at <= ?")
                .params(id, Timestamp.from(now)).update() == 1;
    }

    public void delete(long id) {
        jdbc.sql("delete from announcement where id = ?").param(id).update();
    }

    private static Announcement row(ResultSet rs, int i) throws SQLException {
        return new Announcement(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                rs.getString(6));
    }
}
