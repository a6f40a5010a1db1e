package org.lectern.gradebook.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lectern.gradebook.GradebookRows.Counted;
import org.lectern.gradebook.GradebookRows.Entry;
import org.lectern.gradebook.GradebookRows.Override;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class GradebookRepository {

    public record ExtensionRow(long id, String itemKey, long accountId, Instant newDueAt, Integer extraDays, String reason,
                               Instant grantedAt) {
    }

    private final JdbcClient jdbc;

    public GradebookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> policy(long courseId) {
        return jdbc.sql("select document from grading_policy where course_id = ?").param(courseId).query(String.class).optional();
    }

    public void savePolicy(long courseId, String document, long by) {
        jdbc.sql("""
                insert into grading_policy (course_id, document, updated_by) values (?, ?, ?)
                on conflict (course_id) do update set document = excluded.document, updated_by = excluded.updated_by, updated_at = now()""")
                .params(courseId, document, by).update();
    }

    public List<Entry> entries(long courseId) {
        return jdbc.sql("select item_key, account_id, score, excused from grade_entry where course_id = ?").param(courseId)
                .query((rs, i) -> new Entry(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBoolean(4))).list();
    }

    public void putEntry(long courseId, String itemKey, long accountId, BigDecimal score, boolean excused, Long by) {
        jdbc.sql("""
                insert into grade_entry (course_id, item_key, account_id, score, excused, entered_by) values (?, ?, ?, ?, ?, ?)
                on conflict (course_id, item_key, account_id) do update
                  set score = excluded.score, excused = excluded.excused, entered_by = excluded.entered_by, entered_at = now()""")
                .params(courseId, itemKey, accountId, score, excused, by).update();
    }

    public List<Override> overrides(long courseId) {
        return jdbc.sql("select item_key, account_id, score, reason from grade_override where course_id = ?").param(courseId)
                .query((rs, i) -> new Override(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getString(4))).list();
    }

    public void putOverride(long courseId, String itemKey, long accountId, BigDecimal score, String reason, long by) {
        jdbc.sql("""
                insert into grade_override (course_id, item_key, account_id, score, reason, set_by) values (?, ?, ?, ?, ?, ?)
                on conflict (course_id, item_key, account_id) do update
                  set score = excluded.score, reason = excluded.reason, set_by = excluded.set_by, set_at = now()""")
                .params(courseId, itemKey, accountId, score, reason, by).update();
    }

    public List<ExtensionRow> extensions(long courseId) {
        return jdbc.sql("select id, item_key, account_id, new_due_at, extra_days, reason, granted_at from grade_extension where course_id = ? order by id")
                .param(courseId)
                .query((rs, i) -> {
                    Timestamp due = rs.getTimestamp(4);
                    int days = rs.getInt(5);
                    Integer extra = rs.wasNull() ? null : days;
                    return new ExtensionRow(rs.getLong(1), rs.getString(2), rs.getLong(3), due == null ? null : due.toInstant(), extra,
                            rs.getString(6), rs.getTimestamp(7).toInstant());
                }).list();
    }

    public long addExtension(long courseId, String itemKey, long accountId, Instant newDue, Integer extraDays, String reason, long by) {
        return jdbc.sql("""
                insert into grade_extension (course_id, item_key, account_id, new_due_at, extra_days, reason, granted_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(courseId, itemKey, accountId, newDue == null ? null : Timestamp.from(newDue), extraDays, reason, by)
                .query(Long.class).single();
    }

    /** A reported work score (see {@code ScoreReported.Work}), replacing the student's previous one for that assignment. */
    public void putWorkScore(long assignmentId, long accountId, Instant submittedAt, BigDecimal score, BigDecimal possible, String source,
                             Long teamId) {
        jdbc.sql("""
                insert into work_score (assignment_id, account_id, submitted_at, score, possible, source, team_id) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (assignment_id, account_id) do update
                  set submitted_at = excluded.submitted_at, score = excluded.score, possible = excluded.possible,
                      source = excluded.source, team_id = excluded.team_id, reported_at = now()""")
                .params(assignmentId, accountId, Timestamp.from(submittedAt), score, possible, source, teamId).update();
    }

    /** The course's reported work scores: by assignment, then by student account. */
    public Map<Long, Map<Long, Counted>> workScores(long courseId) {
        Map<Long, Map<Long, Counted>> out = new HashMap<>();
        jdbc.sql("""
                select w.assignment_id, w.account_id, w.submitted_at, w.score, w.possible, w.team_id
                from work_score w join assignment a on a.id = w.assignment_id where a.course_id = ?""")
                .param(courseId)
                .query((rs, i) -> out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .put(rs.getLong(2), new Counted(rs.getTimestamp(3).toInstant(), rs.getBigDecimal(4), rs.getBigDecimal(5),
                                rs.getObject(6, Long.class))))
                .list();
        return out;
    }
    /** Item key → Canvas assignment id, for the items linked to Canvas. */
    public java.util.Map<String, String> canvasItems(long courseId) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        jdbc.sql("select item_key, canvas_assignment_id from canvas_item_link where course_id = ? order by item_key")
                .param(courseId).query(rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    /** Account id → Canvas user id, for the members linked to Canvas. */
    public java.util.Map<Long, String> canvasStudents(long courseId) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        jdbc.sql("select account_id, canvas_user_id from canvas_student_link where course_id = ?")
                .param(courseId).query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    public void linkCanvasItem(long courseId, String itemKey, String canvasAssignmentId) {
        jdbc.sql("""
                insert into canvas_item_link (course_id, item_key, canvas_assignment_id) values (?, ?, ?)
                on conflict (course_id, item_key) do update set canvas_assignment_id = excluded.canvas_assignment_id""")
                .params(courseId, itemKey, canvasAssignmentId).update();
    }

    public void linkCanvasStudent(long courseId, long accountId, String canvasUserId) {
        jdbc.sql("""
                insert into canvas_student_link (course_id, account_id, canvas_user_id) values (?, ?, ?)
                on conflict (course_id, account_id) do update set canvas_user_id = excluded.canvas_user_id""")
                .params(courseId, accountId, canvasUserId).update();
    }
}
