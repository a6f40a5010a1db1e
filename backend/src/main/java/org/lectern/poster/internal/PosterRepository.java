package org.lectern.poster.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PosterRepository {

    public record SessionRow(long id, long courseId, long assignmentId, String title, String itemKey, Instant startsAt, int slotMinutes,
                             boolean peersScore, int peerWeight) {
    }

    public record SlotRow(long teamId, String teamName, int position, String board) {
    }

    /** One scorer's items on one question of one poster. */
    public record ScoreRow(long teamId, long scorerId, boolean peer, long questionId, List<Long> items, String comment) {
    }

    private static final String SESSION = """
            select id, course_id, assignment_id, title, item_key, starts_at, slot_minutes, peers_score, peer_weight from poster_session
            """;

    private final JdbcClient jdbc;

    public PosterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static SessionRow session(ResultSet rs, int i) throws SQLException {
        return new SessionRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                rs.getInt(7), rs.getBoolean(8), rs.getInt(9));
    }

    public long insertSession(long courseId, long assignmentId, String title, String itemKey, Instant startsAt, int slotMinutes,
            boolean peersScore, int peerWeight) {
        return jdbc.sql("""
                        insert into poster_session (course_id, assignment_id, title, item_key, starts_at, slot_minutes, peers_score, peer_weight)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(courseId, assignmentId, title, itemKey, Timestamp.from(startsAt), slotMinutes, peersScore, peerWeight)
                .query(Long.class).single();
    }

    public Optional<SessionRow> session(long id) {
        return jdbc.sql(SESSION + " where id = ?").param(id).query(PosterRepository::session).optional();
    }

    /** The session row, locked until the transaction ends (scores of one session are saved one at a time). */
    public Optional<SessionRow> lockSession(long id) {
        return jdbc.sql(SESSION + " where id = ? for update").param(id).query(PosterRepository::session).optional();
    }

    public List<SessionRow> sessions(long courseId) {
        return jdbc.sql(SESSION + " where course_id = ? order by starts_at, id").param(courseId).query(PosterRepository::session).list();
    }

    public List<SlotRow> slots(long sessionId) {
        return jdbc.sql("""
                        select s.team_id, t.name, s.position, s.board from poster_slot s join project_team t on t.id = s.team_id
                        where s.session_id = ? order by s.position""")
                .param(sessionId).query((rs, i) -> new SlotRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4))).list();
    }

    /** Appends a slot after the last one; false when the team already has one in this session. */
    public boolean addSlot(long sessionId, long teamId, String board) {
        return jdbc.sql("""
                        insert into poster_slot (session_id, team_id, position, board)
                        values (?, ?, (select coalesce(max(position) + 1, 0) from poster_slot where session_id = ?), ?)
                        on conflict (session_id, team_id) do nothing""")
                .params(sessionId, teamId, sessionId, board).update() == 1;
    }

    public List<ScoreRow> scores(long sessionId) {
        return jdbc.sql("select team_id, scorer_id, peer, question_id, items, comment from poster_score where session_id = ?")
                .param(sessionId).query(PosterRepository::score).list();
    }

    private static ScoreRow score(ResultSet rs, int i) throws SQLException {
        Array a = rs.getArray(5);
        List<Long> items = a == null ? List.of() : new ArrayList<>(Arrays.asList((Long[]) a.getArray()));
        return new ScoreRow(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getLong(4), items, rs.getString(6));
    }

    /** Replaces one scorer's sheet for one poster: one row per question. */
    public void putSheet(long sessionId, long teamId, long scorerId, boolean peer, List<ScoreRow> rows) {
        jdbc.sql("delete from poster_score where session_id = ? and team_id = ? and scorer_id = ?").params(sessionId, teamId, scorerId).update();
        for (ScoreRow r : rows) {
            jdbc.sql("""
                            insert into poster_score (session_id, team_id, scorer_id, peer, question_id, items, comment)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(sessionId, teamId, scorerId, peer, r.questionId(), r.items().toArray(Long[]::new), r.comment()).update();
        }
    }

    public Optional<Long> courseOfAssignment(long assignmentId) {
        return jdbc.sql("select course_id from assignment where id = ?").param(assignmentId).query(Long.class).optional();
    }

    /** The team's members' account ids. */
    public List<Long> members(long teamId) {
        return jdbc.sql("select account_id from project_team_member where team_id = ? order by account_id").param(teamId).query(Long.class).list();
    }
}
