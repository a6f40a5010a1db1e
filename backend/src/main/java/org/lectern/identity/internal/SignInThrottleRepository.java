package org.lectern.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.lectern.identity.SignInThrottle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sign-in failure counters, keyed by the SHA-256 of the throttle key (no e-mail or address stored). */
@Repository
public class SignInThrottleRepository {

    private final JdbcClient jdbc;

    public SignInThrottleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SignInThrottle.Counter> find(String keyHash) {
        return jdbc.sql("select failures, last_failure_at, locked_until, last_success_at from sign_in_throttle where key_hash = ?")
                .param(keyHash).query(SignInThrottleRepository::counter).optional();
    }

    /** The counter, row-locked until the transaction ends, so that concurrent failures all count. */
    public Optional<SignInThrottle.Counter> findForUpdate(String keyHash, Instant now) {
        jdbc.sql("insert into sign_in_throttle (key_hash, failures) values (?, 0) on conflict (key_hash) do nothing")
                .param(keyHash).update();
        return jdbc.sql("select failures, last_failure_at, locked_until, last_success_at from sign_in_throttle where key_hash = ? for update")
                .param(keyHash).query(SignInThrottleRepository::counter).optional()
                .filter(c -> c.failures() > 0 || c.lastSuccess() != null);
    }

    public void save(String keyHash, SignInThrottle.Counter c) {
        jdbc.sql("update sign_in_throttle set failures = ?, last_failure_at = ?, locked_until = ? where key_hash = ?")
                .params(c.failures(), c.lastFailure() == null ? null : Timestamp.from(c.lastFailure()),
                        c.lockedUntil() == null ? null : Timestamp.from(c.lockedUntil()), keyHash)
                .update();
    }

    /** A successful sign-in: the failures start afresh and the success is remembered. */
    public void recordSuccess(String keyHash, Instant now) {
        jdbc.sql("""
                insert into sign_in_throttle (key_hash, failures, last_success_at) values (?, 0, ?)
                on conflict (key_hash) do update set failures = 0, locked_until = null, last_failure_at = null,
                    last_success_at = excluded.last_success_at""")
                .params(keyHash, Timestamp.from(now)).update();
    }

    /** Drops counters with no failure since the cutoff, no lock still running and no success since the other cutoff. */
    public void prune(Instant lastFailureBefore, Instant lastSuccessBefore, Instant now) {
        jdbc.sql("""
                delete from sign_in_throttle where (last_failure_at is null or last_failure_at < ?)
                    and (locked_until is null or locked_until < ?) and (last_success_at is null or last_success_at < ?)""")
                .params(Timestamp.from(lastFailureBefore), Timestamp.from(now), Timestamp.from(lastSuccessBefore)).update();
    }

    private static SignInThrottle.Counter counter(ResultSet rs, int row) throws SQLException {
        return new SignInThrottle.Counter(rs.getInt("failures"), instant(rs.getTimestamp("last_failure_at")),
                instant(rs.getTimestamp("locked_until")), instant(rs.getTimestamp("last_success_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
