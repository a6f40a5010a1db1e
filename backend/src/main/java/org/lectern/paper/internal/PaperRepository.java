package org.lectern.paper.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lectern.paper.Paper;
import org.lectern.paper.PaperDraft;
import org.lectern.paper.PaperRole;
import org.lectern.paper.PresenterClock;
import org.lectern.paper.ReviewDraft;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PaperRepository {

    /** A stored review (days late are judged by the service from the submission instant). */
    public record ReviewRow(long paperId, long accountId, String name, ReviewDraft text, Instant submittedAt, BigDecimal score,
            String comment) {
    }

    /** A role holder with their grade. */
    public record HolderRow(long paperId, int position, long accountId, String name, BigDecimal score, String comment) {
    }

    public static final String CHANNEL = "lectern_papers";

    private static final String PAPERS = """
            select p.id, p.course_id, p.short_name, p.title, p.authors, p.link, p.lecture_at, p.review_points, p.team_id,
                   t.name as team_name
            from paper p left join project_team t on t.id = p.team_id
            """;

    private final JdbcClient jdbc;

    public PaperRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long courseId, PaperDraft d, String link) {
        return jdbc.sql("""
                        insert into paper (course_id, short_name, title, authors, link, lecture_at, review_points)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(courseId, d.shortName().strip(), d.title().strip(), d.authors() == null ? "" : d.authors().strip(), link,
                        Timestamp.from(d.lectureAt()), d.reviewPoints())
                .query(Long.class).single();
    }

    public Optional<Paper> paper(long id) {
        return papers(PAPERS + " where p.id = ?", id).stream().findFirst();
    }

    public Optional<Paper> lockPaper(long id) {
        if (jdbc.sql("select id from paper where id = ? for update").param(id).query(Long.class).optional().isEmpty()) {
            return Optional.empty();
        }
        return paper(id);
    }

    public List<Paper> papers(long courseId) {
        return papers(PAPERS + " where p.course_id = ? order by p.lecture_at, p.short_name", courseId);
    }

    public Optional<Long> paperOfTeam(long teamId) {
        return jdbc.sql("select id from paper where team_id = ?").param(teamId).query(Long.class).optional();
    }

    public void setTeam(long paperId, Long teamId) {
        jdbc.sql("update paper set team_id = ? where id = ?").params(teamId, paperId).update();
        jdbc.sql("delete from paper_role_holder where paper_id = ?").param(paperId).update(); // a new group casts its roles anew
    }

    public List<PaperRole> roles(long courseId) {
        return jdbc.sql("select position, name, minutes from paper_role where course_id = ? order by position").param(courseId)
                .query((rs, i) -> new PaperRole(rs.getInt(1), rs.getString(2), rs.getInt(3))).list();
    }

    public void replaceRoles(long courseId, List<PaperRole> roles) {
        jdbc.sql("delete from paper_role where course_id = ?").param(courseId).update();
        for (PaperRole r : roles) {
            jdbc.sql("insert into paper_role (course_id, position, name, minutes) values (?, ?, ?, ?)")
                    .params(courseId, r.position(), r.name(), r.minutes()).update();
        }
    }

    public String presentationItem(long courseId) {
        return jdbc.sql("select presentation_item from paper_settings where course_id = ?").param(courseId).query(String.class)
                .optional().orElse("presentation");
    }

    public void putPresentationItem(long courseId, String item, long by) {
        jdbc.sql("""
                insert into paper_settings (course_id, presentation_item, updated_by) values (?, ?, ?)
                on conflict (course_id) do update set presentation_item = excluded.presentation_item, updated_by = excluded.updated_by,
                  updated_at = now()""").params(courseId, item, by).update();
    }

    public void putHolder(long paperId, int position, long accountId) {
        jdbc.sql("""
                insert into paper_role_holder (paper_id, position, account_id) values (?, ?, ?)
                on conflict (paper_id, position) do update set account_id = excluded.account_id, score = null, comment = '',
                  graded_by = null, graded_at = null""").params(paperId, position, accountId).update();
    }

    public List<HolderRow> holders(long paperId) {
        return jdbc.sql("""
                        select h.paper_id, h.position, h.account_id, a.display_name, h.score, h.comment
                        from paper_role_holder h join account a on a.id = h.account_id where h.paper_id = ? order by h.position""")
                .param(paperId)
                .query((rs, i) -> new HolderRow(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getBigDecimal(5), rs.getString(6)))
                .list();
    }

    public void gradeHolder(long paperId, int position, BigDecimal score, String comment, long by) {
        jdbc.sql("update paper_role_holder set score = ?, comment = ?, graded_by = ?, graded_at = now() where paper_id = ? and position = ?")
                .params(score, comment, by, paperId, position).update();
    }

    public Optional<PresenterClock> clock(long paperId) {
        return jdbc.sql("select position, started_at, remaining_ms from paper_timer where paper_id = ?").param(paperId)
                .query((rs, i) -> new PresenterClock(rs.getInt(1), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
                        rs.getLong(3)))
                .optional();
    }

    public void putClock(long paperId, PresenterClock c) {
        jdbc.sql("""
                insert into paper_timer (paper_id, position, started_at, remaining_ms) values (?, ?, ?, ?)
                on conflict (paper_id) do update set position = excluded.position, started_at = excluded.started_at,
                  remaining_ms = excluded.remaining_ms""")
                .params(paperId, c.position(), c.runningSince() == null ? null : Timestamp.from(c.runningSince()), c.remainingMillis())
                .update();
    }

    public void deleteClock(long paperId) {
        jdbc.sql("delete from paper_timer where paper_id = ?").param(paperId).update();
    }

    public void putReview(long paperId, long accountId, ReviewDraft d, Instant at) {
        jdbc.sql("""
                insert into paper_review (paper_id, account_id, summary, strengths, weaknesses, suggestions, questions, submitted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (paper_id, account_id) do update set summary = excluded.summary, strengths = excluded.strengths,
                  weaknesses = excluded.weaknesses, suggestions = excluded.suggestions, questions = excluded.questions,
                  submitted_at = excluded.submitted_at""")
                .params(paperId, accountId, d.summary(), d.strengths(), d.weaknesses(), d.suggestions(), d.questions(), Timestamp.from(at))
                .update();
    }

    private static final String REVIEWS = """
            select r.paper_id, r.account_id, a.display_name, r.summary, r.strengths, r.weaknesses, r.suggestions, r.questions,
                   r.submitted_at, r.score, r.comment
            from paper_review r join account a on a.id = r.account_id
            """;

    private static ReviewRow review(ResultSet rs, int i) throws SQLException {
        return new ReviewRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                new ReviewDraft(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                rs.getTimestamp(9).toInstant(), rs.getBigDecimal(10), rs.getString(11));
    }

    public Optional<ReviewRow> review(long paperId, long accountId) {
        return jdbc.sql(REVIEWS + " where r.paper_id = ? and r.account_id = ?").params(paperId, accountId).query(PaperRepository::review)
                .optional();
    }

    public List<ReviewRow> reviews(long paperId) {
        return jdbc.sql(REVIEWS + " where r.paper_id = ? order by a.display_name, r.account_id").param(paperId)
                .query(PaperRepository::review).list();
    }

    public int gradeReview(long paperId, long accountId, BigDecimal score, String comment, long by) {
        return jdbc.sql("""
                update paper_review set score = ?, comment = ?, graded_by = ?, graded_at = now()
                where paper_id = ? and account_id = ?""").params(score, comment, by, paperId, accountId).update();
    }

    /** Tells every replica's presenter and paper pages that this paper changed, when the transaction commits. */
    public void notifyPaper(long paperId) {
        jdbc.sql("select pg_notify('" + CHANNEL + "', ?)").param(Long.toString(paperId)).query(Object.class).single();
    }

    private List<Paper> papers(String sql, Object param) {
        List<Paper> bare = jdbc.sql(sql).param(param).query((rs, i) -> {
            long team = rs.getLong("team_id");
            Long teamId = rs.wasNull() ? null : team;
            return new Paper(rs.getLong("id"), rs.getLong("course_id"), rs.getString("short_name"), rs.getString("title"),
                    rs.getString("authors"), rs.getString("link"), rs.getTimestamp("lecture_at").toInstant(), rs.getBigDecimal("review_points"),
                    teamId, rs.getString("team_name"), List.of());
        }).list();
        List<Paper> out = new ArrayList<>();
        for (Paper p : bare) {
            List<Paper.Holder> holders = holders(p.id()).stream().map(h -> new Paper.Holder(h.position(), h.accountId(), h.name())).toList();
            out.add(new Paper(p.id(), p.courseId(), p.shortName(), p.title(), p.authors(), p.link(), p.lectureAt(), p.reviewPoints(),
                    p.teamId(), p.teamName(), holders));
        }
        return out;
    }
}
