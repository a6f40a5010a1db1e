package org.lectern.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API tokens and invitation links, both stored only as SHA-256 hashes. */
@Repository
public class TokenRepository {

    private final JdbcClient jdbc;

    public TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertApiToken(long accountId, String hash, Instant expiresAt) {
        jdbc.sql("insert into api_token (account_id, token_hash, expires_at) values (?, ?, ?)")
                .params(accountId, hash, Timestamp.from(expiresAt)).update();
    }

    /** The account a live token belongs to; marks the token used. */
    public Optional<Long> useApiToken(String hash, Instant now) {
        return jdbc.sql("update api_token set last_used_at = ? where token_hash = ? and expires_at > ? returning account_id")
                .params(Timestamp.from(now), hash, Timestamp.from(now))
                .query(Long.class).optional();
    }

    public int revokeApiToken(String hash) {
        return jdbc.sql("delete from api_token where token_hash = ?").param(hash).update();
    }

    public void insertInvitation(long accountId, String hash, Instant expiresAt) {
        jdbc.sql("insert into account_invitation (account_id, token_hash, expires_at) values (?, ?, ?)")
                .params(accountId, hash, Timestamp.from(expiresAt)).update();
    }

    /** Claims an unused, unexpired invitation once; the account it opens. */
    public Optional<Long> claimInvitation(String hash, Instant now) {
        return jdbc.sql("update account_invitation set used_at = ? where token_hash = ? and used_at is null and expires_at > ? returning account_id")
                .params(Timestamp.from(now), hash, Timestamp.from(now))
                .query(Long.class).optional();
    }

    public Optional<Long> peekInvitation(String hash, Instant now) {
        return jdbc.sql("select account_id from account_invitation where token_hash = ? and used_at is null and expires_at > ?")
                .params(hash, Timestamp.from(now))
                .query(Long.class).optional();
    }
}
