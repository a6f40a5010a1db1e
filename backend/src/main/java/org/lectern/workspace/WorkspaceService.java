package org.lectern.workspace;

import java.time.Instant;
import java.util.List;
import org.lectern.course.CourseAccess;
import org.lectern.notebooks.Notebook;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.platform.blob.BlobStore;
import org.lectern.project.Team;
import org.lectern.project.TeamService;
import org.lectern.workspace.internal.WorkspaceRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A team's project workspace: a page of notes (Markdown; pages render it through the sanitiser), versioned files
 * (notebooks checked as notebooks), and a mentor TA. The team's members and the course's staff see it; anyone else,
 * classmates included, is told no such team exists.
 */
@Service
public class WorkspaceService {

    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    public static final long MAX_TEAM_BYTES = 100L * 1024 * 1024;
    public static final int MAX_NOTES = 100_000;

    /** A version of a file. */
    public record FileVersion(long id, String name, int version, long sizeBytes, String createdBy, Instant createdAt) {
        public boolean notebook() {
            return name.endsWith(".ipynb");
        }
    }

    public record Workspace(Team team, String notes, String notesUpdatedBy, Instant notesUpdatedAt, Long mentorId, String mentorName,
            List<FileVersion> files) {
    }

    /** A version's content, for downloads and rendering. */
    public record FileContent(FileVersion file, byte[] content) {
    }

    private final TeamService teams;
    private final WorkspaceRepository repo;
    private final BlobStore blobs;
    private final CourseAccess access;
    private final AuditLog audit;

    WorkspaceService(TeamService teams, WorkspaceRepository repo, BlobStore blobs, CourseAccess access, AuditLog audit) {
        this.teams = teams;
        this.repo = repo;
        this.blobs = blobs;
        this.access = access;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Workspace workspace(long teamId) {
        Team team = visible(teamId);
        var n = repo.notes(teamId);
        return new Workspace(team, n.markdown(), n.updatedBy(), n.updatedAt(), n.mentorId(), n.mentorName(),
                repo.files(teamId).stream().map(WorkspaceService::version).toList());
    }

    /** Members and staff: the notes page, replaced whole. */
    @Transactional
    public Workspace saveNotes(long teamId, String markdown) {
        Team team = visible(teamId);
        String m = markdown == null ? "" : markdown;
        if (m.length() > MAX_NOTES) {
            throw new InvalidInputException("Notes take at most " + MAX_NOTES + " characters.");
        }
        repo.putNotes(teamId, m, me(team));
        return workspace(teamId);
    }

    /** Members and staff: a new version of a file (the first one if the name is new). */
    @Transactional
    public FileVersion upload(long teamId, String name, byte[] content) {
        Team team = visible(teamId);
        String n = name == null ? "" : name.strip();
        if (!n.matches("[A-Za-z0-9][A-Za-z0-9._ -]{0,99}") || n.contains("..")) {
            throw new InvalidInputException("A file name is 1 to 100 letters, digits, spaces, dots, - or _, starting with a letter or digit.");
        }
        if (content == null || content.length == 0 || content.length > MAX_FILE_BYTES) {
            throw new InvalidInputException("A workspace file has 1 byte to " + MAX_FILE_BYTES / (1024 * 1024) + " MB.");
        }
        if (repo.totalBytes(teamId) + content.length > MAX_TEAM_BYTES) {
            throw new InvalidInputException("The workspace is full (" + MAX_TEAM_BYTES / (1024 * 1024) + " MB per team, all versions).");
        }
        if (n.endsWith(".ipynb")) {
            try {
                Notebook.parse(content);
            } catch (RuntimeException e) {
                throw new InvalidInputException(n + " is not a Jupyter notebook: " + e.getMessage());
            }
        }
        long id;
        try {
            id = repo.insertFile(teamId, n, blobs.put(content), content.length, me(team));
        } catch (org.springframework.dao.DuplicateKeyException e) { // a teammate saved the same file at this moment
            throw new org.lectern.platform.ConflictException("A teammate saved " + n + " at this moment; try again.");
        }
        audit.record(me(team), team.courseId(), "workspace.file", team.name() + " " + n);
        return version(repo.file(id).orElseThrow());
    }

    /** Members and staff: one version's content. */
    @Transactional(readOnly = true)
    public FileContent file(long fileId) {
        var row = repo.file(fileId).orElseThrow(() -> new NotFoundException("No file " + fileId + "."));
        try {
            visible(row.teamId());
        } catch (NotFoundException e) {
            throw new NotFoundException("No file " + fileId + "."); // the same answer whether it exists or not
        }
        return new FileContent(version(row), blobs.get(row.sha256()).orElseThrow());
    }

    /** Staff: the team's mentor, a TA or instructor of the course (null: none). */
    @Transactional
    public Workspace setMentor(long teamId, Long mentorId) {
        Team team = teams.visibleTeam(teamId);
        var grant = access.staff(team.courseId());
        if (mentorId != null) {
            boolean staff = teams.staffOf(team.courseId()).stream().anyMatch(p -> p.accountId() == mentorId);
            if (!staff) {
                throw new InvalidInputException("A mentor is one of the course's TAs or instructors.");
            }
        }
        repo.putMentor(teamId, mentorId);
        audit.record(grant.caller().accountId(), team.courseId(), "workspace.mentor", team.name() + " " + mentorId);
        return workspace(teamId);
    }

    /** Staff: the people who can mentor (TAs and instructors). */
    @Transactional(readOnly = true)
    public List<Team.Member> mentors(long courseId) {
        access.staff(courseId);
        return teams.staffOf(courseId);
    }

    /** The team, if the caller is one of its members or the course's staff; otherwise as if it did not exist. */
    private Team visible(long teamId) {
        return teams.visibleTeam(teamId);
    }

    private long me(Team team) {
        return access.member(team.courseId()).caller().accountId();
    }

    private static FileVersion version(WorkspaceRepository.FileRow r) {
        return new FileVersion(r.id(), r.name(), r.version(), r.sizeBytes(), r.createdBy(), r.createdAt());
    }
}
