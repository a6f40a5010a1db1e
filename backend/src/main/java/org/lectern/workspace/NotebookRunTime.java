package org.lectern.workspace;

import java.time.Instant;
import org.lectern.training.TeamWorkElsewhere;
import org.lectern.workspace.internal.NotebookRunRepository;
import org.springframework.stereotype.Component;

/** A team's notebook runs, counted in its weekly worker time beside its training runs (the training quota reads this). */
@Component
class NotebookRunTime implements TeamWorkElsewhere {

    private final NotebookRunRepository runs;

    NotebookRunTime(NotebookRunRepository runs) {
        this.runs = runs;
    }

    @Override
    public Use use(long teamId, Instant since) {
        NotebookRunRepository.WeekUse use = runs.weekUse(teamId, since);
        return new Use(use.chargedSeconds(), use.heldSeconds());
    }
}
