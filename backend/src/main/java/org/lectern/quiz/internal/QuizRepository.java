package org.lectern.quiz.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lectern.quiz.Attempt;
import org.lectern.quiz.QuestionKind;
import org.lectern.quiz.Question;
import org.lectern.quiz.Quiz;
import org.lectern.quiz.QuizGrading;
import org.lectern.quiz.QuizPool;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class QuizRepository {

    /** What a question's kind needs, stored as JSON in quiz_question.spec. */
    record Spec(List<String> options, List<Integer> correct, BigDecimal answer, BigDecimal tolerance, List<String> accepted,
                String explanation, String generator) {
    }

    /** One drawn question of an attempt, with the student's response and its mark. */
    public record AnswerRow(long attemptId, long questionId, int position, String response, Instant savedAt, BigDecimal points,
                            QuizGrading.Status status, String feedback) {
    }

    /** A pending answer with what the queue shows about it. */
    public record PendingRow(long attemptId, long quizId, String quizShortName, long questionId, long accountId, String response,
                             Instant finishedAt) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String QUIZ_COLUMNS = """
            q.id, q.course_id, q.short_name, q.title, q.open_at, q.close_at, q.time_limit_minutes, q.points, q.category,
            q.must_pass_percent, q.allow_review, q.shuffle, q.max_attempts,
            (select coalesce(sum(least(p.draw, (select count(*) from quiz_question x where x.pool_id = p.id))), 0)
               from quiz_pool p where p.quiz_id = q.id) as question_count""";

    private static final String ATTEMPT_COLUMNS = """
            t.id, t.quiz_id, t.account_id, t.number, t.seed, t.started_at, t.deadline, t.state, t.finished_at, t.score, t.possible,
            (select count(*) from quiz_answer a where a.attempt_id = t.id and a.status = 'PENDING') as pending""";

    private final JdbcClient jdbc;

    public QuizRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ quizzes

    public long insert(long courseId, Quiz q) {
        return jdbc.sql("""
                insert into quiz (course_id, short_name, title, open_at, close_at, time_limit_minutes, points, category,
                  must_pass_percent, allow_review, shuffle, max_attempts)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(courseId, q.shortName(), q.title(), Timestamp.from(q.openAt()), Timestamp.from(q.closeAt()), q.timeLimitMinutes(),
                        q.points(), q.category(), q.mustPassPercent(), q.allowReview(), q.shuffle(), q.maxAttempts())
                .query(Long.class).single();
    }

    public void update(long id, Quiz q) {
        jdbc.sql("""
                update quiz set title = ?, open_at = ?, close_at = ?, time_limit_minutes = ?, points = ?, category = ?,
                  must_pass_percent = ?, allow_review = ?, shuffle = ?, max_attempts = ? where id = ?""")
                .params(q.title(), Timestamp.from(q.openAt()), Timestamp.from(q.closeAt()), q.timeLimitMinutes(), q.points(), q.category(),
                        q.mustPassPercent(), q.allowReview(), q.shuffle(), q.maxAttempts(), id)
                .update();
    }

    public void setItem(long id, long itemId) {
        jdbc.sql("update quiz set item_id = ? where id = ?").params(itemId, id).update();
    }

    public boolean shortNameTaken(long courseId, String shortName) {
        return jdbc.sql("select exists(select 1 from quiz where course_id = ? and lower(short_name) = lower(?))")
                .params(courseId, shortName).query(Boolean.class).single();
    }

    public Optional<Quiz> quiz(long id) {
        return jdbc.sql("select " + QUIZ_COLUMNS + " from quiz q where q.id = ?").param(id).query(QuizRepository::quiz).optional();
    }

    public List<Quiz> forCourse(long courseId) {
        return jdbc.sql("select " + QUIZ_COLUMNS + " from quiz q where q.course_id = ? order by q.open_at, q.id").param(courseId)
                .query(QuizRepository::quiz).list();
    }

    // ------------------------------------------------------------------ pools and questions

    public long insertPool(long quizId, int position, int draw) {
        return jdbc.sql("insert into quiz_pool (quiz_id, position, draw) values (?, ?, ?) returning id")
                .params(quizId, position, draw).query(Long.class).single();
    }

    public long insertQuestion(long quizId, long poolId, int position, Question q) {
        String spec = JSON.writeValueAsString(new Spec(q.options(), q.correct(), q.answer(), q.tolerance(), q.accepted(), q.explanation(),
                q.generator()));
        return jdbc.sql("""
                insert into quiz_question (quiz_id, pool_id, position, kind, prompt, points, spec)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(quizId, poolId, position, q.kind().name(), q.prompt(), q.points(), spec)
                .query(Long.class).single();
    }

    public void deletePools(long quizId) {
        jdbc.sql("delete from quiz_pool where quiz_id = ?").param(quizId).update();
    }

    public List<QuizPool> pools(long quizId) {
        Map<Long, Integer> draws = new LinkedHashMap<>();
        jdbc.sql("select id, draw from quiz_pool where quiz_id = ? order by position").param(quizId)
                .query((rs, i) -> draws.put(rs.getLong(1), rs.getInt(2))).list();
        Map<Long, List<Question>> byPool = new LinkedHashMap<>();
        draws.keySet().forEach(id -> byPool.put(id, new ArrayList<>()));
        for (Question q : questionList(quizId)) {
            byPool.get(q.poolId()).add(q);
        }
        return draws.entrySet().stream().map(e -> new QuizPool(e.getKey(), e.getValue(), List.copyOf(byPool.get(e.getKey())))).toList();
    }

    public Map<Long, Question> questions(long quizId) {
        Map<Long, Question> out = new LinkedHashMap<>();
        questionList(quizId).forEach(q -> out.put(q.id(), q));
        return out;
    }

    private List<Question> questionList(long quizId) {
        return jdbc.sql("""
                select x.id, x.pool_id, x.kind, x.prompt, x.points, x.spec from quiz_question x join quiz_pool p on p.id = x.pool_id
                where x.quiz_id = ? order by p.position, x.position""").param(quizId)
                .query((rs, i) -> {
                    Spec s = JSON.readValue(rs.getString("spec"), Spec.class);
                    return new Question(rs.getLong("id"), rs.getLong("pool_id"), QuestionKind.valueOf(rs.getString("kind")),
                            rs.getString("prompt"), rs.getBigDecimal("points"), s.options(), s.correct(), s.answer(), s.tolerance(),
                            s.accepted(), s.explanation(), s.generator());
                }).list();
    }

    // ------------------------------------------------------------------ attempts

    public boolean hasAttempts(long quizId) {
        return jdbc.sql("select exists(select 1 from quiz_attempt where quiz_id = ?)").param(quizId).query(Boolean.class).single();
    }

    /** The new attempt's id, or empty when another request created this attempt number first. */
    public Optional<Long> insertAttempt(long quizId, long accountId, int number, long seed, Instant startedAt, Instant deadline,
                                        BigDecimal possible) {
        return jdbc.sql("""
                insert into quiz_attempt (quiz_id, account_id, number, seed, started_at, deadline, possible)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (quiz_id, account_id, number) do nothing returning id""")
                .params(quizId, accountId, number, seed, Timestamp.from(startedAt), Timestamp.from(deadline), possible)
                .query(Long.class).optional();
    }

    public void insertAnswer(long attemptId, long questionId, int position) {
        jdbc.sql("insert into quiz_answer (attempt_id, question_id, position) values (?, ?, ?)")
                .params(attemptId, questionId, position).update();
    }

    public Optional<Attempt> attempt(long id) {
        return jdbc.sql("select " + ATTEMPT_COLUMNS + " from quiz_attempt t where t.id = ?").param(id)
                .query(QuizRepository::attempt).optional();
    }

    /** Locks the attempt row until the transaction ends: saves, submits and finishing take turns. */
    public Optional<Attempt> lockAttempt(long id) {
        return jdbc.sql("select id from quiz_attempt where id = ? for update").param(id).query(Long.class).optional()
                .flatMap(this::attempt);
    }

    public Optional<Attempt> attempt(long quizId, long accountId, int number) {
        return jdbc.sql("select " + ATTEMPT_COLUMNS + " from quiz_attempt t where t.quiz_id = ? and t.account_id = ? and t.number = ?")
                .params(quizId, accountId, number).query(QuizRepository::attempt).optional();
    }

    public List<Attempt> attempts(long quizId, long accountId) {
        return jdbc.sql("select " + ATTEMPT_COLUMNS + " from quiz_attempt t where t.quiz_id = ? and t.account_id = ? order by t.number")
                .params(quizId, accountId).query(QuizRepository::attempt).list();
    }

    public List<Attempt> attemptsForQuiz(long quizId) {
        return jdbc.sql("select " + ATTEMPT_COLUMNS + " from quiz_attempt t where t.quiz_id = ? order by t.account_id, t.number")
                .param(quizId).query(QuizRepository::attempt).list();
    }

    public List<Attempt> attemptsInCourse(long courseId, long accountId) {
        return jdbc.sql("select " + ATTEMPT_COLUMNS + " from quiz_attempt t join quiz q on q.id = t.quiz_id"
                        + " where q.course_id = ? and t.account_id = ? order by t.quiz_id, t.number")
                .params(courseId, accountId).query(QuizRepository::attempt).list();
    }

    /** Open attempts of the course past their deadline, locked; rows another transaction holds are skipped. */
    public List<Long> expiredOpen(long courseId, Instant now) {
        return jdbc.sql("""
                select t.id from quiz_attempt t join quiz q on q.id = t.quiz_id
                where q.course_id = ? and t.state = 'OPEN' and t.deadline <= ? order by t.id for update of t skip locked""")
                .params(courseId, Timestamp.from(now)).query(Long.class).list();
    }

    public int finish(long attemptId, Attempt.State state, Instant at, BigDecimal score) {
        return jdbc.sql("update quiz_attempt set state = ?, finished_at = ?, score = ? where id = ? and state = 'OPEN'")
                .params(state.name(), Timestamp.from(at), score, attemptId).update();
    }

    public void setScore(long attemptId, BigDecimal score) {
        jdbc.sql("update quiz_attempt set score = ? where id = ?").params(score, attemptId).update();
    }

    public Optional<BigDecimal> bestScore(long quizId, long accountId) {
        return jdbc.sql("select max(score) from quiz_attempt where quiz_id = ? and account_id = ? and state <> 'OPEN'")
                .params(quizId, accountId).query(BigDecimal.class).optional();
    }

    // ------------------------------------------------------------------ answers

    public List<AnswerRow> answers(long attemptId) {
        return jdbc.sql("""
                select attempt_id, question_id, position, response, saved_at, points, status, feedback
                from quiz_answer where attempt_id = ? order by position""").param(attemptId)
                .query((rs, i) -> new AnswerRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), instant(rs, 5),
                        rs.getBigDecimal(6), rs.getString(7) == null ? null : QuizGrading.Status.valueOf(rs.getString(7)), rs.getString(8)))
                .list();
    }

    public int saveResponse(long attemptId, long questionId, String response, Instant at) {
        return jdbc.sql("update quiz_answer set response = ?, saved_at = ? where attempt_id = ? and question_id = ?")
                .params(response, Timestamp.from(at), attemptId, questionId).update();
    }

    public void mark(long attemptId, long questionId, BigDecimal points, QuizGrading.Status status) {
        jdbc.sql("update quiz_answer set points = ?, status = ? where attempt_id = ? and question_id = ?")
                .params(points, status.name(), attemptId, questionId).update();
    }

    public void grade(long attemptId, long questionId, BigDecimal points, String feedback, long by, Instant at) {
        jdbc.sql("""
                update quiz_answer set points = ?, status = 'GRADED', feedback = ?, graded_by = ?, graded_at = ?
                where attempt_id = ? and question_id = ?""")
                .params(points, feedback, by, Timestamp.from(at), attemptId, questionId).update();
    }

    public List<PendingRow> pending(long courseId) {
        return jdbc.sql("""
                select a.attempt_id, q.id, q.short_name, a.question_id, t.account_id, a.response, t.finished_at
                from quiz_answer a join quiz_attempt t on t.id = a.attempt_id join quiz q on q.id = t.quiz_id
                where q.course_id = ? and a.status = 'PENDING' order by t.finished_at, a.attempt_id, a.position""").param(courseId)
                .query((rs, i) -> new PendingRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getString(6), instant(rs, 7)))
                .list();
    }

    private static Quiz quiz(ResultSet rs, int row) throws SQLException {
        return new Quiz(rs.getLong("id"), rs.getLong("course_id"), rs.getString("short_name"), rs.getString("title"),
                rs.getTimestamp("open_at").toInstant(), rs.getTimestamp("close_at").toInstant(), (Integer) rs.getObject("time_limit_minutes"),
                rs.getBigDecimal("points"), rs.getString("category"), rs.getBigDecimal("must_pass_percent"), rs.getBoolean("allow_review"),
                rs.getBoolean("shuffle"), rs.getInt("max_attempts"), rs.getInt("question_count"));
    }

    private static Attempt attempt(ResultSet rs, int row) throws SQLException {
        return new Attempt(rs.getLong("id"), rs.getLong("quiz_id"), rs.getLong("account_id"), rs.getInt("number"), rs.getLong("seed"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("deadline").toInstant(), Attempt.State.valueOf(rs.getString("state")),
                instant(rs, "finished_at"), rs.getBigDecimal("score"), rs.getBigDecimal("possible"), rs.getInt("pending"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
