package org.lectern.grading.training;

/**
 * Ready-made choices for the playground, after the hyperparameter recipe of the course notes (seed 003, lecture 8:
 * "How to choose hyperparameters without Google-level compute"), and one run that goes wrong on purpose.
 *
 * @param title  for the form
 * @param advice the recipe's words for this step
 * @param config the choices it fills in
 */
public record TrainingPreset(String key, String title, String advice, TrainingConfig config) {

    public static final TrainingPreset SANITY_CHECK = new TrainingPreset("recipe-1", "Recipe step 1: check the initial loss",
            "Weight decay off, one epoch of a linear model: the loss should start near ln 10 ≈ 2.3 (ten classes) and fall.",
            new TrainingConfig(Architecture.linear(), OptimizerKind.SGD, 0.1, 64, 0, 1, TrainingConfig.DEFAULT_SEED));

    public static final TrainingPreset COARSE_SEARCH = new TrainingPreset("recipe-4", "Recipe step 4: coarse search",
            "A few models for one or two epochs each; learning rates from 1e-1 to 1e-4, weight decays 1e-4, 1e-5 and 0.",
            new TrainingConfig(Architecture.mlp1(64), OptimizerKind.ADAM, 1e-3, 64, 1e-4, 2, TrainingConfig.DEFAULT_SEED));

    public static final TrainingPreset TRAIN_LONGER = new TrainingPreset("recipe-5", "Recipe step 5: train the best one longer",
            "The best model of the coarse search for 10–20 epochs without learning-rate decay; then read the curves.",
            new TrainingConfig(Architecture.cnn(16), OptimizerKind.ADAM, 1e-3, 64, 1e-4, 15, TrainingConfig.DEFAULT_SEED));

    public static final TrainingPreset TOO_HIGH = new TrainingPreset("lr-too-high", "What a learning rate that is too high does",
            "SGD at learning rate 10: the first steps blow the weights up, the ReLUs die and accuracy stays at chance (10 %)."
                    + " Compare its curves with the coarse search's.",
            new TrainingConfig(Architecture.mlp1(64), OptimizerKind.SGD, 10, 8, 0, 3, TrainingConfig.DEFAULT_SEED));

    public static java.util.List<TrainingPreset> all() {
        return java.util.List.of(SANITY_CHECK, COARSE_SEARCH, TRAIN_LONGER, TOO_HIGH);
    }

    public static java.util.Optional<TrainingPreset> byKey(String key) {
        return all().stream().filter(p -> p.key().equals(key)).findFirst();
    }
}
