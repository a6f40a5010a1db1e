package org.lectern.survey.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lectern.survey.Survey;
import org.lectern.survey.SurveyDraft;
import org.lectern.survey.SurveyQuestion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class SurveyRepository {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, course_id, short_name, title, anonymous, questions, opens_at, closes_at, points, category";

    /** A named response with its author, for staff. */
    public record Named(long accountId, String name, String email, List<String> answers) {
    }

    private final JdbcClient jdbc;

    public SurveyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the short name is taken in the course. */
    public Optional<Long> insert(long courseId, SurveyDraft d, List<SurveyQuestion> questions, String shortName, long by) {
        return jdbc.sql("""
                        insert into survey (course_id, short_name, title, anonymous, questions, opens_at, closes_at, points, category, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (course_id, lower(short_name)) do nothing returning id""")
                .params(courseId, shortName, d.title().strip(), d.anonymous(), JSON.writeValueAsString(questions), Timestamp.from(d.opensAt()),
                        Timestamp.from(d.closesAt()), d.points(), d.category(), by)
                .query(Long.class).optional();
    }

    public Optional<Survey> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from survey where id = ?").param(id).query(SurveyRepository::survey).optional();
    }

    public List<Survey> forCourse(long courseId) {
        return jdbc.sql("select " + COLUMNS + " from survey where course_id = ? order by opens_at desc, id desc").param(courseId)
                .query(SurveyRepository::survey).list();
    }

    /** Locks the survey row so closing and answering serialise. */
    public void lock(long id) {
        jdbc.sql("select id from survey where id = ? for share").param(id).query(Long.class).optional();
    }

    /** False when the account has already answered. */
    public boolean markAnswered(long surveyId, long accountId) {
        return jdbc.sql("insert into survey_answered (survey_id, account_id) values (?, ?) on conflict do nothing")
                .params(surveyId, accountId).update() == 1;
    }

    public boolean hasAnswered(long surveyId, long accountId) {
        return jdbc.sql("select count(*) from survey_answered where survey_id = ? and account_id = ?").params(surveyId, accountId)
                .query(Integer.class).single() > 0;
    }

    public void insertNamed(long surveyId, long accountId, List<String> answers) {
        jdbc.sql("insert into survey_named_response (survey_id, account_id, answers) values (?, ?, ?)")
                .params(surveyId, accountId, JSON.writeValueAsString(answers)).update();
    }

    /** No account, no time; a random id, so neither a column nor the id order follows the order of answering. */
    public void insertAnonymous(long surveyId, List<String> answers) {
        jdbc.sql("insert into survey_anonymous_response (id, survey_id, answers) values (?, ?, ?)")
                .params(UUID.randomUUID(), surveyId, JSON.writeValueAsString(answers)).update();
    }

    public Optional<List<String>> namedAnswers(long surveyId, long accountId) {
        return jdbc.sql("select answers from survey_named_response where survey_id = ? and account_id = ?").params(surveyId, accountId)
                .query((rs, i) -> answers(rs.getString(1))).optional();
    }

    public List<Named> named(long surveyId) {
        return jdbc.sql("""
                        select r.account_id, a.display_name, a.email, r.answers from survey_named_response r join account a on a.id = r.account_id
                        where r.survey_id = ? order by lower(a.display_name), a.id""")
                .param(surveyId).query((rs, i) -> new Named(rs.getLong(1), rs.getString(2), rs.getString(3), answers(rs.getString(4)))).list();
    }

    /** In random-id order: unrelated to who answered first. */
    public List<List<String>> anonymous(long surveyId) {
        return jdbc.sql("select answers from survey_anonymous_response where survey_id = ? order by id").param(surveyId)
                .query((rs, i) -> answers(rs.getString(1))).list();
    }

    /** Who answered, by name (never in the order they answered). */
    public List<String> respondents(long surveyId) {
        return jdbc.sql("""
                        select a.display_name from survey_answered s join account a on a.id = s.account_id where s.survey_id = ?
                        order by lower(a.display_name), a.id""")
                .param(surveyId).query(String.class).list();
    }

    public int respondentCount(long surveyId) {
        return jdbc.sql("select count(*) from survey_answered where survey_id = ?").param(surveyId).query(Integer.class).single();
    }

    private static List<String> answers(String json) {
        return JSON.readValue(json, new TypeReference<List<String>>() { });
    }

    private static Survey survey(ResultSet rs, int i) throws SQLException {
        BigDecimal points = rs.getBigDecimal(9);
        return new Survey(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                JSON.readValue(rs.getString(6), new TypeReference<List<SurveyQuestion>>() { }), rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8).toInstant(), points, rs.getString(10));
    }
}
