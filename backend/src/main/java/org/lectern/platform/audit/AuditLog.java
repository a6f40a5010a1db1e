package org.lectern.platform.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Who did what to which course, kept for staff and for disputes. Written in the caller's transaction. */
@Service
public class AuditLog {

    public record Entry(Instant at, Long actorId, Long courseId, String action, String detail) {
    }

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long actorId, Long courseId, String action, String detail) {
        jdbc.sql("insert into audit_event (actor_id, course_id, action, detail) values (?, ?, ?, ?)")
                .params(actorId, courseId, action, detail == null ? "" : detail)
                .update();
    }

    @Transactional(readOnly = true)
    public List<Entry> forCourse(long courseId) {
        return jdbc.sql("select at, actor_id, course_id, action, detail from audit_event where course_id = ? order by id")
                .param(courseId)
                .query((rs, i) -> new Entry(rs.getTimestamp(1).toInstant(), (Long) rs.getObject(2),
                        (Long) rs.getObject(3), rs.getString(4), rs.getString(5)))
                .list();
    }
}
