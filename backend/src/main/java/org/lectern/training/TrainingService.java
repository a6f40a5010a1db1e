package org.lectern.training;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.lectern.course.CourseAccess;
import org.lectern.grading.training.TrainingConfig;
import org.lectern.grading.training.TrainingCost;
import org.lectern.grading.training.TrainingDataset;
import org.lectern.grading.training.TrainingPreset;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;
import org.lectern.platform.audit.AuditLog;
import org.lectern.project.Team;
import org.lectern.project.TeamService;
import org.lectern.schedule.CourseItem;
import org.lectern.schedule.CourseItemDraft;
import org.lectern.schedule.ScheduleService;
import org.lectern.training.internal.TrainingRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The training playground: students pick a small network and its hyperparameters for one of the course's datasets, see
 * the cost and their remaining worker time before they start, and the pool trains it (never this process) while the
 * curves arrive. Quotas of worker seconds per student and per team per week; runs are charged their measured time.
 * Students see their own runs and their team's; staff see every run of the course.
 */
@Service
public class TrainingService {

    /** How many runs one comparison shows side by side. */
    public static final int MAX_COMPARED = 8;

    private final TrainingRepository repo;
    private final Quotas quotas;
    private final TrainingQueue queue;
    private final CourseAccess access;
    private final TeamService teams;
    private final ScheduleService schedule;
    private final AuditLog audit;
    private final Clock clock;

    TrainingService(TrainingRepository repo, Quotas quotas, TrainingQueue queue, CourseAccess access, TeamService teams,
                    ScheduleService schedule, AuditLog audit, Clock clock) {
        this.schedule = schedule;
        this.repo = repo;
        this.quotas = quotas;
        this.queue = queue;
        this.access = access;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
    }

    /** Anyone in the course: the ready-made choices (the course notes' hyperparameter recipe). */
    @Transactional(readOnly = true)
    public List<TrainingPreset> presets(long courseId) {
        access.member(courseId);
        return TrainingPreset.all();
    }

    /** Anyone in the course: the datasets its runs may train on. */
    @Transactional(readOnly = true)
    public List<TrainingDataset> datasets(long courseId) {
        access.member(courseId);
        return repo.datasets(courseId).stream().map(TrainingDataset::byKey).flatMap(Optional::stream).toList();
    }

    /** Instructors: offers a dataset that ships with Lectern to the course's runs. */
    @Transactional
    public List<TrainingDataset> addDataset(long courseId, String key) {
        var grant = access.instructor(courseId);
        TrainingDataset dataset = TrainingDataset.byKey(key == null ? "" : key.strip()).orElseThrow(() -> new InvalidInputException(
                "There is no training dataset '" + key + "'; Lectern ships " + String.join(", ",
                        TrainingDataset.all().stream().map(TrainingDataset::key).toList()) + "."));
        if (repo.addDataset(courseId, dataset.key(), grant.caller().accountId())) {
            audit.record(grant.caller().accountId(), courseId, "training.dataset", dataset.key());
        }
        return datasets(courseId);
    }

    /**
     * Staff: puts the playground on the schedule, beside the lecture that teaches training (or unplaced when null), so
     * that students find it where the recipe is taught.
     */
    @Transactional
    public CourseItem placeOnSchedule(long courseId, Long lectureId) {
        access.staff(courseId);
        return schedule.registerItem(courseId, new CourseItemDraft(CourseItem.Kind.EXERCISE, "Playground",
                "Training playground: train a small network and compare runs", lectureId, null, null, route(courseId), false));
    }

    /** Where the playground lives in the web app. */
    public static String route(long courseId) {
        return "courses/" + courseId + "/training";
    }

    /** Anyone in the course: its quotas. */
    @Transactional(readOnly = true)
    public TrainingSettings settings(long courseId) {
        access.member(courseId);
        return quotas.settings(courseId);
    }

