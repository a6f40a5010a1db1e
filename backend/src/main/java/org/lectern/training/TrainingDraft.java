package org.lectern.training;

import org.lectern.grading.training.TrainingConfig;
import org.lectern.grading.training.TrainingPreset;
import org.lectern.platform.InvalidInputException;

/**
 * A run as the form or a script asks for it: the dataset, the architecture and optimizer by key ({@code mlp1-64},
 * {@code adam}), the hyperparameters; a missing seed is 42.
 */
public record TrainingDraft(String dataset, String architecture, String optimizer, Double learningRate, Integer batchSize,
                            Double weightDecay, Integer epochs, Long seed) {

    public static TrainingDraft of(String dataset, TrainingConfig c) {
        return new TrainingDraft(dataset, c.architecture().key(), c.optimizer().key(), c.learningRate(), c.batchSize(), c.weightDecay(),
                c.epochs(), c.seed());
    }

    public static TrainingDraft of(String dataset, TrainingPreset preset) {
        return of(dataset, preset.config());
    }

    /** The checked configuration; every problem at once as a 400 otherwise. */
    public TrainingConfig config() {
        try {
            return TrainingConfig.of(architecture, optimizer, learningRate, batchSize, weightDecay, epochs, seed);
        } catch (TrainingConfig.InvalidException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}
