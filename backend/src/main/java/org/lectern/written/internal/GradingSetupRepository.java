package org.lectern.written.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class GradingSetupRepository {

    public record Row(String split, boolean anonymous) {
    }

    private final JdbcClient jdbc;

    public GradingSetupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> setup(long assignmentId) {
        return jdbc.sql("select split, anonymous from written_grading_setup where assignment_id = ?").param(assignmentId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getBoolean(2))).optional();
    }

    public void save(long assignmentId, String split, boolean anonymous) {
        jdbc.sql("""
                        insert into written_grading_setup (assignment_id, split, anonymous) values (?, ?, ?)
                        on conflict (assignment_id) do update set split = excluded.split, anonymous = excluded.anonymous""")
                .params(assignmentId, split, anonymous).update();
    }

    /** Question id → the graders named for it, for the assignment's questions. */
    public Map<Long, List<Long>> questionGraders(long assignmentId) {
        Map<Long, List<Long>> out = new HashMap<>();
        jdbc.sql("""
                        select g.question_id, g.account_id from written_question_grader g join written_question q on q.id = g.question_id
                        where q.assignment_id = ? order by g.question_id, g.account_id""")
                .param(assignmentId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list()
                .forEach(r -> out.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]));
        return out;
    }

    public void replaceQuestionGraders(long questionId, Collection<Long> graders) {
        jdbc.sql("delete from written_question_grader where question_id = ?").param(questionId).update();
        for (Long g : graders) {
            jdbc.sql("insert into written_question_grader (question_id, account_id) values (?, ?)").params(questionId, g).update();
        }
    }
}
