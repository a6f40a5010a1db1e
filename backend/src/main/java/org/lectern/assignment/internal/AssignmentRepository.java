package org.lectern.assignment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentService;
import org.lectern.assignment.Autograder;
import org.lectern.assignment.FileRole;
import org.lectern.assignment.PrivateFeedback;
import org.lectern.assignment.Visibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AssignmentRepository {

    private static final String COLUMNS = """
            id, course_id, short_name, title, kind, release_at, due_at, points, team, allowed_extensions,
            max_upload_bytes, cpu_seconds, wall_seconds, memory_mb, output_kb, packages, grades_released_at, team_min_size, team_max_size""";

    private final JdbcClient jdbc;

    public AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void updateTeamSizes(long id, Integer min, Integer max) {
        jdbc.sql("update assignment set team_min_size = ?, team_max_size = ? where id = ?").params(min, max, id).update();
    }

    public long insert(long courseId, Assignment a) {
        return jdbc.sql("""
                insert into assignment (course_id, short_name, title, kind, release_at, due_at, points, team, allowed_extensions,
                  max_upload_bytes, cpu_seconds, wall_seconds, memory_mb, output_kb, packages, team_min_size, team_max_size)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(courseId, a.shortName(), a.title(), a.kind().name(), Timestamp.from(a.releaseAt()), Timestamp.from(a.dueAt()),
                        a.points(), a.team(), String.join(",", a.allowedExtensions()), a.maxUploadBytes(), a.limits().cpuSeconds(),
                        a.limits().wallSeconds(), a.limits().memoryMb(), a.limits().outputKb(), String.join(",", a.packages()),
                        a.teamMinSize(), a.teamMaxSize())
                .query(Long.class).single();
    }

    public void setItem(long id, long itemId) {
        jdbc.sql("update assignment set item_id = ? where id = ?").params(itemId, id).update();
    }

    public boolean shortNameTaken(long courseId, String shortName) {
        return jdbc.sql("select exists(select 1 from assignment where course_id = ? and lower(short_name) = lower(?))")
                .params(courseId, shortName).query(Boolean.class).single();
    }

    public Optional<Assignment> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from assignment where id = ?").param(id).query(AssignmentRepository::assignment).optional();
    }

    public List<Assignment> forCourse(long courseId) {
        return jdbc.sql("select " + COLUMNS + " from assignment where course_id = ? order by due_at, id").param(courseId)
                .query(AssignmentRepository::assignment).list();
    }

    public void updateGrading(long id, Assignment.Limits limits, String packages) {
        jdbc.sql("update assignment set cpu_seconds = ?, wall_seconds = ?, memory_mb = ?, output_kb = ?, packages = ? where id = ?")
                .params(limits.cpuSeconds(), limits.wallSeconds(), limits.memoryMb(), limits.outputKb(), packages, id).update();
    }

    public void updateRelease(long id, Instant releaseAt) {
        jdbc.sql("update assignment set release_at = ? where id = ?").params(Timestamp.from(releaseAt), id).update();
    }

    public Optional<Long> itemId(long id) {
        return jdbc.sql("select item_id from assignment where id = ? and item_id is not null").param(id).query(Long.class).optional();
    }

    public void insertTestVisibility(long autograderId, String testName, org.lectern.grading.TestVisibility shown) {
        jdbc.sql("insert into autograder_test_visibility (autograder_id, test_name, shown) values (?, ?, ?)")
                .params(autograderId, testName, shown.name()).update();
    }

    /** Test name to the visibility the autograder's manifest gives it. */
    public java.util.Map<String, org.lectern.grading.TestVisibility> testVisibility(long autograderId) {
        java.util.Map<String, org.lectern.grading.TestVisibility> out = new java.util.HashMap<>();
        jdbc.sql("select test_name, shown from autograder_test_visibility where autograder_id = ?").param(autograderId)
                .query((rs, i) -> out.put(rs.getString(1), org.lectern.grading.TestVisibility.valueOf(rs.getString(2)))).list();
        return out;
    }

    /** The Python environment picked for the assignment, if one was. */
    public Optional<String> environment(long id) {
        return jdbc.sql("select environment from assignment where id = ?").param(id).query(String.class).optional();
    }

    public void updateEnvironment(long id, String environment) {
        jdbc.sql("update assignment set environment = ? where id = ?").params(environment, id).update();
    }

    public void releaseGrades(long id, Instant at) {
        jdbc.sql("update assignment set grades_released_at = ? where id = ?").params(at == null ? null : Timestamp.from(at), id).update();
    }

    public long insertAutograder(long assignmentId, long createdBy, PrivateFeedback privateFeedback) {
        return jdbc.sql("""
                insert into autograder (assignment_id, version, created_by, private_feedback)
                values (?, (select coalesce(max(version), 0) + 1 from autograder where assignment_id = ?), ?, ?) returning id""")
                .params(assignmentId, assignmentId, createdBy, privateFeedback.name()).query(Long.class).single();
    }

    public void insertTest(long autograderId, String fileName, String sha, Visibility visibility, BigDecimal points, FileRole role) {
        jdbc.sql("insert into autograder_test (autograder_id, file_name, blob_sha256, visibility, points, role) values (?, ?, ?, ?, ?, ?)")
                .params(autograderId, fileName, sha, visibility.name(), points, role.name()).update();
    }

    public Optional<Autograder> currentAutograder(long assignmentId) {
        return jdbc.sql("select id from autograder where assignment_id = ? order by version desc limit 1").param(assignmentId)
                .query(Long.class).optional().flatMap(this::autograder);
    }

    public Optional<Autograder> autograder(long id) {
        var head = jdbc.sql("select id, assignment_id, version, created_at, private_feedback from autograder where id = ?").param(id)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getTimestamp(4).toInstant(),
                        PrivateFeedback.valueOf(rs.getString(5))})
                .optional();
        return head.map(h -> new Autograder((Long) h[0], (Long) h[1], (Integer) h[2], (Instant) h[3],
                jdbc.sql("""
                        select file_name, blob_sha256, visibility, points, role from autograder_test where autograder_id = ?
                        order by role desc, visibility, file_name""")
                        .param(id)
                        .query((rs, i) -> new Autograder.TestFile(rs.getString(1), rs.getString(2),
                                Visibility.valueOf(rs.getString(3)), rs.getBigDecimal(4), FileRole.valueOf(rs.getString(5))))
                        .list(), (PrivateFeedback) h[4]));
    }

    public void putStarter(long assignmentId, String path, String sha) {
        jdbc.sql("""
                insert into assignment_starter_file (assignment_id, path, blob_sha256) values (?, ?, ?)
                on conflict (assignment_id, path) do update set blob_sha256 = excluded.blob_sha256, uploaded_at = now()""")
                .params(assignmentId, path, sha).update();
    }

    public void deleteStarters(long assignmentId) {
        jdbc.sql("delete from assignment_starter_file where assignment_id = ?").param(assignmentId).update();
    }

    public List<AssignmentService.StarterFile> starterFiles(long assignmentId) {
        return jdbc.sql("""
                select s.path, b.size_bytes, s.blob_sha256 from assignment_starter_file s join blob b on b.sha256 = s.blob_sha256
                where s.assignment_id = ? order by s.path""").param(assignmentId)
                .query((rs, i) -> new AssignmentService.StarterFile(rs.getString(1), rs.getLong(2), rs.getString(3))).list();
    }

    public List<String[]> starters(long assignmentId) {
        return jdbc.sql("select path, blob_sha256 from assignment_starter_file where assignment_id = ? order by path").param(assignmentId)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    private static Assignment assignment(ResultSet rs, int row) throws SQLException {
        Timestamp released = rs.getTimestamp("grades_released_at");
        return new Assignment(rs.getLong("id"), rs.getLong("course_id"), rs.getString("short_name"), rs.getString("title"),
                Assignment.Kind.valueOf(rs.getString("kind")), rs.getTimestamp("release_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), rs.getBigDecimal("points"), rs.getBoolean("team"),
                csv(rs.getString("allowed_extensions")), rs.getLong("max_upload_bytes"),
                new Assignment.Limits(rs.getInt("cpu_seconds"), rs.getInt("wall_seconds"), rs.getInt("memory_mb"), rs.getInt("output_kb")),
                csv(rs.getString("packages")), released == null ? null : released.toInstant(),
                rs.getObject("team_min_size", Integer.class), rs.getObject("team_max_size", Integer.class));
    }

    private static LinkedHashSet<String> csv(String s) {
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
