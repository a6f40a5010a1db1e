package org.lectern.written.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lectern.written.RegradeRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RegradeRepository {

    public record Window(Instant opensAt, Instant closesAt) {
    }

    private static final String COLUMNS = """
            r.id, r.question_id, q.number, r.account_id, r.reason, r.asked_at, r.score_before, r.answer, r.score_after, r.answered_at,
                   a.id, a.short_name, q.title, p.display_name
            from written_regrade r join written_question q on q.id = r.question_id join assignment a on a.id = q.assignment_id
            join account p on p.id = r.account_id""";

    private final JdbcClient jdbc;

    public RegradeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void setWindow(long assignmentId, Instant opensAt, Instant closesAt) {
        jdbc.sql("""
                        insert into written_regrade_window (assignment_id, opens_at, closes_at) values (?, ?, ?)
                        on conflict (assignment_id) do update set opens_at = excluded.opens_at, closes_at = excluded.closes_at""")
                .params(assignmentId, Timestamp.from(opensAt), Timestamp.from(closesAt)).update();
    }

    public Optional<Window> window(long assignmentId) {
        return jdbc.sql("select opens_at, closes_at from written_regrade_window where assignment_id = ?").param(assignmentId)
                .query((rs, n) -> new Window(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant())).optional();
    }

    /** Empty when the student already has an open request on the question. */
    public Optional<Long> insert(long questionId, long accountId, String reason, BigDecimal scoreBefore, Instant at) {
        return jdbc.sql("""
                        insert into written_regrade (question_id, account_id, reason, score_before, asked_at) values (?, ?, ?, ?, ?)
                        on conflict (question_id, account_id) where answered_at is null do nothing returning id""")
                .params(questionId, accountId, reason, scoreBefore, Timestamp.from(at)).query(Long.class).optional();
    }

    public Optional<RegradeRequest> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " where r.id = ?").param(id).query(RegradeRepository::request).optional();
    }

    /** False when it was answered meanwhile. */
    public boolean answer(long id, String answer, BigDecimal scoreAfter, long by, Instant at) {
        return jdbc.sql("update written_regrade set answer = ?, score_after = ?, answered_by = ?, answered_at = ? where id = ? and answered_at is null")
                .params(answer, scoreAfter, by, Timestamp.from(at), id).update() == 1;
    }

    public List<RegradeRequest> forAssignment(long assignmentId, Long accountId) {
        String order = " order by r.answered_at is not null, r.asked_at, r.id";
        return accountId == null
                ? jdbc.sql("select " + COLUMNS + " where q.assignment_id = ?" + order).param(assignmentId).query(RegradeRepository::request).list()
                : jdbc.sql("select " + COLUMNS + " where q.assignment_id = ? and r.account_id = ?" + order).params(assignmentId, accountId)
                        .query(RegradeRepository::request).list();
    }

    /** The course's requests, open ones first, oldest first (staff's answering page). */
    public List<RegradeRequest> forCourse(long courseId) {
        return jdbc.sql("select " + COLUMNS + " where a.course_id = ? order by r.answered_at is not null, r.asked_at, r.id").param(courseId)
                .query(RegradeRepository::request).list();
    }

    public int openCount(long courseId) {
        return jdbc.sql("""
                        select count(*) from written_regrade r join written_question q on q.id = r.question_id
                        join assignment a on a.id = q.assignment_id where a.course_id = ? and r.answered_at is null""")
                .param(courseId).query(Integer.class).single();
    }

    private static RegradeRequest request(ResultSet rs, int n) throws SQLException {
        Timestamp answered = rs.getTimestamp(10);
        return new RegradeRequest(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                rs.getBigDecimal(7), rs.getString(8), rs.getBigDecimal(9), answered == null ? null : answered.toInstant(), rs.getLong(11),
                rs.getString(12), rs.getString(13), rs.getString(14));
    }
}
