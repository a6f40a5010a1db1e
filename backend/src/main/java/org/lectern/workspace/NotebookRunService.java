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

    /**
     * A run as pages show it: its cells as they arrived, the last one possibly still running ({@code runningCell}, its
     * lines so far); {@code environment}: the pool environment it was placed on ("pytorch-cuda": the GPU worker), null
     * for any node; {@code cancelling}: someone asked to stop it and its worker has not yet.
     */
    public record Run(long id, long teamId, String fileName, int fileVersion, String startedBy, String status, int codeCells,
            Double seconds, String problem, List<String> packages, Long resultFileId, Instant createdAt, Instant finishedAt,
            List<ExecutedNotebook.Output> cells, Integer runningCell, String environment, boolean cancelling) {
        public boolean ended() {
            return status.equals("FINISHED") || status.equals("FAILED") || status.equals("CANCELLED");
        }

        public boolean onGpu() {
            return NotebookRunQueue.GPU_ENVIRONMENT.equals(environment);
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
        // the team's allowance, used by training runs and notebook runs together (training counts these runs through
        // NotebookRunTime), under the lock training starts take; a notebook run does not use the student's own
        TrainingQuota q = training.lockTeamQuota(team.courseId(), team.id());
        TrainingQuota teamOnly = new TrainingQuota(q.weekStart(), q.renewsAt(), new QuotaUse(Long.MAX_VALUE / 2, 0, 0), team.name(), q.team());
        teamOnly.refusal(limitSeconds, grant.course().timeZone()).ifPresent(r -> {
            throw new ConflictException(r);
        });
        long id = runs.insert(team.id(), team.courseId(), fileId, grant.caller().accountId(), limitSeconds, cells.size());
        queue.enqueue(id);
        return view(runs.run(id).orElseThrow());
    }

    /**
     * A member of the run's team or staff: a queued run ends at once; a running one is stopped by its worker within a
     * second, and the cells that finished are kept (in the run and in the notebook version it stores). Anyone else: 404.
     */
    @Transactional
    public Run cancel(long runId) {
        var r = runs.run(runId).orElseThrow(() -> new NotFoundException("No notebook run " + runId + "."));
        Team team;
        try {
            team = teams.visibleTeam(r.teamId());
        } catch (NotFoundException e) {
            throw new NotFoundException("No notebook run " + runId + ".");
        }
        var grant = access.member(team.courseId());
        long me = grant.caller().accountId();
        if (!grant.isStaff() && !team.has(me)) {
            throw new NotFoundException("No notebook run " + runId + ".");
        }
        if (r.status().equals("QUEUED")
                && runs.end(runId, "CANCELLED", 0.0, "Cancelled by " + grant.caller().displayName() + " before it started.", "", null)) {
            runs.notifyRun(runId);
        } else if (!runs.requestCancel(runId, me)) {
            throw new ConflictException("This run has already ended (" + r.status().toLowerCase(java.util.Locale.ROOT) + ").");
        } else {
            runs.notifyRun(runId);
        }
        return view(runs.run(runId).orElseThrow());
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
        var rows = runs.cells(r.id());
        List<ExecutedNotebook.Output> cells = rows.stream().map(NotebookRunWorker::output).toList();
        Integer running = rows.stream().filter(NotebookRunRepository.CellRow::running).map(NotebookRunRepository.CellRow::cell)
                .findFirst().orElse(null);
        boolean active = r.status().equals("QUEUED") || r.status().equals("RUNNING");
        return new Run(r.id(), r.teamId(), r.fileName(), r.fileVersion(), r.startedBy(), r.status(), r.codeCells(), r.seconds(),
                r.problem(), r.packages().isEmpty() ? List.of() : List.of(r.packages().split("\n")), r.resultFileId(), r.createdAt(),
                r.finishedAt(), cells, active ? running : null, r.environment(), active && r.cancelRequested());
    }
}
