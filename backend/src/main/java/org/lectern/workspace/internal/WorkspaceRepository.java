package org.lectern.workspace.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class WorkspaceRepository {

    public record Notes(String markdown, String updatedBy, Instant updatedAt, Long mentorId, String mentorName) {
    }

    public record FileRow(long id, long teamId, String name, int version, String sha256, long sizeBytes, String createdBy, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    public WorkspaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Notes notes(long teamId) {
        return jdbc.sql("""
                        select w.notes, u.display_name, w.notes_updated_at, w.mentor_id, m.display_name
                        from project_workspace w left join account u on u.id = w.notes_updated_by left join account m on m.id = w.mentor_id
                        where w.team_id = ?""")
                .param(teamId)
                .query((rs, i) -> {
                    long mentor = rs.getLong(4);
                    Long mentorId = rs.wasNull() ? null : mentor;
                    Timestamp at = rs.getTimestamp(3);
                    return new Notes(rs.getString(1), rs.getString(2), at == null ? null : at.toInstant(), mentorId, rs.getString(5));
                })
                .optional().orElse(new Notes("", null, null, null, null));
    }

    public void putNotes(long teamId, String markdown, long by) {
        jdbc.sql("""
                insert into project_workspace (team_id, notes, notes_updated_by, notes_updated_at) values (?, ?, ?, now())
                on conflict (team_id) do update set notes = excluded.notes, notes_updated_by = excluded.notes_updated_by,
                  notes_updated_at = now()""").params(teamId, markdown, by).update();
    }

    public void putMentor(long teamId, Long mentorId) {
        jdbc.sql("""
                insert into project_workspace (team_id, mentor_id) values (?, ?)
                on conflict (team_id) do update set mentor_id = excluded.mentor_id""").params(teamId, mentorId).update();
    }

    /** The next version of a file; the team row is locked by the caller, so two uploads of one name cannot clash. */
    public long insertFile(long teamId, String name, String sha256, long size, Long by) {
        return jdbc.sql("""
                        insert into workspace_file (team_id, name, version, sha256, size_bytes, created_by)
                        values (?, ?, coalesce((select max(version) from workspace_file where team_id = ? and name = ?), 0) + 1, ?, ?, ?)
                        returning id""")
                .params(teamId, name, teamId, name, sha256, size, by).query(Long.class).single();
    }

    private static final String FILES = """
            select f.id, f.team_id, f.name, f.version, f.sha256, f.size_bytes, coalesce(a.display_name, ''), f.created_at
            from workspace_file f left join account a on a.id = f.created_by
            """;

    private static FileRow file(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new FileRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getLong(6), rs.getString(7),
                rs.getTimestamp(8).toInstant());
    }

    public Optional<FileRow> file(long fileId) {
        return jdbc.sql(FILES + " where f.id = ?").param(fileId).query(WorkspaceRepository::file).optional();
    }

    /** Every version of every file, newest first within a name. */
    public List<FileRow> files(long teamId) {
        return jdbc.sql(FILES + " where f.team_id = ? order by f.name, f.version desc").param(teamId).query(WorkspaceRepository::file).list();
    }

    public long totalBytes(long teamId) {
        return jdbc.sql("select coalesce(sum(size_bytes), 0) from workspace_file where team_id = ?").param(teamId).query(Long.class).single();
    }
}
