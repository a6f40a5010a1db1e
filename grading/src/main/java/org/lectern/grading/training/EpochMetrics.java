package org.lectern.grading.training;

/**
 * One epoch of a run. A loss is null when it was not a finite number (the run diverged).
 *
 * @param epoch              1-based
 * @param trainLoss          mean cross-entropy over the epoch's minibatches, as they were trained
 * @param trainAccuracy      share of training images classified right during the epoch, 0..1
 * @param validationLoss     mean cross-entropy on the validation split after the epoch
 * @param validationAccuracy share of validation images classified right after the epoch, 0..1
 * @param seconds            the epoch's training and validation time
 */
public record EpochMetrics(int epoch, Double trainLoss, double trainAccuracy, Double validationLoss,
                           double validationAccuracy, double seconds) {

    /** A loss as stored: null for NaN and infinities. */
    public static Double finite(double loss) {
        return Double.isFinite(loss) ? loss : null;
    }

    public boolean diverged() {
        return trainLoss == null || validationLoss == null;
    }
}
