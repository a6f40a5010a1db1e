package org.lectern.plagiarism.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.lectern.plagiarism.CaseStatus;
import org.lectern.plagiarism.CheckState;
import org.lectern.plagiarism.CheckTrigger;
import org.lectern.plagiarism.ClusterSummary;
import org.lectern.plagiarism.CorpusEntry;
import org.lectern.plagiarism.CorpusKind;
import org.lectern.plagiarism.IntegrityCase;
import org.lectern.plagiarism.PairDetail;
import org.lectern.plagiarism.PairSummary;
import org.lectern.plagiarism.ParseProblemSummary;
import org.lectern.plagiarism.PlagiarismCheckRun;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PlagiarismRepository {

    private static final String CHECK = """
            select id, assignment_id, course_id, trigger_kind, state, phase, progress, outcome, message, comparisons, flagged_pairs,
                   report_sha256 is not null, queued_at, started_at, finished_at, base_code_warning
            from plagiarism_check
            """;
    private static final String PAIR = """
            select p.id, p.check_id, p.rank, p.first_party, p.first_label, p.first_kind, p.first_origin, p.first_members,
                   p.second_party, p.second_label, p.second_kind, p.second_origin, p.second_members,
                   p.avg_similarity, p.max_similarity, p.matched_tokens, p.flagged, c.id, c.status
            from plagiarism_pair p join plagiarism_check k on k.id = p.check_id
            left join plagiarism_case c on c.assignment_id = k.assignment_id
                 and c.party_a = least(p.first_party, p.second_party) and c.party_b = greatest(p.first_party, p.second_party)
            """;
    private static final String CASE = """
            select c.id, c.assignment_id, c.course_id, c.party_a, c.party_b, c.label_a, c.label_b, c.status, c.notes,
                   m.display_name, c.marked_at, c.decision, c.decision_score, d.display_name, c.decided_at
            from plagiarism_case c join account m on m.id = c.marked_by left join account d on d.id = c.decided_by
            """;

    /** A stored pair with its fragments (JSON) and the assignment it belongs to. */
    public record StoredPair(PairSummary pair, long assignmentId, String fragmentsJson) {
    }

    private final JdbcClient jdbc;

    public PlagiarismRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ checks

    /** The channel live pages follow: the assignment id whenever one of its checks changes. */
    public static final String CHANNEL = "lectern_plagiarism";

    /** Tells every replica's pages that this check changed (sent when the transaction commits). */
    private void changed(long checkId) {
        jdbc.sql("select pg_notify('" + CHANNEL + "', assignment_id::text) from plagiarism_check where id = ?").param(checkId)
                .query((rs, i) -> 0).list();
    }

    /** Throws DuplicateKeyException when a check of the assignment is already queued or running. */
    public long insertCheck(long assignmentId, long courseId, CheckTrigger trigger, Long requestedBy, Instant now) {
        long id = jdbc.sql("""
                insert into plagiarism_check (assignment_id, course_id, trigger_kind, state, requested_by, queued_at)
                values (?, ?, ?, 'QUEUED', ?, ?) returning id""")
                .params(assignmentId, courseId, trigger.name(), requestedBy, Timestamp.from(now)).query(Long.class).single();
        changed(id);
        return id;
    }

    public Optional<PlagiarismCheckRun> lockCheck(long id) {
        return jdbc.sql(CHECK + "where id = ? for update").param(id).query(PlagiarismRepository::check).optional();
    }

    public Optional<PlagiarismCheckRun> check(long id) {
        return jdbc.sql(CHECK + "where id = ?").param(id).query(PlagiarismRepository::check).optional();
    }

    public Optional<PlagiarismCheckRun> latestCheck(long assignmentId) {
        return jdbc.sql(CHECK + "where assignment_id = ? order by id desc limit 1").param(assignmentId)
                .query(PlagiarismRepository::check).optional();
    }

    /** The latest check that finished with results, for the pairs shown while a newer one runs. */
    public Optional<PlagiarismCheckRun> latestDone(long assignmentId) {
        return jdbc.sql(CHECK + "where assignment_id = ? and state = 'DONE' order by id desc limit 1").param(assignmentId)
                .query(PlagiarismRepository::check).optional();
    }

    public boolean hasActiveCheck(long assignmentId) {
        return jdbc.sql("select exists (select 1 from plagiarism_check where assignment_id = ? and state in ('QUEUED', 'RUNNING'))")
                .param(assignmentId).query(Boolean.class).single();
    }

    public void markRunning(long id, Instant now) {
        jdbc.sql("update plagiarism_check set state = 'RUNNING', started_at = coalesce(started_at, ?), progress = 0, phase = null where id = ?")
                .params(Timestamp.from(now), id).update();
        changed(id);
    }

    /** Progress only moves forward, and only while the check runs. */
    public void progress(long id, String phase, double progress) {
        jdbc.sql("update plagiarism_check set phase = ?, progress = greatest(progress, ?) where id = ? and state = 'RUNNING'")
                .params(phase, progress, id).update();
        changed(id);
    }

    /** Ends a check once: a later attempt's result is discarded. */
    public boolean finish(long id, CheckState state, String outcome, String message, int comparisons, int flagged, String reportSha,
                          String baseCodeWarning, Instant now) {
        boolean ended = jdbc.sql("""
                update plagiarism_check set state = ?, outcome = ?, message = ?, comparisons = ?, flagged_pairs = ?, report_sha256 = ?,
                       base_code_warning = ?, finished_at = ?, phase = null, progress = case when ? = 'DONE' then 1 else progress end
                where id = ? and state in ('QUEUED', 'RUNNING')""")
                .params(state.name(), outcome, message, comparisons, flagged, reportSha, baseCodeWarning, Timestamp.from(now), state.name(), id)
                .update() == 1;
        if (ended) {
            changed(id);
        }
        return ended;
    }

    public Optional<String> reportSha(long checkId) {
        return jdbc.sql("select report_sha256 from plagiarism_check where id = ? and report_sha256 is not null").param(checkId)
                .query(String.class).optional();
    }

    public void insertPair(long checkId, int rank, PairSummary.Party first, PairSummary.Party second, double avg, double max,
                           int tokens, boolean flagged, String fragmentsJson) {
        jdbc.sql("""
                insert into plagiarism_pair (check_id, rank, first_party, first_label, first_kind, first_origin, first_members,
                    second_party, second_label, second_kind, second_origin, second_members, avg_similarity, max_similarity,
                    matched_tokens, flagged, fragments)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(checkId, rank, first.id(), first.label(), first.kind(), first.origin(), members(first.members()),
                        second.id(), second.label(), second.kind(), second.origin(), members(second.members()), avg, max, tokens, flagged,
                        fragmentsJson)
                .update();
    }

    public void insertCluster(long checkId, int position, ClusterSummary c) {
        jdbc.sql("insert into plagiarism_cluster (check_id, position, members, links, strongest, mean) values (?, ?, ?, ?, ?, ?)")
                .params(checkId, position, String.join("\n", c.members()), c.links(), c.strongestSimilarity(), c.meanSimilarity()).update();
    }

    public void insertProblem(long checkId, int position, ParseProblemSummary p) {
        jdbc.sql("insert into plagiarism_problem (check_id, position, party, label, file, kind, message) values (?, ?, ?, ?, ?, ?, ?)")
                .params(checkId, position, p.party(), p.label(), p.file(), p.kind(), p.message()).update();
    }

    public void insertComparedFile(long checkId, String party, int position, String name, String text) {
        jdbc.sql("insert into plagiarism_compared_file (check_id, party, position, name, text) values (?, ?, ?, ?, ?)")
                .params(checkId, party, position, name, text).update();
    }

    public List<PairSummary> pairs(long checkId) {
        return jdbc.sql(PAIR + "where p.check_id = ? order by p.rank").param(checkId).query(PlagiarismRepository::pair).list();
    }

    public Optional<StoredPair> pair(long pairId) {
        return jdbc.sql(PAIR.replace("p.flagged, c.id, c.status", "p.flagged, c.id, c.status, k.assignment_id, p.fragments::text")
                        + "where p.id = ?").param(pairId)
                .query((rs, i) -> new StoredPair(pair(rs, i), rs.getLong(20), rs.getString(21))).optional();
    }

    public List<ClusterSummary> clusters(long checkId) {
        return jdbc.sql("select members, links, strongest, mean from plagiarism_cluster where check_id = ? order by position").param(checkId)
                .query((rs, i) -> new ClusterSummary(List.of(rs.getString(1).split("\n")), rs.getInt(2), rs.getDouble(3), rs.getDouble(4)))
                .list();
    }

    public List<ParseProblemSummary> problems(long checkId) {
        return jdbc.sql("select party, label, file, kind, message from plagiarism_problem where check_id = ? order by position").param(checkId)
                .query((rs, i) -> new ParseProblemSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    public List<PairDetail.SideFile> comparedFiles(long checkId, String party) {
        return jdbc.sql("select name, text from plagiarism_compared_file where check_id = ? and party = ? order by position")
                .params(checkId, party).query((rs, i) -> new PairDetail.SideFile(rs.getString(1), rs.getString(2))).list();
    }

    // ------------------------------------------------------------------ corpus

    /** Throws DuplicateKeyException when this earlier term was already imported for the assignment. */
    public long insertEntry(long assignmentId, CorpusKind kind, String label, String origin, long createdBy) {
        return jdbc.sql("insert into plagiarism_corpus_entry (assignment_id, kind, label, origin, created_by) values (?, ?, ?, ?, ?) returning id")
                .params(assignmentId, kind.name(), label, origin, createdBy).query(Long.class).single();
    }

    public void insertCorpusFile(long entryId, String folder, String path, String sha) {
        jdbc.sql("insert into plagiarism_corpus_file (entry_id, folder, path, blob_sha256) values (?, ?, ?, ?)")
                .params(entryId, folder, path, sha).update();
    }

    public List<CorpusEntry> corpus(long assignmentId) {
        return jdbc.sql("""
                select e.id, e.assignment_id, e.kind, e.label, e.origin,
                       (select count(distinct folder) from plagiarism_corpus_file f where f.entry_id = e.id),
                       (select count(*) from plagiarism_corpus_file f where f.entry_id = e.id), e.created_at
                from plagiarism_corpus_entry e where e.assignment_id = ? order by e.id""").param(assignmentId)
                .query((rs, i) -> new CorpusEntry(rs.getLong(1), rs.getLong(2), CorpusKind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** {folder, path, blob sha} of an entry's files, by folder then path. */
    public List<String[]> corpusFiles(long entryId) {
        return jdbc.sql("select folder, path, blob_sha256 from plagiarism_corpus_file where entry_id = ? order by folder, path").param(entryId)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    }

    // ------------------------------------------------------------------ cases

    public long upsertCase(long assignmentId, long courseId, String partyA, String partyB, String labelA, String labelB, String members,
                           CaseStatus status, String notes, long markedBy, Instant now) {
        return jdbc.sql("""
                insert into plagiarism_case (assignment_id, course_id, party_a, party_b, label_a, label_b, members, status, notes,
                                             marked_by, marked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (assignment_id, party_a, party_b) do update set status = excluded.status, notes = excluded.notes,
                    marked_by = excluded.marked_by, marked_at = excluded.marked_at, label_a = excluded.label_a, label_b = excluded.label_b,
                    members = excluded.members
                returning id""")
                .params(assignmentId, courseId, partyA, partyB, labelA, labelB, members, status.name(), notes, markedBy, Timestamp.from(now))
                .query(Long.class).single();
    }

    public Optional<IntegrityCase> integrityCase(long caseId) {
        return jdbc.sql(CASE + "where c.id = ?").param(caseId).query(PlagiarismRepository::integrityCase).optional();
    }

    public Optional<IntegrityCase> caseFor(long assignmentId, String partyA, String partyB) {
        return jdbc.sql(CASE + "where c.assignment_id = ? and c.party_a = ? and c.party_b = ?").params(assignmentId, partyA, partyB)
                .query(PlagiarismRepository::integrityCase).optional();
    }

    public List<IntegrityCase> cases(long assignmentId) {
        return jdbc.sql(CASE + "where c.assignment_id = ? order by c.id").param(assignmentId).query(PlagiarismRepository::integrityCase).list();
    }

    public List<Long> caseMembers(long caseId) {
        return jdbc.sql("select members from plagiarism_case where id = ?").param(caseId).query(String.class).optional()
                .map(PlagiarismRepository::parseMembers).orElse(List.of());
    }

    public void decide(long caseId, String decision, BigDecimal score, long decidedBy, Instant now) {
        jdbc.sql("update plagiarism_case set decision = ?, decision_score = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(decision, score, decidedBy, Timestamp.from(now), caseId).update();
    }

    // ------------------------------------------------------------------ mapping

    private static PlagiarismCheckRun check(ResultSet rs, int row) throws SQLException {
        return new PlagiarismCheckRun(rs.getLong(1), rs.getLong(2), rs.getLong(3), CheckTrigger.valueOf(rs.getString(4)),
                CheckState.valueOf(rs.getString(5)), rs.getString(6), rs.getDouble(7), rs.getString(8), rs.getString(9), rs.getInt(10),
                rs.getInt(11), rs.getBoolean(12), instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15)),
                rs.getString(16));
    }

    private static PairSummary pair(ResultSet rs, int row) throws SQLException {
        Long caseId = (Long) rs.getObject(18);
        String status = rs.getString(19);
        return new PairSummary(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                new PairSummary.Party(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), parseMembers(rs.getString(8))),
                new PairSummary.Party(rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), parseMembers(rs.getString(13))),
                rs.getDouble(14), rs.getDouble(15), rs.getInt(16), rs.getBoolean(17), caseId, status == null ? null : CaseStatus.valueOf(status));
    }

    private static IntegrityCase integrityCase(ResultSet rs, int row) throws SQLException {
        return new IntegrityCase(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), CaseStatus.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10), instant(rs.getTimestamp(11)),
                rs.getString(12), rs.getBigDecimal(13), rs.getString(14), instant(rs.getTimestamp(15)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    public static String members(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    static List<Long> parseMembers(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }
}
