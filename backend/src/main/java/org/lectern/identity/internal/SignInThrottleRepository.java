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
        return jdbc.sql("select failures, last_failure_at, locked_until from sign_in_throttle where key_hash = ?")
                .param(keyHash).query(SignInThrottleRepository::counter).optional();
    }

    /** The counter, row-locked until the transaction ends, so that concurrent failures all count. */
    public Optional<SignInThrottle.Counter> findForUpdate(String keyHash, Instant now) {
        jdbc.sql("insert into sign_in_throttle (key_hash, failures, last_failure_at) values (?, 0, ?) on conflict (key_hash) do nothing")
                .params(keyHash, Timestamp.from(now)).update();
        return jdbc.sql("select failures, last_failure_at, locked_until from sign_in_throttle where key_hash = ? for update")
                .param(keyHash).query(SignInThrottleRepository::counter).optional()
                .filter(c -> c.failures() > 0);
    }

    public void save(String keyHash, SignInThrottle.Counter c) {
        jdbc.sql("update sign_in_throttle set failures = ?, last_failure_at = ?, locked_until = ? where key_hash = ?")
                .params(c.failures(), Timestamp.from(c.lastFailure()), c.lockedUntil() == null ? null : Timestamp.from(c.lockedUntil()), keyHash)
                .update();
    }

    public void forget(String keyHash) {
        jdbc.sql("delete from sign_in_throttle where key_hash = ?").param(keyHash).update();
    }

    /** Drops counters with no failure since the cutoff and no lock still running. */
    public void prune(Instant lastFailureBefore, Instant now) {
        jdbc.sql("delete from sign_in_throttle where last_failure_at < ? and (locked_until is null or locked_until < ?)")
                .params(Timestamp.from(lastFailureBefore), Timestamp.from(now)).update();
    }

    private static SignInThrottle.Counter counter(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new SignInThrottle.Counter(rs.getInt("failures"), rs.getTimestamp("last_failure_at").toInstant(),
                locked == null ? null : locked.toInstant());
    }
}
