package org.lectern.lti.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Everything LTI stores: platforms, keys, login states, links to accounts and courses, line items, the score outbox. */
@Repository
public class LtiRepository {

    public record PlatformRow(long id, String issuer, String clientId, String authLoginUrl, String authTokenUrl, String keysetUrl,
                              Instant createdAt) {
    }

    public record KeyRow(String kid, String publicJwk, String privateKey, boolean encrypted, Instant createdAt) {
    }

    public record ContextRow(long platformId, String contextId, String title, String label, Long courseId, Long linkedBy,
                             String deploymentId, String lineitemsUrl, String membershipsUrl) {
    }

    public record OutboxRow(long id, long platformId, String contextId, long courseId, String itemKey, String itemTitle, long accountId,
                            String subject, BigDecimal score, BigDecimal scoreMaximum, Instant submittedAt, Instant createdAt,
                            String status, int attempts, Instant nextAttemptAt, Instant sentAt, String lastError) {
    }

    private final JdbcClient jdbc;

    public LtiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    // ---- platforms

    public long insertPlatform(String issuer, String clientId, String login, String token, String keyset) {
        return jdbc.sql("""
                insert into lti_platform (issuer, client_id, auth_login_url, auth_token_url, keyset_url)
                values (?, ?, ?, ?, ?) on conflict (issuer, client_id) do update set auth_login_url = excluded.auth_login_url,
                auth_token_url = excluded.auth_token_url, keyset_url = excluded.keyset_url returning id""")
                .params(issuer, clientId, login, token, keyset).query(Long.class).single();
    }

    public void addDeployment(long platformId, String deploymentId) {
        jdbc.sql("insert into lti_deployment (platform_id, deployment_id) values (?, ?) on conflict do nothing")
                .params(platformId, deploymentId).update();
    }

    public List<PlatformRow> platforms() {
        return jdbc.sql("select id, issuer, client_id, auth_login_url, auth_token_url, keyset_url, created_at from lti_platform order by id")
                .query((rs, n) -> platform(rs)).list();
    }

    public Optional<PlatformRow> platform(long id) {
        return jdbc.sql("select id, issuer, client_id, auth_login_url, auth_token_url, keyset_url, created_at from lti_platform where id = ?")
                .param(id).query((rs, n) -> platform(rs)).optional();
    }

    /** The platforms of an issuer; with a client id, only that registration. */
    public List<PlatformRow> platforms(String issuer, String clientId) {
        return jdbc.sql("""
                select id, issuer, client_id, auth_login_url, auth_token_url, keyset_url, created_at from lti_platform
                where issuer = ? and (cast(? as text) is null or client_id = ?) order by id""")
                .params(issuer, clientId, clientId).query((rs, n) -> platform(rs)).list();
    }

