package org.lectern.written.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lectern.written.RubricItem;
import org.lectern.written.RubricScore;
import org.lectern.written.WrittenQuestion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class WrittenRepository {

    /** The assignment a question or item belongs to, enough to check the caller and report a score. */
    public record Owner(long assignmentId, long courseId, String shortName, boolean gradesReleased, Instant releaseAt) {
    }

    /** A stored grade row and its applied item ids. */
    public record GradeRow(long questionId, long accountId, BigDecimal adjustment, String comment, Instant gradedAt, List<Long> applied) {
    }

    private final JdbcClient jdbc;

    public WrittenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Owner> assignment(long assignmentId) {
        return jdbc.sql("select id, course_id, short_name, grades_released_at is not null, release_at from assignment where id = ?").param(assignmentId)
                .query(WrittenRepository::owner).optional();
    }

    public Optional<Owner> ownerOfQuestion(long questionId) {
        return jdbc.sql("""
                        select a.id, a.course_id, a.short_name, a.grades_released_at is not null, a.release_at
                        from written_question q join assignment a on a.id = q.assignment_id where q.id = ?""")
                .param(questionId).query(WrittenRepository::owner).optional();
    }

    public Optional<Long> questionOfItem(long itemId) {
        return jdbc.sql("select question_id from rubric_item where id = ?").param(itemId).query(Long.class).optional();
    }

    /** Empty when the assignment already has a question with that number. */
    public Optional<Long> insertQuestion(long assignmentId, int number, String title, BigDecimal points, RubricScore.Grading grading) {
        return jdbc.sql("""
                        insert into written_question (assignment_id, number, title, points, grading) values (?, ?, ?, ?, ?)
                        on conflict (assignment_id, number) do nothing returning id""")
                .params(assignmentId, number, title, points, grading.name().toLowerCase(Locale.ROOT)).query(Long.class).optional();
    }

    public int nextNumber(long assignmentId) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from written_question where assignment_id = ?").param(assignmentId)
                .query(Integer.class).single();
    }

    public List<WrittenQuestion> questions(long assignmentId) {
        Map<Long, List<RubricItem>> items = new HashMap<>();
        jdbc.sql("""
                        select i.id, i.question_id, i.position, i.points, i.text from rubric_item i join written_question q on q.id = i.question_id
                        where q.assignment_id = ? order by i.position, i.id""")
                .param(assignmentId).query(WrittenRepository::item).list()
                .forEach(i -> items.computeIfAbsent(i.questionId(), k -> new ArrayList<>()).add(i));
        return jdbc.sql("select id, assignment_id, number, title, points, grading from written_question where assignment_id = ? order by number")
                .param(assignmentId)
                .query((rs, n) -> new WrittenQuestion(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getBigDecimal(5),
                        RubricScore.Grading.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)), List.copyOf(items.getOrDefault(rs.getLong(1), List.of()))))
                .list();
    }

    public long insertItem(long questionId, BigDecimal points, String text) {
        return jdbc.sql("""
                        insert into rubric_item (question_id, position, points, text)
                        values (?, (select coalesce(max(position), 0) + 1 from rubric_item where question_id = ?), ?, ?) returning id""")
                .params(questionId, questionId, points, text).query(Long.class).single();
    }

    public Optional<RubricItem> item(long itemId) {
        return jdbc.sql("select id, question_id, position, points, text from rubric_item where id = ?").param(itemId)
                .query(WrittenRepository::item).optional();
    }

    /** Locks the item row: two staff changing one item, or a change racing a grade that applies it, serialise. */
    public void lockItem(long itemId) {
        jdbc.sql("select id from rubric_item where id = ? for update").param(itemId).query(Long.class).optional();
    }

    public void updateItem(long itemId, BigDecimal points, String text) {
        jdbc.sql("update rubric_item set points = ?, text = ? where id = ?").params(points, text, itemId).update();
    }

    /** The students whose grade on the item's question applies it. */
    public List<Long> accountsApplying(long itemId) {
        return jdbc.sql("select account_id from written_applied where rubric_item_id = ? order by account_id").param(itemId)
                .query(Long.class).list();
    }

    /** Replaces the student's grade on the question and its applied items; marks it graded by {@code by}. */
    public void saveGrade(long questionId, long accountId, Collection<Long> applied, BigDecimal adjustment, String comment, long by, Instant at) {
        jdbc.sql("""
                        insert into written_grade (question_id, account_id, adjustment, comment, graded_by, graded_at) values (?, ?, ?, ?, ?, ?)
                        on conflict (question_id, account_id) do update set adjustment = excluded.adjustment, comment = excluded.comment,
                        graded_by = excluded.graded_by, graded_at = excluded.graded_at""")
                .params(questionId, accountId, adjustment, comment, by, Timestamp.from(at)).update();
        jdbc.sql("delete from written_applied where question_id = ? and account_id = ?").params(questionId, accountId).update();
        for (Long item : applied) {
            jdbc.sql("insert into written_applied (question_id, account_id, rubric_item_id) values (?, ?, ?)")
                    .params(questionId, accountId, item).update();
        }
    }

    /** Every grade row of the assignment's questions, for the students given (all when null). */
    public List<GradeRow> grades(long assignmentId, Collection<Long> accounts) {
        String only = accounts == null ? "" : " and g.account_id = any(?)";
        Object[] params = accounts == null ? new Object[] {assignmentId} : new Object[] {assignmentId, accounts.toArray(Long[]::new)};
        Map<String, List<Long>> applied = new HashMap<>();
        jdbc.sql("""
                        select g.question_id, g.account_id, g.rubric_item_id from written_applied g join written_question q on q.id = g.question_id
                        where q.assignment_id = ?""" + only + " order by g.rubric_item_id")
                .params(params)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list()
                .forEach(r -> applied.computeIfAbsent(r[0] + "/" + r[1], k -> new ArrayList<>()).add(r[2]));
        return jdbc.sql("""
                        select g.question_id, g.account_id, g.adjustment, g.comment, g.graded_at from written_grade g
                        join written_question q on q.id = g.question_id where q.assignment_id = ?""" + only)
                .params(params)
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp(5);
                    return new GradeRow(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getString(4), at == null ? null : at.toInstant(),
                            List.copyOf(applied.getOrDefault(rs.getLong(1) + "/" + rs.getLong(2), List.of())));
                }).list();
    }

    /** Whether the account is a student of the course (grades are only ever given to students). */
    public boolean isStudent(long courseId, long accountId) {
        return jdbc.sql("select count(*) from membership where course_id = ? and account_id = ? and role = 'STUDENT'")
                .params(courseId, accountId).query(Integer.class).single() > 0;
    }

    public void insertPage(long submissionId, int page, String sha) {
        jdbc.sql("insert into written_page (submission_id, page, blob_sha256) values (?, ?, ?)").params(submissionId, page, sha).update();
    }

    public int pageCount(long submissionId) {
        return jdbc.sql("select count(*) from written_page where submission_id = ?").param(submissionId).query(Integer.class).single();
    }

    public Optional<String> pageBlob(long submissionId, int page) {
        return jdbc.sql("select blob_sha256 from written_page where submission_id = ? and page = ?").params(submissionId, page)
                .query(String.class).optional();
    }

    /** Question id → its marked pages, ascending. */
    public Map<Long, List<Integer>> marks(long submissionId) {
        Map<Long, List<Integer>> out = new HashMap<>();
        jdbc.sql("select question_id, page from written_page_mark where submission_id = ? order by question_id, page").param(submissionId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)}).list()
                .forEach(r -> out.computeIfAbsent(r[0], k -> new ArrayList<>()).add((int) r[1]));
        return out;
    }

    public void replaceMarks(long submissionId, Map<Long, ? extends Collection<Integer>> marks) {
        jdbc.sql("delete from written_page_mark where submission_id = ?").param(submissionId).update();
        marks.forEach((q, pages) -> pages.forEach(p -> jdbc.sql("insert into written_page_mark (submission_id, question_id, page) values (?, ?, ?)")
                .params(submissionId, q, p).update()));
    }

    /** The course's assignments that have written questions. */
    public List<Long> writtenAssignments(long courseId) {
        return jdbc.sql("""
                        select distinct q.assignment_id from written_question q join assignment a on a.id = q.assignment_id
                        where a.course_id = ? order by q.assignment_id""")
                .param(courseId).query(Long.class).list();
    }

    /** An assignment with written questions and its deadline. */
    public record Due(long assignmentId, long courseId, String shortName, Instant dueAt) {
    }

    /** Assignments with written questions due after {@code from} and no later than {@code to}. */
    public List<Due> writtenDueBetween(Instant from, Instant to) {
        return jdbc.sql("""
                        select a.id, a.course_id, a.short_name, a.due_at from assignment a
                        where a.due_at > ? and a.due_at <= ? and exists (select 1 from written_question q where q.assignment_id = a.id)
                        order by a.id""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }

    /** Records that the student was reminded; false when they already were. */
    public boolean remember(long assignmentId, long accountId, Instant at) {
        return jdbc.sql("insert into written_reminder (assignment_id, account_id, sent_at) values (?, ?, ?) on conflict do nothing")
                .params(assignmentId, accountId, Timestamp.from(at)).update() == 1;
    }

    private static Owner owner(ResultSet rs, int n) throws SQLException {
        return new Owner(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getTimestamp(5).toInstant());
    }

    private static RubricItem item(ResultSet rs, int n) throws SQLException {
        return new RubricItem(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBigDecimal(4), rs.getString(5));
    }
}
