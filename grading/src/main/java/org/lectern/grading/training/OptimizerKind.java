package org.lectern.grading.training;

import java.util.Locale;
import java.util.Optional;

/** The optimizers a run may use (weight decay is L2 added to the gradient, as PyTorch's {@code weight_decay}). */
public enum OptimizerKind {
    SGD("sgd", "SGD"),
    SGD_MOMENTUM("sgd-momentum", "SGD + momentum 0.9"),
    ADAM("adam", "Adam (β1 0.9, β2 0.999)");

    /** The momentum of {@link #SGD_MOMENTUM}. */
    public static final float MOMENTUM = 0.9f;

    private final String key;
    private final String label;

    OptimizerKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<OptimizerKind> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (OptimizerKind o : values()) {
            if (o.key.equals(k)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
