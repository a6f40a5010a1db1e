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
                   s.submitted_by, s.on_behalf_reason, s.file_name, s.receipt_sha256, s.size_bytes, s.is_reference, s.team_id
            from submission s join account a on a.id = s.account_id
            """;

    private final JdbcClient jdbc;

    public SubmissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the next version for this person, or for their team when {@code teamId} is set (numbered per team); the row
     * lock on the assignment serialises concurrent uploads.
     */
    public long insert(long assignmentId, long accountId, Long teamId, Instant submittedAt, Instant receivedAt, long submittedBy,
                       String reason, String fileName, String sha, long size, boolean reference) {
        jdbc.sql("select id from assignment where id = ? for update").param(assignmentId).query(Long.class).single();
        int version = teamId == null
                ? jdbc.sql("""
                        select coalesce(max(version), 0) + 1 from submission where assignment_id = ? and account_id = ? and team_id is null""")
                        .params(assignmentId, accountId).query(Integer.class).single()
                : jdbc.sql("select coalesce(max(version), 0) + 1 from submission where assignment_id = ? and team_id = ?")
                        .params(assignmentId, teamId).query(Integer.class).single();
        return jdbc.sql("""
                insert into submission (assignment_id, account_id, team_id, version, submitted_at, received_at, submitted_by,
                                        on_behalf_reason, file_name, receipt_sha256, size_bytes, is_reference)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(assignmentId, accountId, teamId, version, Timestamp.from(submittedAt), Timestamp.from(receivedAt), submittedBy,
                        reason, fileName, sha, size, reference)
                .query(Long.class).single();
    }

    /** The student's team in the course (project teams: at most one per student and course). */
    public Optional<Long> teamOf(long courseId, long accountId) {
        return jdbc.sql("select team_id from project_team_member where course_id = ? and account_id = ?").params(courseId, accountId)
                .query(Long.class).optional();
    }

    public Optional<String> teamName(long teamId) {
        return jdbc.sql("select name from project_team where id = ?").param(teamId).query(String.class).optional();
    }

    /** The team's members now, by account id. */
    public List<Long> teamMembers(long teamId) {
        return jdbc.sql("select account_id from project_team_member where team_id = ? order by account_id").param(teamId)
                .query(Long.class).list();
    }

    /** Who a version counts for: its team's members now, or the student who made it (also when the team is gone or empty). */
    public List<Long> countsFor(Submission s) {
        if (s.teamId() == null) {
            return List.of(s.accountId());
        }
        List<Long> members = teamMembers(s.teamId());
        return members.isEmpty() ? List.of(s.accountId()) : members;
    }

    /** The team's versions of the assignment, newest first, each with the member who made it. */
    public List<Submission> teamVersions(long assignmentId, long teamId) {
        return jdbc.sql(SELECT + "where s.assignment_id = ? and s.team_id = ? and not s.is_reference order by s.version desc")
                .params(assignmentId, teamId).query(SubmissionRepository::submission).list();
    }

    public void insertFile(long submissionId, String path, String sha) {
        jdbc.sql("insert into submission_file (submission_id, path, blob_sha256) values (?, ?, ?)").params(submissionId, path, sha).update();
    }

    public Optional<Submission> byId(long id) {
        return jdbc.sql(SELECT + "where s.id = ?").param(id).query(SubmissionRepository::submission).optional();
    }

    public List<Submission> versions(long assignmentId, long accountId) {
        return jdbc.sql(SELECT + "where s.assignment_id = ? and s.account_id = ? and s.team_id is null and not s.is_reference order by s.version desc")
                .params(assignmentId, accountId).query(SubmissionRepository::submission).list();
    }

    /**
     * The one statement of which version counts, as a condition on submission {@code s}: the person's choice, else
     * their latest; a team's latest version (teams do not choose); never a reference solution. Every query for counted
     * versions uses it.
     */
    private static final String COUNTED = """
            not s.is_reference and s.id = case when s.team_id is null then coalesce(
                (select c.submission_id from submission_choice c where c.assignment_id = s.assignment_id and c.account_id = s.account_id),
                (select max(s2.id) from submission s2 where s2.assignment_id = s.assignment_id and s2.account_id = s.account_id
                                                        and s2.team_id is null and not s2.is_reference))
              else (select max(s2.id) from submission s2 where s2.assignment_id = s.assignment_id and s2.team_id = s.team_id
                                                          and not s2.is_reference) end
            """;

    /** Per person (per team on a team item: one version for all its members), the version that counts. */
    public List<Submission> counted(long assignmentId) {
        return jdbc.sql(SELECT + "where s.assignment_id = ? and " + COUNTED + " order by a.display_name, a.email")
                .param(assignmentId).query(SubmissionRepository::submission).list();
    }

    /** The version that counts for this person: their own, or their team's (the team they are in now). */
    public Optional<Long> countedId(long assignmentId, long accountId) {
        return jdbc.sql("""
                select s.id from submission s where s.assignment_id = ?
                  and ((s.account_id = ? and s.team_id is null)
                       or s.team_id in (select m.team_id from project_team_member m where m.account_id = ?))""" + " and " + COUNTED
                + " order by s.team_id nulls last limit 1")
                .params(assignmentId, accountId, accountId).query(Long.class).optional();
    }

    /**
     * The same person's (or team's) older versions of this assignment than {@code submissionId}, leaving out the one
     * they chose to count (a newer version replaces the others' place in the grading queue, never a chosen one).
     */
    public List<Long> olderVersionsNotChosen(long submissionId) {
        return jdbc.sql("""
                select s.id from submission n
                join submission s on s.assignment_id = n.assignment_id and s.id < n.id and not s.is_reference
                                  and (case when n.team_id is null then s.account_id = n.account_id and s.team_id is null
                                            else s.team_id = n.team_id end)
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
                rs.getString(12), rs.getLong(13), rs.getBoolean(14), rs.getObject(15, Long.class));
    }
}
