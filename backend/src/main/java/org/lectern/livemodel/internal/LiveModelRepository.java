package org.lectern.livemodel.internal;

import java.util.List;
import java.util.Optional;
import org.lectern.livemodel.LiveModelExercise;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LiveModelRepository {

    private static final String COLUMNS = "id, course_id, lecture_id, model_key, short_name, title";

    /** Answers of one exercise: how many, by how many students, median and 95th percentile of total time. */
    public record Usage(long answers, long students, Double medianMillis, Double p95Millis, String nodes) {
    }

    private final JdbcClient jdbc;

    public LiveModelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long courseId, Long lectureId, String modelKey, String shortName, String title, long by) {
        return jdbc.sql("""
                insert into live_model_exercise (course_id, lecture_id, model_key, short_name, title, created_by)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(courseId, lectureId, modelKey, shortName, title, by).query(Long.class).single();
    }

    public void setItem(long id, long itemId) {
        jdbc.sql("update live_model_exercise set item_id = ? where id = ?").params(itemId, id).update();
    }

    public boolean shortNameTaken(long courseId, String shortName) {
        return jdbc.sql("select exists(select 1 from live_model_exercise where course_id = ? and lower(short_name) = lower(?))")
                .params(courseId, shortName).query(Boolean.class).single();
    }

    public Optional<LiveModelExercise> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from live_model_exercise where id = ?").param(id)
                .query(LiveModelExercise.class).optional();
    }

    public List<LiveModelExercise> forCourse(long courseId) {
        return jdbc.sql("select " + COLUMNS + " from live_model_exercise where course_id = ? order by lecture_id nulls last, id")
                .param(courseId).query(LiveModelExercise.class).list();
    }

    public void recordAnswer(long exerciseId, long accountId, String source, int predicted, double confidence,
                             double modelMillis, double totalMillis, String servedBy) {
        jdbc.sql("""
                insert into live_model_answer (exercise_id, account_id, source, predicted, confidence, model_millis, total_millis, served_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(exerciseId, accountId, source, predicted, confidence, modelMillis, totalMillis, servedBy).update();
    }

    public Usage usage(long exerciseId) {
        return jdbc.sql("""
                select count(*) as answers, count(distinct account_id) as students,
                       percentile_cont(0.5) within group (order by total_millis) as median_millis,
                       percentile_cont(0.95) within group (order by total_millis) as p95_millis,
                       string_agg(distinct served_by, ', ') as nodes
                from live_model_answer where exercise_id = ?""")
                .param(exerciseId).query(Usage.class).single();
    }
}
