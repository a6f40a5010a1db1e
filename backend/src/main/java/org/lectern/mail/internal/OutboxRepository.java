package org.lectern.mail.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mail outbox, Q&A digest items, and the few facts about people and courses that messages need. */
@Repository
public class OutboxRepository {

    public record Claimed(long id, String recipient, String subject, String text, String html, int attempts) {
    }

    public record Row(long id, String recipient, String kind, String subject, String state, int attempts, Instant createdAt,
                      Instant nextAttemptAt, Instant sentAt, String lastError) {
    }

    public record Person(long accountId, String email) {
    }

    public record DigestItem(long accountId, long courseId, long postId, String postTitle, String kind) {
    }

    private final JdbcClient jdbc;

    public OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String recipient, String kind, String subject, String text, String html, Instant now) {
        jdbc.sql("insert into mail_outbox (recipient, kind, subject, body_text, body_html, created_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(recipient, kind, subject, text, html, Timestamp.from(now), Timestamp.from(now)).update();
    }

    /**
     * Takes up to {@code limit} due messages for this sender until {@code until}: rows another sender holds are skipped
     * (SKIP LOCKED while the claim commits, then the claim's time), so two replicas never send one message twice.
     */
    public List<Claimed> claim(Instant now, Instant until, int limit) {
        return jdbc.sql("""
                        update mail_outbox set claimed_until = ?, attempts = attempts + 1
                        where id in (select id from mail_outbox
                                     where state = 'QUEUED' and next_attempt_at <= ? and (claimed_until is null or claimed_until <= ?)
                                     order by id limit ? for update skip locked)
                        returning id, recipient, subject, body_text, body_html, attempts""")
                .params(Timestamp.from(until), Timestamp.from(now), Timestamp.from(now), limit)
                .query((rs, n) -> new Claimed(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body_text"), rs.getString("body_html"), rs.getInt("attempts")))
                .list();
    }

    public void sent(long id, Instant now) {
        jdbc.sql("update mail_outbox set state = 'SENT', sent_at = ?, claimed_until = null, last_error = null where id = ? and state = 'QUEUED'")
                .params(Timestamp.from(now), id).update();
    }

    public void retryAt(long id, Instant at, String error) {
        jdbc.sql("update mail_outbox set next_attempt_at = ?, claimed_until = null, last_error = ? where id = ? and state = 'QUEUED'")
                .params(Timestamp.from(at), error, id).update();
    }

    /** Gives a claimed message back without counting a try (the server was down for the one before it). */
    public void untried(long id, Instant at) {
        jdbc.sql("update mail_outbox set next_attempt_at = ?, claimed_until = null, attempts = attempts - 1 where id = ? and state = 'QUEUED'")
                .params(Timestamp.from(at), id).update();
    }

    public void failed(long id, String error) {
        jdbc.sql("update mail_outbox set state = 'FAILED', claimed_until = null, last_error = ? where id = ? and state = 'QUEUED'")
                .params(error, id).update();
    }

    /** Failed messages first, then the newest, for the site admin. */
    public List<Row> recent(int limit) {
        return jdbc.sql("""
                        select id, recipient, kind, subject, state, attempts, created_at, next_attempt_at, sent_at, last_error from mail_outbox
                        order by (state = 'FAILED') desc, (state = 'QUEUED') desc, id desc limit ?""")
                .param(limit)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("recipient"), rs.getString("kind"), rs.getString("subject"),
                        rs.getString("state"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("next_attempt_at").toInstant(),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(), rs.getString("last_error")))
                .list();
    }

    public java.util.Map<String, Long> countsByState() {
        var counts = new java.util.LinkedHashMap<String, Long>();
        jdbc.sql("select state, count(*) n from mail_outbox group by state order by state")
                .query(rs -> {
                    counts.put(rs.getString("state"), rs.getLong("n"));
                });
        return counts;
    }

    public Optional<String> courseTitle(long courseId) {
        return jdbc.sql("select code || ' ' || title from course where id = ?").param(courseId).query(String.class).optional();
    }

    /** The course's time zone, in which mail states its deadlines (UTC when the course is gone). */
    public java.time.ZoneId courseZone(long courseId) {
        return jdbc.sql("select time_zone from course where id = ?").param(courseId).query(String.class).optional()
                .map(java.time.ZoneId::of).orElse(java.time.ZoneOffset.UTC);
    }

    public Optional<String> email(long accountId) {
        return jdbc.sql("select email from account where id = ?").param(accountId).query(String.class).optional();
    }

    /** The course's members in these roles (INSTRUCTOR, TA, STUDENT). */
    public List<Person> members(long courseId, List<String> roles) {
        return jdbc.sql("select a.id, a.email from membership m join account a on a.id = m.account_id where m.course_id = ? and m.role = any(?) order by a.id")
                .params(courseId, roles.toArray(String[]::new))
                .query((rs, n) -> new Person(rs.getLong("id"), rs.getString("email"))).list();
    }

    public void addDigestItem(long accountId, long courseId, long postId, String postTitle, String kind, Instant now) {
        jdbc.sql("insert into mail_digest_item (account_id, course_id, post_id, post_title, kind, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(accountId, courseId, postId, postTitle, kind, Timestamp.from(now)).update();
    }

    /** Takes every waiting digest item (one statement: two replicas never take the same item). */
    /**
     * Takes every waiting digest item, handing back only those whose reader is still a member of the course and whose
     * post still exists: someone who left the course since the activity learns nothing more of it.
     */
    public List<DigestItem> takeDigestItems() {
        return jdbc.sql("""
                with taken as (delete from mail_digest_item returning account_id, course_id, post_id, post_title, kind, id)
                select t.* from taken t
                where exists (select 1 from membership m where m.course_id = t.course_id and m.account_id = t.account_id)
                  and exists (select 1 from qa_post p where p.id = t.post_id)
                order by t.id""")
                .query((rs, n) -> new DigestItem(rs.getLong("account_id"), rs.getLong("course_id"), rs.getLong("post_id"),
                        rs.getString("post_title"), rs.getString("kind")))
                .list();
    }
}
