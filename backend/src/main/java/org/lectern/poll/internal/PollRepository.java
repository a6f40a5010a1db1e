package org.lectern.poll.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.lectern.poll.Poll;
import org.lectern.poll.PollKind;
import org.lectern.poll.PollPhase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class PollRepository {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            id, course_id, lecture_id, code, question, kind, options, correct, generator_key, think_seconds, group_seconds,
            phase, phase_started_at""";

    public record Vote(int round, long accountId, String answer) {
    }

    private final JdbcClient jdbc;

    public PollRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the code is taken by another open poll (the caller draws another). */
    public Optional<Long> insert(long courseId, Long lectureId, String code, String question, PollKind kind, List<String> options,
                                 String correct, String generatorKey, int thinkSeconds, int groupSeconds, long by) {
        return jdbc.sql("""
                insert into poll (course_id, lecture_id, code, question, kind, options, correct, generator_key, think_seconds,
                  group_seconds, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code) where phase <> 'CLOSED' do nothing
                returning id""")
                .params(courseId, lectureId, code, question, kind.name(), JSON.writeValueAsString(options), correct, generatorKey,
                        thinkSeconds, groupSeconds, by)
                .query(Long.class).optional();
    }

    public void setItem(long pollId, long itemId) {
        jdbc.sql("update poll set item_id = ? where id = ?").params(itemId, pollId).update();
    }

    public Optional<Poll> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from poll where id = ?").param(id).query(PollRepository::poll).optional();
    }

    /** Locks the row: phase changes and the votes checked against them are serialised per poll. */
    public Optional<Poll> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from poll where id = ? for update").param(id).query(PollRepository::poll).optional();
    }

    /** A shared lock: votes run side by side but wait for (and see) a phase change in progress. */
    public Optional<Poll> lockShared(long id) {
        return jdbc.sql("select " + COLUMNS + " from poll where id = ? for share").param(id).query(PollRepository::poll).optional();
    }

    public Optional<Poll> openByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from poll where code = ? and phase <> 'CLOSED'").param(code)
                .query(PollRepository::poll).optional();
    }

    public List<Poll> forCourse(long courseId) {
        return jdbc.sql("select " + COLUMNS + " from poll where course_id = ? order by created_at desc, id desc").param(courseId)
                .query(PollRepository::poll).list();
    }

    public void setPhase(long id, PollPhase phase, Instant at) {
        jdbc.sql("update poll set phase = ?, phase_started_at = ? where id = ?").params(phase.name(), Timestamp.from(at), id).update();
    }

    /** False when the student already voted in this round (the primary key decides, even for racing requests). */
    public boolean vote(long pollId, int round, long accountId, String answer) {
        return jdbc.sql("""
                insert into poll_vote (poll_id, round, account_id, answer) values (?, ?, ?, ?)
                on conflict (poll_id, round, account_id) do nothing""")
                .params(pollId, round, accountId, answer).update() == 1;
    }

    /** Wakes the live views on every app replica once this transaction commits (NOTIFY is transactional). */
    public void notifyVoted(long pollId) {
        jdbc.sql("select pg_notify('lectern_poll', ?)").param(Long.toString(pollId)).query(Object.class).single();
    }

    public void notifyPhase(long pollId) {
        jdbc.sql("select pg_notify('lectern_poll', ?)").param(pollId + ":phase").query(Object.class).single();
    }

    public List<Vote> votes(long pollId) {
        return jdbc.sql("select round, account_id, answer from poll_vote where poll_id = ? order by voted_at").param(pollId)
                .query((rs, i) -> new Vote(rs.getInt(1), rs.getLong(2), rs.getString(3))).list();
    }

    public List<String> answers(long pollId, int round) {
        return jdbc.sql("select answer from poll_vote where poll_id = ? and round = ?").params(pollId, round).query(String.class).list();
    }

    public List<String> myVotes(long pollId, long accountId) {
        List<String> mine = new ArrayList<>(Arrays.asList(null, null));
        jdbc.sql("select round, answer from poll_vote where poll_id = ? and account_id = ?").params(pollId, accountId)
                .query((rs, i) -> mine.set(rs.getInt(1) - 1, rs.getString(2))).list();
        return mine;
    }

    /** Per student of the course: in how many of its finished polls (revealed or closed) they voted at least once. */
    public List<long[]> participation(long courseId) {
        return jdbc.sql("""
                select v.account_id, count(distinct v.poll_id)
                from poll_vote v join poll p on p.id = v.poll_id
                where p.course_id = ? and p.phase in ('REVEAL', 'CLOSED')
                group by v.account_id
                """).param(courseId).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    public int finishedPolls(long courseId) {
        return jdbc.sql("select count(*) from poll where course_id = ? and phase in ('REVEAL', 'CLOSED')").param(courseId)
                .query(Integer.class).single();
    }

    private static Poll poll(ResultSet rs, int row) throws SQLException {
        Timestamp started = rs.getTimestamp("phase_started_at");
        long lecture = rs.getLong("lecture_id");
        Long lectureId = rs.wasNull() ? null : lecture;
        return new Poll(rs.getLong("id"), rs.getLong("course_id"), lectureId, rs.getString("code"),
                rs.getString("question"), PollKind.valueOf(rs.getString("kind")),
                JSON.readValue(rs.getString("options"), new TypeReference<List<String>>() { }), rs.getString("correct"),
                rs.getString("generator_key"), rs.getInt("think_seconds"), rs.getInt("group_seconds"),
                PollPhase.valueOf(rs.getString("phase")), started == null ? null : started.toInstant());
    }
}
