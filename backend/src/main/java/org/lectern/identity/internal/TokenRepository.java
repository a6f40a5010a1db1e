package org.lectern.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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

    /** A token as its owner sees it on the token page (never the secret: only its hash is stored). */
    public record TokenRow(long id, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {
    }

    public long insertApiToken(long accountId, String hash, String name, Instant now, Instant expiresAt) {
        return jdbc.sql("insert into api_token (account_id, token_hash, name, created_at, expires_at) values (?, ?, ?, ?, ?) returning id")
                .params(accountId, hash, name, Timestamp.from(now), Timestamp.from(expiresAt)).query(Long.class).single();
    }

    /** The account's tokens that have not expired, newest first; expired ones are removed on the way. */
    public List<TokenRow> liveApiTokens(long accountId, Instant now) {
        jdbc.sql("delete from api_token where account_id = ? and expires_at <= ?").params(accountId, Timestamp.from(now)).update();
        return jdbc.sql("select id, name, created_at, last_used_at, expires_at from api_token where account_id = ? order by created_at desc, id desc")
                .param(accountId)
                .query((rs, n) -> new TokenRow(rs.getLong("id"), rs.getString("name"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant()))
                .list();
    }

    /** Revokes one of the account's tokens; 0 when it has no such token. */
    public int revokeApiToken(long accountId, long tokenId) {
        return jdbc.sql("delete from api_token where account_id = ? and id = ?").params(accountId, tokenId).update();
    }

    /** Ends every API token and every outstanding invitation link of the account (its password changed). */
    public void endAllFor(long accountId) {
        jdbc.sql("delete from api_token where account_id = ?").param(accountId).update();
        jdbc.sql("delete from account_invitation where account_id = ? and used_at is null").param(accountId).update();
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

    /** What a one-time link is for: setting a first password (invitation) or a new one (reset). */
    public enum Purpose { INVITATION, RESET;
        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public void insertLink(Purpose purpose, long accountId, String hash, Instant now, Instant expiresAt) {
        jdbc.sql("insert into account_invitation (account_id, token_hash, created_at, expires_at, purpose) values (?, ?, ?, ?, ?)")
                .params(accountId, hash, Timestamp.from(now), Timestamp.from(expiresAt), purpose.column()).update();
    }

    /** Claims an unused, unexpired invitation once; the account it opens. */
    public Optional<Long> claimInvitation(String hash, Instant now) {
        return claimLink(Purpose.INVITATION, hash, now);
    }

    public Optional<Long> claimLink(Purpose purpose, String hash, Instant now) {
        return jdbc.sql("update account_invitation set used_at = ? where token_hash = ? and used_at is null and expires_at > ? and purpose = ? returning account_id")
                .params(Timestamp.from(now), hash, Timestamp.from(now), purpose.column())
                .query(Long.class).optional();
    }

    public Optional<Long> peekInvitation(String hash, Instant now) {
        return peekLink(Purpose.INVITATION, hash, now);
    }

    public Optional<Long> peekLink(Purpose purpose, String hash, Instant now) {
        return jdbc.sql("select account_id from account_invitation where token_hash = ? and used_at is null and expires_at > ? and purpose = ?")
                .params(hash, Timestamp.from(now), purpose.column())
                .query(Long.class).optional();
    }

    /** How many links of this purpose the account was sent since then (a cap against mail bombing). */
    public int linksSince(Purpose purpose, long accountId, Instant since) {
        return jdbc.sql("select count(*) from account_invitation where account_id = ? and purpose = ? and created_at > ?")
                .params(accountId, purpose.column(), Timestamp.from(since)).query(Integer.class).single();
    }
}
