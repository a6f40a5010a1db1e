package org.lectern.exercise.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lectern.exercise.Exercise;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class ExerciseRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, course_id, lecture_id, generator_key, short_name, title, max_attempts, points, category";

    public record StoredAttempt(int number, Map<String, String> answers, BigDecimal score) {
    }

    private final JdbcClient jdbc;

    public ExerciseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long courseId, Long lectureId, String generatorKey, String shortName, String title, int maxAttempts,
                       BigDecimal points, String category, long by) {
        return jdbc.sql("""
                insert into exercise (course_id, lecture_id, generator_key, short_name, title, max_attempts, points, category, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(courseId, lectureId, generatorKey, shortName, title, maxAttempts, points, category, by).query(Long.class).single();
    }

    public boolean shortNameTaken(long courseId, String shortName) {
        return jdbc.sql("select exists(select 1 from exercise where course_id = ? and lower(short_name) = lower(?))")
                .params(courseId, shortName).query(Boolean.class).single();
    }

    public void setItem(long id, long itemId) {
        jdbc.sql("update exercise set item_id = ? where id = ?").params(itemId, id).update();
    }

    public Optional<Exercise> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from exercise where id = ?").param(id).query(ExerciseRepository::exercise).optional();
    }

    public List<Exercise> forCourse(long courseId) {
        return jdbc.sql("select " + COLUMNS + " from exercise where course_id = ? order by id").param(courseId)
                .query(ExerciseRepository::exercise).list();
    }

    public List<StoredAttempt> attempts(long exerciseId, long accountId) {
        return jdbc.sql("select attempt_no, answers, score from exercise_attempt where exercise_id = ? and account_id = ? order by attempt_no")
                .params(exerciseId, accountId)
                .query((rs, i) -> new StoredAttempt(rs.getInt(1), JSON.readValue(rs.getString(2), new TypeReference<Map<String, String>>() { }),
                        rs.getBigDecimal(3)))
                .list();
    }

    /** False when another request took this attempt number first (a double submit). */
    public boolean insertAttempt(long exerciseId, long accountId, int number, Map<String, String> answers, BigDecimal score) {
        try {
            jdbc.sql("insert into exercise_attempt (exercise_id, account_id, attempt_no, answers, score) values (?, ?, ?, ?, ?)")
                    .params(exerciseId, accountId, number, JSON.writeValueAsString(answers), score).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static Exercise exercise(ResultSet rs, int row) throws SQLException {
        long lecture = rs.getLong("lecture_id");
        Long lectureId = rs.wasNull() ? null : lecture;
        return new Exercise(rs.getLong("id"), rs.getLong("course_id"), lectureId, rs.getString("generator_key"), rs.getString("short_name"),
                rs.getString("title"), rs.getInt("max_attempts"), rs.getBigDecimal("points"), rs.getString("category"));
    }
}