    /** Instructors: the quotas; 0 stops new runs. */
    @Transactional
    public TrainingSettings updateSettings(long courseId, TrainingSettings s) {
        var grant = access.instructor(courseId);
        if (s == null || s.studentSecondsPerWeek() < 0 || s.studentSecondsPerWeek() > TrainingSettings.MAX_SECONDS
                || s.teamSecondsPerWeek() < 0 || s.teamSecondsPerWeek() > TrainingSettings.MAX_SECONDS) {
            throw new InvalidInputException("Quotas are whole seconds per week from 0 to " + TrainingSettings.MAX_SECONDS + ".");
        }
        repo.putSettings(courseId, s, grant.caller().accountId());
        audit.record(grant.caller().accountId(), courseId, "training.quotas", s.studentSecondsPerWeek() + " s per student, "
                + s.teamSecondsPerWeek() + " s per team");
        return s;
    }

    /** Anyone in the course: their worker time this week (and their team's). */
    @Transactional(readOnly = true)
    public TrainingQuota quota(long courseId) {
        var grant = access.member(courseId);
        Optional<Team> team = teams.myTeam(courseId);
        return quotas.of(courseId, grant.caller().accountId(), team.map(Team::id).orElse(null), team.map(Team::name).orElse(null),
                clock.instant(), -1);
    }

    /** Anyone in the course: what the run would cost and whether it may start now; the choices are checked as for a start. */
    @Transactional(readOnly = true)
    public TrainingEstimate estimate(long courseId, TrainingDraft draft) {
        access.member(courseId);
        Checked c = check(courseId, draft);
        TrainingQuota quota = quota(courseId);
        long seconds = TrainingCost.estimateSeconds(c.dataset(), c.config());
        String refusal = quota.refusal(seconds, quotas.zone(courseId)).orElse(null);
        return new TrainingEstimate(c.dataset().key(), c.config().architecture().key(), c.dataset().parameters(c.config().architecture()),
                c.dataset().trainImages(), c.dataset().validationImages(), seconds, quota, refusal == null, refusal);
    }

    /** Anyone in the course: queues a run, if its estimate fits the caller's quotas (and their team's). */
    @Transactional
    public TrainingRun start(long courseId, TrainingDraft draft) {
        var grant = access.member(courseId);
        Checked c = check(courseId, draft);
        long me = grant.caller().accountId();
        Optional<Team> team = teams.myTeam(courseId);
        repo.lockQuota(courseId + ":" + me);
        team.ifPresent(t -> repo.lockQuota("team:" + t.id()));
        TrainingQuota quota = quotas.of(courseId, me, team.map(Team::id).orElse(null), team.map(Team::name).orElse(null),
                clock.instant(), -1);
        long seconds = TrainingCost.estimateSeconds(c.dataset(), c.config());
        quota.refusal(seconds, quotas.zone(courseId)).ifPresent(reason -> {
            throw new ConflictException(reason);
        });
        long runId = repo.insert(courseId, me, team.map(Team::id).orElse(null), c.dataset().key(), c.config(), seconds, clock.instant());
        queue.enqueue(runId);
        return repo.run(runId).orElseThrow();
    }

    /**
     * For other work on the team's allowance (notebook runs), inside the caller's transaction: takes the team's quota lock
     * (the one training starts take, so the two kinds of start never both fit the last seconds) and returns the quotas of
     * the caller, a member of {@code teamId}.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public TrainingQuota lockTeamQuota(long courseId, long teamId) {
        var grant = access.member(courseId);
        Optional<Team> team = teams.myTeam(courseId).filter(t -> t.id() == teamId);
        if (team.isEmpty()) {
            throw new ConflictException("Only the team's members use its worker time.");
        }
        repo.lockQuota("team:" + teamId);
        return quotas.of(courseId, grant.caller().accountId(), teamId, team.get().name(), clock.instant(), -1);
    }

    /** The run's owner or staff: a queued run ends at once; a running one is stopped by its worker within a second. */
    @Transactional
    public TrainingRun cancel(long runId) {
        TrainingRun run = repo.run(runId).orElseThrow(() -> noRun(runId));
        var grant = access.member(run.courseId());
        if (!grant.isStaff() && run.accountId() != grant.caller().accountId()) {
            if (visibleTo(grant, run)) {
                throw new ForbiddenException("Only " + run.studentName() + " (or staff) can cancel this run.");
            }
            throw noRun(runId);
        }
        if (!run.state().active()) {
            throw new ConflictException("This run has already ended (" + run.state().label() + ").");
        }
        if (run.state() == RunState.QUEUED && repo.finish(runId, RunState.CANCELLED, 0.0, "Cancelled before it started.", clock.instant())) {
            repo.notifyChanged(runId);
        } else {
            repo.requestCancel(runId);
        }
        return repo.run(runId).orElseThrow();
    }

