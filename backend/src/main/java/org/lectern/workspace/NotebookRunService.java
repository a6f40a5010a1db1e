package org.lectern.workspace;

import java.time.Instant;
import java.util.List;
import org.lectern.course.CourseAccess;
import org.lectern.notebooks.Notebook;
import org.lectern.platform.ConflictException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.project.Team;
import org.lectern.project.TeamService;
import org.lectern.training.QuotaUse;
import org.lectern.training.TrainingQuota;
import org.lectern.training.TrainingService;
import org.lectern.workspace.internal.NotebookRunRepository;
import org.lectern.workspace.internal.WorkspaceRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notebook runs on the pool: a team member runs a workspace notebook top to bottom on a worker, within the team's weekly
 * worker time (the training quota's team allowance, {@link TrainingQuota}, with notebook runs counted beside training
 * runs); the run and its pool job are stored in one transaction. The team's members and staff see its runs.
 */
@Service
public class NotebookRunService {

    /** A run as pages show it: its cells as they arrived. */
    public record Run(long id, long teamId, String fileName, int fileVersion, String startedBy, String status, int codeCells,
            Double seconds, String problem, List<String> packages, Long resultFileId, Instant createdAt, Instant finishedAt,
            List<ExecutedNotebook.Output> cells) {
        public boolean ended() {
            return status.equals("FINISHED") || status.equals("FAILED");
        }
    }

    private final NotebookRunRepository runs;
    private final WorkspaceRepository files;
    private final WorkspaceService workspaces;
    private final TeamService teams;
    private final TrainingService training;
    private final CourseAccess access;
    private final NotebookRunQueue queue;
    private final int limitSeconds;

    NotebookRunService(NotebookRunRepository runs, WorkspaceRepository files, WorkspaceService workspaces, TeamService teams,
            TrainingService training, CourseAccess access, NotebookRunQueue queue,
            @Value("${lectern.notebook.run-seconds:120}") int limitSeconds) {
        this.runs = runs;
        this.files = files;
        this.workspaces = workspaces;
        this.teams = teams;
        this.training = training;
        this.access = access;
        this.queue = queue;
        this.limitSeconds = limitSeconds;
    }

    /** A member of the file's team: runs this version of the notebook on the pool. */
    @Transactional
    public Run start(long fileId) {
        var content = workspaces.file(fileId); // members and staff only; 404 for anyone else
        var row = files.file(fileId).orElseThrow();
        Team team = teams.visibleTeam(row.teamId());
        var grant = access.member(team.courseId());
        if (!team.has(grant.caller().accountId())) {
            throw new ConflictException("Only the team's members run its notebooks (on the team's worker time).");
        }
        if (!content.file().notebook()) {
            throw new InvalidInputException(content.file().name() + " is not a notebook (.ipynb).");
        }
        List<String> cells = ExecutedNotebook.codeCells(Notebook.parse(content.content()));
        runs.lockTeamQuota(team.id());
        TrainingQuota q = training.quota(team.courseId());
        NotebookRunRepository.WeekUse nb = runs.weekUse(team.id(), q.weekStart());
        QuotaUse t = q.team();
        // the team's allowance, used by training runs and notebook runs together; a notebook run does not use the student's own
        TrainingQuota teamOnly = new TrainingQuota(q.weekStart(), q.renewsAt(), new QuotaUse(Long.MAX_VALUE / 2, 0, 0), team.name(),
                new QuotaUse(t.limitSeconds(), t.chargedSeconds() + nb.chargedSeconds(), t.heldSeconds() + nb.heldSeconds()));
        teamOnly.refusal(limitSeconds, grant.course().timeZone()).ifPresent(r -> {
            throw new ConflictException(r);
        });
        long id = runs.insert(team.id(), team.courseId(), fileId, grant.caller().accountId(), limitSeconds, cells.size());
        queue.enqueue(id);
        return view(runs.run(id).orElseThrow());
    }

    /** Members and staff: the team's latest runs. */
    @Transactional(readOnly = true)
    public List<Run> runs(long teamId) {
        teams.visibleTeam(teamId);
        return runs.runs(teamId).stream().map(this::view).toList();
    }

    /** Members and staff: one run with its cells so far. */
    @Transactional(readOnly = true)
    public Run run(long runId) {
        var r = runs.run(runId).orElseThrow(() -> new NotFoundException("No notebook run " + runId + "."));
        try {
            teams.visibleTeam(r.teamId());
        } catch (NotFoundException e) {
            throw new NotFoundException("No notebook run " + runId + ".");
        }
        return view(r);
    }

    Run view(NotebookRunRepository.RunRow r) {
        List<ExecutedNotebook.Output> cells = runs.cells(r.id()).stream().map(NotebookRunWorker::output).toList();
        return new Run(r.id(), r.teamId(), r.fileName(), r.fileVersion(), r.startedBy(), r.status(), r.codeCells(), r.seconds(),
                r.problem(), r.packages().isEmpty() ? List.of() : List.of(r.packages().split("\n")), r.resultFileId(), r.createdAt(),
                r.finishedAt(), cells);
    }
}
