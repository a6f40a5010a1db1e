package org.lectern.training;

import java.time.Instant;
import java.time.ZoneId;
import org.lectern.training.internal.TrainingRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Reads a student's and their team's worker time this week; the service and the worker share it. A team's use counts its
 * training runs and its work elsewhere ({@link TeamWorkElsewhere}: notebook runs).
 */
@Component
class Quotas {

    private final TrainingRepository repo;
    private final ObjectProvider<TeamWorkElsewhere> elsewhere;

    Quotas(TrainingRepository repo, ObjectProvider<TeamWorkElsewhere> elsewhere) {
        this.repo = repo;
        this.elsewhere = elsewhere;
    }

    TrainingSettings settings(long courseId) {
        return repo.settings(courseId).orElse(TrainingSettings.DEFAULT);
    }

    /**
     * The quotas of the week that holds {@code now}, in the course's time zone.
     *
     * @param teamId    the team whose quota applies; null for none
     * @param exceptRun a run to leave out (the one being started), or -1
     */
    TrainingQuota of(long courseId, long accountId, Long teamId, String teamName, Instant now, long exceptRun) {
        ZoneId zone = repo.timeZone(courseId);
        TrainingSettings settings = settings(courseId);
        Instant since = TrainingQuota.weekStart(now, zone);
        QuotaUse student = repo.studentUse(courseId, accountId, since, settings.studentSecondsPerWeek(), exceptRun);
        QuotaUse team = teamId == null ? null : withElsewhere(repo.teamUse(teamId, since, settings.teamSecondsPerWeek(), exceptRun),
                teamId, since);
        return new TrainingQuota(since, TrainingQuota.nextWeekStart(now, zone), student, teamId == null ? null : teamName, team);
    }

    /** The team's training use plus its work elsewhere (notebook runs), against the one team allowance. */
    private QuotaUse withElsewhere(QuotaUse training, long teamId, Instant since) {
        double charged = training.chargedSeconds();
        long held = training.heldSeconds();
        for (TeamWorkElsewhere other : elsewhere.orderedStream().toList()) {
            TeamWorkElsewhere.Use use = other.use(teamId, since);
            charged += use.chargedSeconds();
            held += use.heldSeconds();
        }
        return new QuotaUse(training.limitSeconds(), charged, held);
    }

    ZoneId zone(long courseId) {
        return repo.timeZone(courseId);
    }
}
