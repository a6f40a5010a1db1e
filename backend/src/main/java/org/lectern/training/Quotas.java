package org.lectern.training;

import java.time.Instant;
import java.time.ZoneId;
import org.lectern.training.internal.TrainingRepository;
import org.springframework.stereotype.Component;

/** Reads a student's and their team's worker time this week; the service and the worker share it. */
@Component
class Quotas {

    private final TrainingRepository repo;

    Quotas(TrainingRepository repo) {
        this.repo = repo;
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
        QuotaUse team = teamId == null ? null : repo.teamUse(teamId, since, settings.teamSecondsPerWeek(), exceptRun);
        return new TrainingQuota(since, TrainingQuota.nextWeekStart(now, zone), student, teamId == null ? null : teamName, team);
    }

    ZoneId zone(long courseId) {
        return repo.timeZone(courseId);
    }
}
