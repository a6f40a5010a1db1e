package org.lectern.submission.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lectern.submission.Submission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SubmissionRepository {

    private static final String SELECT = """
            select s.id, s.assignment_id, s.account_id, a.display_name, a.email, s.version, s.submitted_at, s.received_at,
                   s.submitted_by, s.on_behalf_reason, s.file_name, s.receipt_sha256, s.size_bytes, s.is_reference
            from submission s join account a on a.id = s.account_id
            """;

    private final JdbcClient jdbc;

    public SubmissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the next version for this person; the row lock on the assignment serialises concurrent uploads. */
    public long insert(long assignmentId, long accountId, Instant submittedAt, Instant receivedAt, long submittedBy, String reason,
                       String fileName, String sha, long size, boolean reference) {
        jdbc.sql("select id from assignment where id = ? for update").param(assignmentId).query(Long.class).single();
        return jdbc.sql("""
                insert into submission (assignment_id, account_id, version, submitted_at, received_at, submitted_by, on_behalf_reason,
                                        file_name, receipt_sha256, size_bytes, is_reference)
                values (?, ?, (select coalesce(max(version), 0) + 1 from submission where assignment_id = ? and account_id = ?),
                        ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(assignmentId, accountId, assignmentId, accountId, Timestamp.from(submittedAt), Timestamp.from(receivedAt), submittedBy, reason,
                        fileName, sha, size, reference)
                .query(Long.class).single();
    }

    public void insertFile(long submissionId, String path, String sha) {
        jdbc.sql("insert into submission_file (submission_id, path, blob_sha256) values (?, ?, ?)").params(submissionId, path, sha).update();
    }

    public Optional<Submission> byId(long id) {
        return jdbc.sql(SELECT + "where s.id = ?").param(id).query(SubmissionRepository::submission).optional();
    }

    public List<Submission> versions(long assignmentId, long accountId) {
        return jdbc.sql(SELECT + "where s.assignment_id = ? and s.account_id = ? and not s.is_reference order by s.version desc")
                .params(assignmentId, accountId).query(SubmissionRepository::submission).list();
    }

    /**
     * The one statement of which version counts, as a condition on submission {@code s}: the person's choice, else
     * their latest; never a reference solution. Every query for counted versions uses it.
     */
    private static final String COUNTED = """
            not s.is_reference and s.id = coalesce(
                (select c.submission_id from submission_choice c where c.assignment_id = s.assignment_id and c.account_id = s.account_id),
                (select max(s2.id) from submission s2 where s2.assignment_id = s.assignment_id and s2.account_id = s.account_id and not s2.is_reference))
            """;

    /** Per person, the version that counts. */
    public List<Submission> counted(long assignmentId) {
        return jdbc.sql(SELECT + "where s.assignment_id = ? and " + COUNTED + " order by a.display_name, a.email")
                .param(assignmentId).query(SubmissionRepository::submission).list();
    }

    public Optional<Long> countedId(long assignmentId, long accountId) {
        return jdbc.sql("select s.id from submission s where s.assignment_id = ? and s.account_id = ? and " + COUNTED)
                .params(assignmentId, accountId).query(Long.class).optional();
    }

    /**
     * The same person's older versions of this assignment than {@code submissionId}, leaving out the one they chose
     * to count (a newer version replaces the others' place in the grading queue, never a chosen one).
     */
    public List<Long> olderVersionsNotChosen(long submissionId) {
        return jdbc.sql("""
                select s.id from submission n
                join submission s on s.account_id = n.account_id and s.assignment_id = n.assignment_id and s.id < n.id
                                  and not s.is_reference
                where n.id = ? and not n.is_reference
                  and not exists (select 1 from submission_choice c where c.submission_id = s.id)
                order by s.id""")
                .param(submissionId).query(Long.class).list();
    }

    public Optional<Submission> latestReference(long assignmentId) {
        return jdbc.sql(SELECT + "where s.assignment_id = ? and s.is_reference order by s.id desc limit 1").param(assignmentId)
                .query(SubmissionRepository::submission).optional();
    }

    public void choose(long assignmentId, long accountId, long submissionId) {
        jdbc.sql("""
                insert into submission_choice (assignment_id, account_id, submission_id) values (?, ?, ?)
                on conflict (assignment_id, account_id) do update set submission_id = excluded.submission_id, chosen_at = now()""")
                .params(assignmentId, accountId, submissionId).update();
    }

    public List<String[]> files(long submissionId) {
        return jdbc.sql("select path, blob_sha256 from submission_file where submission_id = ? order by path").param(submissionId)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    private static Submission submission(ResultSet rs, int row) throws SQLException {
        return new Submission(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getLong(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getLong(13), rs.getBoolean(14));
    }
}
