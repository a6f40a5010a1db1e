package org.lectern.qa.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lectern.qa.EmailDelivery;
import org.lectern.qa.PostFilter;
import org.lectern.qa.QaBroadcaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class QaRepository {

    /** A post as stored, with what the service needs to decide what the caller sees. */
    public record PostRow(long id, long courseId, Long lectureId, Long itemId, long authorId, String authorName, String title, String body,
                          boolean privatePost, boolean anonymous, boolean pinned, boolean locked, boolean resolved, Long duplicateOf,
                          Instant createdAt, Instant lastActivityAt, int answers, boolean staffAnswered, boolean endorsed,
                          boolean following, Instant seenAt) {
    }

    public record ReplyRow(long id, Long answerId, long authorId, String authorName, boolean byStaff, boolean anonymous, String body,
                           boolean endorsed, Instant createdAt) {
    }

    public record Follower(long accountId, EmailDelivery delivery) {
    }

    private static final String POST = """
            select p.id, p.course_id, p.lecture_id, p.item_id, p.author_id, a.display_name, p.title, p.body, p.private, p.anonymous,
                   p.pinned, p.locked, p.resolved, p.duplicate_of, p.created_at, p.last_activity_at,
                   (select count(*) from qa_answer x where x.post_id = p.id) as answers,
                   p.first_staff_answer_at is not null as staff_answered,
                   exists (select 1 from qa_answer x where x.post_id = p.id and x.endorsed) as endorsed,
                   f.account_id is not null as following, f.seen_at
            from qa_post p join account a on a.id = p.author_id
            left join qa_follow f on f.post_id = p.id and f.account_id = :me
            """;

    private final JdbcClient jdbc;

    public QaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertPost(long courseId, Long lectureId, Long itemId, long authorId, String title, String body, boolean privatePost,
                           boolean anonymous, Instant at) {
        return jdbc.sql("""
                        insert into qa_post (course_id, lecture_id, item_id, author_id, title, body, private, anonymous, created_at, last_activity_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(courseId, lectureId, itemId, authorId, title, body, privatePost, anonymous, Timestamp.from(at), Timestamp.from(at))
                .query(Long.class).single();
    }

    public Optional<PostRow> post(long postId, long me) {
        return jdbc.sql(POST + " where p.id = :id").param("me", me).param("id", postId).query(QaRepository::post).optional();
    }

    /** Locks the post row: answers, endorsements and moderation of one post are serialised. */
    public void lock(long postId) {
        jdbc.sql("select id from qa_post where id = ? for update").param(postId).query(Long.class).optional();
    }

    /**
     * The posts the caller may see, filtered; pinned first, then by latest activity. A search matches words of the post
     * or of any of its answers (both have a GIN-indexed tsvector); it ranks by how well the post matches.
     */
    public List<PostRow> posts(long courseId, long me, boolean staff, PostFilter f, int limit) {
        StringBuilder sql = new StringBuilder(POST).append(" where p.course_id = :course");
        if (!staff) {
            sql.append(" and (not p.private or p.author_id = :me)");
        }
        switch (f.show() == null ? PostFilter.Show.ALL : f.show()) {
            case UNANSWERED -> sql.append(" and not exists (select 1 from qa_answer x where x.post_id = p.id)");
            case MINE -> sql.append(" and p.author_id = :me");
            case FOLLOWING -> sql.append(" and f.account_id is not null");
            case ALL -> { }
        }
        if (f.lectureId() != null) {
            sql.append(" and p.lecture_id = :lecture");
        }
        if (f.itemId() != null) {
            sql.append(" and p.item_id = :item");
        }
        boolean search = f.query() != null && !f.query().isBlank();
        if (search) {
            sql.append("""
                     and (p.search @@ websearch_to_tsquery('english', :q)
                          or exists (select 1 from qa_answer x where x.post_id = p.id and x.search @@ websearch_to_tsquery('english', :q)))
                    order by p.pinned desc, ts_rank(p.search, websearch_to_tsquery('english', :q)) desc, p.last_activity_at desc, p.id desc""");
        } else {
            sql.append(" order by p.pinned desc, p.last_activity_at desc, p.id desc");
        }
        sql.append(" limit :limit");
        var spec = jdbc.sql(sql.toString()).param("course", courseId).param("me", me).param("limit", limit);
        if (f.lectureId() != null) {
            spec = spec.param("lecture", f.lectureId());
        }
        if (f.itemId() != null) {
            spec = spec.param("item", f.itemId());
        }
        if (search) {
            spec = spec.param("q", f.query().strip());
        }
        return spec.query(QaRepository::post).list();
    }

    public long insertAnswer(long postId, long authorId, boolean byStaff, boolean anonymous, String body, Instant at) {
        return jdbc.sql("insert into qa_answer (post_id, author_id, by_staff, anonymous, body, created_at) values (?, ?, ?, ?, ?, ?) returning id")
                .params(postId, authorId, byStaff, anonymous, body, Timestamp.from(at)).query(Long.class).single();
    }

    public long insertComment(long postId, Long answerId, long authorId, boolean byStaff, boolean anonymous, String body, Instant at) {
        return jdbc.sql("insert into qa_comment (post_id, answer_id, author_id, by_staff, anonymous, body, created_at) values (?, ?, ?, ?, ?, ?, ?) returning id")
                .params(postId, answerId, authorId, byStaff, anonymous, body, Timestamp.from(at)).query(Long.class).single();
    }

    public List<ReplyRow> answers(long postId) {
        return jdbc.sql("""
                        select x.id, null::bigint, x.author_id, a.display_name, x.by_staff, x.anonymous, x.body, x.endorsed, x.created_at
                        from qa_answer x join account a on a.id = x.author_id where x.post_id = ? order by x.endorsed desc, x.created_at, x.id""")
                .param(postId).query(QaRepository::reply).list();
    }

    public List<ReplyRow> comments(long postId) {
        return jdbc.sql("""
                        select c.id, c.answer_id, c.author_id, a.display_name, c.by_staff, c.anonymous, c.body, false, c.created_at
                        from qa_comment c join account a on a.id = c.author_id
                        where c.post_id = ? order by c.created_at, c.id""")
                .param(postId).query(QaRepository::reply).list();
    }

    public Optional<Long> answerPost(long answerId) {
        return jdbc.sql("select post_id from qa_answer where id = ?").param(answerId).query(Long.class).optional();
    }

    public void endorse(long answerId, boolean endorsed) {
        jdbc.sql("update qa_answer set endorsed = ? where id = ?").params(endorsed, answerId).update();
    }

    public void firstStaffAnswer(long postId, Instant at) {
        jdbc.sql("update qa_post set first_staff_answer_at = ? where id = ? and first_staff_answer_at is null")
                .params(Timestamp.from(at), postId).update();
    }

    public void touch(long postId, Instant at) {
        jdbc.sql("update qa_post set last_activity_at = greatest(last_activity_at, ?) where id = ?").params(Timestamp.from(at), postId).update();
    }

    public void setResolved(long postId, boolean resolved) {
        jdbc.sql("update qa_post set resolved = ? where id = ?").params(resolved, postId).update();
    }

    public void setPinned(long postId, boolean v) {
        jdbc.sql("update qa_post set pinned = ? where id = ?").params(v, postId).update();
    }

    public void setLocked(long postId, boolean v) {
        jdbc.sql("update qa_post set locked = ? where id = ?").params(v, postId).update();
    }

    /** Public with the author's name hidden from the class. */
    public void makePublic(long postId) {
        jdbc.sql("update qa_post set private = false, anonymous = true where id = ? and private").param(postId).update();
    }

    public void setDuplicateOf(long postId, Long of) {
        jdbc.sql("update qa_post set duplicate_of = ? where id = ?").params(of, postId).update();
    }

    public void follow(long postId, long accountId, Instant seenAt) {
        jdbc.sql("insert into qa_follow (post_id, account_id, seen_at) values (?, ?, ?) on conflict do nothing")
                .params(postId, accountId, Timestamp.from(seenAt)).update();
    }

    public void unfollow(long postId, long accountId) {
        jdbc.sql("delete from qa_follow where post_id = ? and account_id = ?").params(postId, accountId).update();
    }

    public void seen(long postId, long accountId, Instant at) {
        jdbc.sql("update qa_follow set seen_at = greatest(seen_at, ?) where post_id = ? and account_id = ?")
                .params(Timestamp.from(at), postId, accountId).update();
    }

    /** Followers with their e-mail choice in the course (none stored: NONE). */
    public List<Follower> followers(long postId) {
        return jdbc.sql("""
                        select f.account_id, coalesce(q.email, 'NONE') from qa_follow f join qa_post p on p.id = f.post_id
                        left join qa_preference q on q.course_id = p.course_id and q.account_id = f.account_id where f.post_id = ?""")
                .param(postId).query((rs, i) -> new Follower(rs.getLong(1), EmailDelivery.valueOf(rs.getString(2)))).list();
    }

    /** Followed posts the account may still see that changed since they last looked. */
    public int unread(long courseId, long accountId, boolean staff) {
        return jdbc.sql("""
                        select count(*) from qa_follow f join qa_post p on p.id = f.post_id
                        where p.course_id = ? and f.account_id = ? and p.last_activity_at > f.seen_at and (? or not p.private or p.author_id = ?)""")
                .params(courseId, accountId, staff, accountId).query(Integer.class).single();
    }

    public EmailDelivery preference(long courseId, long accountId) {
        return jdbc.sql("select email from qa_preference where course_id = ? and account_id = ?").params(courseId, accountId)
                .query(String.class).optional().map(EmailDelivery::valueOf).orElse(EmailDelivery.NONE);
    }

    public void setPreference(long courseId, long accountId, EmailDelivery d) {
        jdbc.sql("""
                        insert into qa_preference (course_id, account_id, email) values (?, ?, ?)
                        on conflict (course_id, account_id) do update set email = excluded.email""")
                .params(courseId, accountId, d.name()).update();
    }

    /** Seconds from each post to its first staff answer, for posts that have one; and the count of posts. */
    public List<Long> secondsToStaffAnswer(long courseId) {
        return jdbc.sql("""
                        select extract(epoch from first_staff_answer_at - created_at)::bigint from qa_post
                        where course_id = ? and first_staff_answer_at is not null order by 1""")
                .param(courseId).query(Long.class).list();
    }

    public int[] postCounts(long courseId) {
        return jdbc.sql("""
                        select count(*), count(*) filter (where not exists (select 1 from qa_answer x where x.post_id = p.id))
                        from qa_post p where p.course_id = ?""")
                .param(courseId).query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    public long insertImage(long courseId, String sha256, String contentType, long by) {
        return jdbc.sql("insert into qa_image (course_id, sha256, content_type, uploaded_by) values (?, ?, ?, ?) returning id")
                .params(courseId, sha256, contentType, by).query(Long.class).single();
    }

    public record ImageRow(long id, long courseId, String sha256, String contentType) {
    }

    public Optional<ImageRow> image(long id) {
        return jdbc.sql("select id, course_id, sha256, content_type from qa_image where id = ?").param(id)
                .query((rs, i) -> new ImageRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).optional();
    }

    /** Who uploaded the image. */
    public long imageUploader(long id) {
        return jdbc.sql("select uploaded_by from qa_image where id = ?").param(id).query(Long.class).single();
    }

    /**
     * Whether a post {@code me} may read (public, or their own) shows the image, in its text, an answer or a comment.
     * The Markdown the upload returned names it as {@code (/qa-images/<id>)}.
     */
    public boolean imageShownTo(long imageId, long courseId, long me) {
        String ref = "%(/qa-images/" + imageId + ")%";
        return jdbc.sql("""
                select exists (select 1 from qa_post p
                               where p.course_id = ? and (not p.private or p.author_id = ?)
                                 and (p.body like ?
                                      or exists (select 1 from qa_answer a where a.post_id = p.id and a.body like ?)
                                      or exists (select 1 from qa_comment c where c.post_id = p.id and c.body like ?)))""")
                .params(courseId, me, ref, ref, ref).query(Boolean.class).single();
    }

    public void notifyChanged(long courseId, long postId) {
        jdbc.sql("select pg_notify('" + QaBroadcaster.CHANNEL + "', ?), pg_notify('" + QaBroadcaster.CHANNEL + "', ?)")
                .params("c" + courseId, "p" + postId).query((rs, i) -> 0).single();
    }

    public boolean isStaff(long courseId, long accountId) {
        return jdbc.sql("select count(*) from membership where course_id = ? and account_id = ? and role in ('INSTRUCTOR', 'TA')")
                .params(courseId, accountId).query(Integer.class).single() > 0;
    }

    private static PostRow post(ResultSet rs, int i) throws SQLException {
        return new PostRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getObject(4, Long.class), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11),
                rs.getBoolean(12), rs.getBoolean(13), rs.getObject(14, Long.class), rs.getTimestamp(15).toInstant(),
                rs.getTimestamp(16).toInstant(), rs.getInt(17), rs.getBoolean(18), rs.getBoolean(19), rs.getBoolean(20),
                rs.getTimestamp(21) == null ? null : rs.getTimestamp(21).toInstant());
    }

    private static ReplyRow reply(ResultSet rs, int i) throws SQLException {
        return new ReplyRow(rs.getLong(1), rs.getObject(2, Long.class), rs.getLong(3), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6),
                rs.getString(7), rs.getBoolean(8), rs.getTimestamp(9).toInstant());
    }
}
