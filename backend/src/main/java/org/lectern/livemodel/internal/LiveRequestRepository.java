package org.lectern.livemodel.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The live_request rows: one per answer in flight, seconds long. Every statement runs on its own (auto-commit). */
@Repository
public class LiveRequestRepository {

    public static final String REQUEST_CHANNEL = "lectern_live_request";
    public static final String ANSWER_CHANNEL = "lectern_live_answer";

    public record Claimed(String modelKey, String image) {
    }

    public record Outcome(String servedBy, String answer, String error) {
    }

    private final JdbcClient jdbc;

    public LiveRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String modelKey, String imageJson) {
        return jdbc.sql("insert into live_request (model_key, image) values (?, ?) returning id")
                .params(modelKey, imageJson).query(Long.class).single();
    }

    /** Wakes the pool's nodes for a stored request. */
    public void wake(long id) {
        jdbc.sql("select pg_notify(?, ?)").params(REQUEST_CHANNEL, Long.toString(id)).query(String.class).single();
    }

    /** Takes the request for {@code node} unless another node already has: only one answers. */
    public Optional<Claimed> claim(long id, String node) {
        return jdbc.sql("""
                update live_request set claimed_by = ?, claimed_at = now()
                where id = ? and claimed_by is null returning model_key, image""")
                .params(node, id).query(Claimed.class).optional();
    }

    /** Whether a node has taken the request (and so is working on it, perhaps starting its worker). */
    public boolean claimed(long id) {
        return jdbc.sql("select exists (select 1 from live_request where id = ? and claimed_by is not null)")
                .param(id).query(Boolean.class).single();
    }

    public void answer(long id, String answerJson, String error) {
        jdbc.sql("update live_request set answer = ?, error = ?, answered_at = now() where id = ?").params(answerJson, error, id).update();
        jdbc.sql("select pg_notify(?, ?)").params(ANSWER_CHANNEL, Long.toString(id)).query(String.class).single();
    }

    /** The answer, once there is one; the row is deleted as it is read. */
    public Optional<Outcome> take(long id) {
        return jdbc.sql("delete from live_request where id = ? and answered_at is not null returning claimed_by as served_by, answer, error")
                .param(id).query(Outcome.class).optional();
    }

    public void abandon(long id) {
        jdbc.sql("delete from live_request where id = ?").param(id).update();
    }

    /** Rows left behind by an app that stopped while it waited. */
    public int sweep() {
        return jdbc.sql("delete from live_request where requested_at < now() - interval '10 minutes'").update();
    }
}
