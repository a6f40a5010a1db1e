package org.lectern.training;

import java.util.List;
import org.lectern.grading.training.EpochMetrics;

/** A run with every epoch so far, in order: its curves. */
public record TrainingRunDetail(TrainingRun run, List<EpochMetrics> epochs) {

    public TrainingRunDetail {
        epochs = List.copyOf(epochs);
    }
}