    /** Students: their runs and their team's; staff: every run of the course. Newest first. */
    @Transactional(readOnly = true)
    public List<TrainingRun> runs(long courseId) {
        var grant = access.member(courseId);
        if (grant.isStaff()) {
            return repo.runs(courseId, null, null);
        }
        Long teamId = teams.myTeam(courseId).map(Team::id).orElse(null);
        return repo.runs(courseId, grant.caller().accountId(), teamId);
    }

    /** A run with its epochs, for whoever may see it. */
    @Transactional(readOnly = true)
    public TrainingRunDetail run(long runId) {
        TrainingRun run = repo.run(runId).orElseThrow(() -> noRun(runId));
        var grant = access.member(run.courseId());
        if (!visibleTo(grant, run)) {
            throw noRun(runId);
        }
        return new TrainingRunDetail(run, repo.epochs(runId));
    }

    /** Two to {@value #MAX_COMPARED} runs of the course, side by side, in the order asked. */
    @Transactional(readOnly = true)
    public List<TrainingRunDetail> compare(long courseId, List<Long> runIds) {
        var grant = access.member(courseId);
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(runIds == null ? List.of() : runIds));
        if (ids.size() < 2 || ids.size() > MAX_COMPARED) {
            throw new InvalidInputException("Choose 2 to " + MAX_COMPARED + " runs to compare (you chose " + ids.size() + ").");
        }
        List<TrainingRun> found = repo.runsByIds(ids);
        List<TrainingRunDetail> out = new ArrayList<>();
        for (long id : ids) {
            TrainingRun run = found.stream().filter(r -> r.id() == id).findFirst().orElseThrow(() -> noRun(id));
            if (run.courseId() != courseId || !visibleTo(grant, run)) {
                throw noRun(id);
            }
            out.add(new TrainingRunDetail(run, repo.epochs(id)));
        }
        return out;
    }

    private boolean visibleTo(CourseAccess.Grant grant, TrainingRun run) {
        if (grant.isStaff() || run.accountId() == grant.caller().accountId()) {
            return true;
        }
        return run.teamId() != null && teams.myTeam(run.courseId()).map(t -> t.id() == run.teamId()).orElse(false);
    }

    private record Checked(TrainingDataset dataset, TrainingConfig config) {
    }

    private Checked check(long courseId, TrainingDraft draft) {
        if (draft == null) {
            throw new InvalidInputException("Send the run's choices: dataset, architecture, optimizer, learningRate, batchSize, weightDecay, epochs.");
        }
        List<String> offered = repo.datasets(courseId);
        if (offered.isEmpty()) {
            throw new ConflictException("This course offers no training dataset yet; its instructors can add one.");
        }
        String key = draft.dataset() == null || draft.dataset().isBlank() ? offered.getFirst() : draft.dataset().strip();
        if (!offered.contains(key)) {
            throw new InvalidInputException("This course offers no dataset '" + key + "'; it offers " + String.join(", ", offered) + ".");
        }
        TrainingDataset dataset = TrainingDataset.byKey(key).orElseThrow(() -> new InvalidInputException("No dataset '" + key + "'."));
        return new Checked(dataset, draft.config());
    }

    private static NotFoundException noRun(long runId) {
        return new NotFoundException("No training run " + runId + " among those you can see.");
    }
}