    private static PlatformRow platform(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PlatformRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getTimestamp(7).toInstant());
    }

    public List<String> deployments(long platformId) {
        return jdbc.sql("select deployment_id from lti_deployment where platform_id = ? order by deployment_id")
                .param(platformId).query(String.class).list();
    }

    public int deletePlatform(long id) {
        return jdbc.sql("delete from lti_platform where id = ?").param(id).update();
    }

    // ---- keys

    public List<KeyRow> keys() {
        return jdbc.sql("select kid, public_jwk, private_key, encrypted, created_at from lti_key order by created_at, kid")
                .query((rs, n) -> new KeyRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    public void insertKey(String kid, String publicJwk, String privateKey, boolean encrypted, Instant createdAt) {
        jdbc.sql("insert into lti_key (kid, public_jwk, private_key, encrypted, created_at) values (?, ?, ?, ?, ?)")
                .params(kid, publicJwk, privateKey, encrypted, ts(createdAt)).update();
    }

    public void deleteKey(String kid) {
        jdbc.sql("delete from lti_key where kid = ?").param(kid).update();
    }

    /** Serialises key creation across nodes (transaction-scoped). */
    public void lockKeys() {
        jdbc.sql("select pg_advisory_xact_lock(7317001)").query((rs, n) -> 1).list();
    }

    // ---- login states

    public void insertState(String state, String nonce, long platformId, Instant expiresAt) {
        jdbc.sql("insert into lti_login_state (state, nonce, platform_id, expires_at) values (?, ?, ?, ?)")
                .params(state, nonce, platformId, ts(expiresAt)).update();
        jdbc.sql("delete from lti_login_state where expires_at < now() - interval '1 hour'").update();
    }

    public record State(String nonce, long platformId, Instant expiresAt) {
    }

    /** Takes a state once: a second launch with it finds nothing. */
    public Optional<State> takeState(String state) {
        return jdbc.sql("delete from lti_login_state where state = ? returning nonce, platform_id, expires_at")
                .param(state).query((rs, n) -> new State(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant())).optional();
    }

    // ---- people

    public Optional<Long> linkedAccount(long platformId, String subject) {
        return jdbc.sql("select account_id from lti_user_link where platform_id = ? and subject = ?")
                .params(platformId, subject).query(Long.class).optional();
    }

    public void linkAccount(long platformId, String subject, long accountId) {
        jdbc.sql("insert into lti_user_link (platform_id, subject, account_id) values (?, ?, ?) on conflict do nothing")
                .params(platformId, subject, accountId).update();
    }

    public Optional<String> subjectOf(long platformId, long accountId) {
        return jdbc.sql("select subject from lti_user_link where platform_id = ? and account_id = ? order by created_at limit 1")
                .params(platformId, accountId).query(String.class).optional();
    }

    // ---- contexts

    public void upsertContext(long platformId, String contextId, String title, String label, String deploymentId,
                              String lineitemsUrl, String membershipsUrl) {
        jdbc.sql("""
                insert into lti_context (platform_id, context_id, title, label, deployment_id, lineitems_url, memberships_url)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (platform_id, context_id) do update set
                  title = coalesce(excluded.title, lti_context.title), label = coalesce(excluded.label, lti_context.label),
                  deployment_id = excluded.deployment_id,
                  lineitems_url = coalesce(excluded.lineitems_url, lti_context.lineitems_url),
                  memberships_url = coalesce(excluded.memberships_url, lti_context.memberships_url), updated_at = now()""")
                .params(platformId, contextId, title, label, deploymentId, lineitemsUrl, membershipsUrl).update();
    }

    private static final String CONTEXT_COLUMNS =
            "platform_id, context_id, title, label, course_id, linked_by, deployment_id, lineitems_url, memberships_url";

    private static ContextRow context(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ContextRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                (Long) rs.getObject(5), (Long) rs.getObject(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    public Optional<ContextRow> context(long platformId, String contextId) {
        return jdbc.sql("select " + CONTEXT_COLUMNS + " from lti_context where platform_id = ? and context_id = ?")
                .params(platformId, contextId).query((rs, n) -> context(rs)).optional();
    }

    public List<ContextRow> contextsOfCourse(long courseId) {
        return jdbc.sql("select " + CONTEXT_COLUMNS + " from lti_context where course_id = ? order by platform_id, context_id")
                .param(courseId).query((rs, n) -> context(rs)).list();
    }

    public List<ContextRow> linkedContexts() {
        return jdbc.sql("select " + CONTEXT_COLUMNS + " from lti_context where course_id is not null order by course_id")
                .query((rs, n) -> context(rs)).list();
    }

    public void linkContext(long platformId, String contextId, long courseId, long linkedBy) {
        jdbc.sql("update lti_context set course_id = ?, linked_by = ?, updated_at = now() where platform_id = ? and context_id = ?")
                .params(courseId, linkedBy, platformId, contextId).update();
    }

    // ---- hand-offs

    public void insertHandoff(String hash, long accountId, String target, Instant expiresAt) {
        jdbc.sql("insert into lti_handoff (token_hash, account_id, target, expires_at) values (?, ?, ?, ?)")
                .params(hash, accountId, target, ts(expiresAt)).update();
    }

    public record Handoff(long accountId, String target) {
    }

    public Optional<Handoff> takeHandoff(String hash, Instant now) {
        return jdbc.sql("update lti_handoff set used_at = ? where token_hash = ? and used_at is null and expires_at > ? returning account_id, target")
                .params(ts(now), hash, ts(now)).query((rs, n) -> new Handoff(rs.getLong(1), rs.getString(2))).optional();
    }

    public Optional<Handoff> peekHandoff(String hash, Instant now) {
        return jdbc.sql("select account_id, target from lti_handoff where token_hash = ? and used_at is null and expires_at > ?")
                .params(hash, ts(now)).query((rs, n) -> new Handoff(rs.getLong(1), rs.getString(2))).optional();
    }

    // ---- line items

    public Optional<String> lineItem(long platformId, String contextId, String itemKey) {
        return jdbc.sql("select line_item_url from lti_line_item where platform_id = ? and context_id = ? and item_key = ?")
                .params(platformId, contextId, itemKey).query(String.class).optional();
    }

    public void saveLineItem(long platformId, String contextId, String itemKey, String url) {
        jdbc.sql("""
                insert into lti_line_item (platform_id, context_id, item_key, line_item_url) values (?, ?, ?, ?)
                on conflict (platform_id, context_id, item_key) do update set line_item_url = excluded.line_item_url""")
                .params(platformId, contextId, itemKey, url).update();
    }

    // ---- score outbox

    private static final String OUTBOX_COLUMNS = """
            id, platform_id, context_id, course_id, item_key, item_title, account_id, subject, score, score_maximum, submitted_at,
            created_at, status, attempts, next_attempt_at, sent_at, last_error""";

    private static OutboxRow outbox(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OutboxRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                rs.getLong(7), rs.getString(8), rs.getBigDecimal(9), rs.getBigDecimal(10), instant(rs.getTimestamp(11)),
                instant(rs.getTimestamp(12)), rs.getString(13), rs.getInt(14), instant(rs.getTimestamp(15)),
                instant(rs.getTimestamp(16)), rs.getString(17));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** One queuer per course at a time (events, the reconcile and staff may race); released at commit. */
    public void lockCourseQueue(long courseId) {
        jdbc.sql("select pg_advisory_xact_lock(7317002, cast(? as integer))").param((int) courseId).query((rs, n) -> 1).list();
    }

    /** The score last queued for this student, item and LMS course (sent or not). */
    public Optional<BigDecimal> lastQueued(long platformId, String contextId, String itemKey, long accountId) {
        return jdbc.sql("""
                select score from lti_score_outbox where platform_id = ? and context_id = ? and item_key = ? and account_id = ?
                order by id desc limit 1""")
                .params(platformId, contextId, itemKey, accountId).query(BigDecimal.class).optional();
    }

    public void enqueue(long platformId, String contextId, long courseId, String itemKey, String itemTitle, long accountId, String subject,
                        BigDecimal score, BigDecimal max, Instant submittedAt) {
        // A newer score makes an older unsent one pointless (and an LMS refuses an older timestamp after a newer).
        jdbc.sql("""
                update lti_score_outbox set status = 'FAILED', last_error = 'Replaced by a newer score before it was sent.'
                where platform_id = ? and context_id = ? and item_key = ? and account_id = ? and status = 'PENDING'""")
                .params(platformId, contextId, itemKey, accountId).update();
        jdbc.sql("""
                insert into lti_score_outbox (platform_id, context_id, course_id, item_key, item_title, account_id, subject, score,
                  score_maximum, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(platformId, contextId, courseId, itemKey, itemTitle, accountId, subject, score, max, ts(submittedAt)).update();
    }

    /**
     * Leases due rows to this sender: their next attempt moves to {@code leaseUntil}, so no other node takes
     * them while the LMS is being called (no transaction is held meanwhile); a crashed sender's rows come back then.
     */
    public List<OutboxRow> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("update lti_score_outbox set next_attempt_at = ? where id in (select id from lti_score_outbox "
                        + "where status = 'PENDING' and next_attempt_at <= ? order by id limit ? for update skip locked) returning "
                        + OUTBOX_COLUMNS)
                .params(ts(leaseUntil), ts(now), limit).query((rs, n) -> outbox(rs)).list()
                .stream().sorted(Comparator.comparingLong(OutboxRow::id)).toList();
    }

    public void markSent(long id, Instant at) {
        jdbc.sql("update lti_score_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                .params(ts(at), id).update();
    }

    public void markRetry(long id, Instant next, String error) {
        jdbc.sql("update lti_score_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")
                .params(ts(next), error, id).update();
    }

    public void markFailed(long id, String error) {
        jdbc.sql("update lti_score_outbox set status = 'FAILED', attempts = attempts + 1, last_error = ? where id = ?")
                .params(error, id).update();
    }

    public List<OutboxRow> outboxOfCourse(long courseId, String itemKey) {
        return jdbc.sql("select " + OUTBOX_COLUMNS + " from lti_score_outbox where course_id = ? and (cast(? as text) is null or lower(item_key) = lower(?)) "
                        + "order by id desc limit 500")
                .params(courseId, itemKey, itemKey).query((rs, n) -> outbox(rs)).list();
    }

    // ---- deep linking

    public record DeepLinkRow(String id, long platformId, String deploymentId, String returnUrl, String data, long courseId,
                              long accountId, Instant expiresAt) {
    }

    public void insertDeepLink(String id, long platformId, String deploymentId, String returnUrl, String data, long courseId,
                               long accountId, Instant expiresAt) {
        jdbc.sql("""
                insert into lti_deep_link (id, platform_id, deployment_id, return_url, data, course_id, account_id, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, platformId, deploymentId, returnUrl, data, courseId, accountId, ts(expiresAt)).update();
    }

    public Optional<DeepLinkRow> deepLink(String id) {
        return jdbc.sql("select id, platform_id, deployment_id, return_url, data, course_id, account_id, expires_at from lti_deep_link where id = ?")
                .param(id).query((rs, n) -> new DeepLinkRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getTimestamp(8).toInstant())).optional();
    }

    public int deleteDeepLink(String id) {
        return jdbc.sql("delete from lti_deep_link where id = ?").param(id).update();
    }
}
