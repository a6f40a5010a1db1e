package org.lectern.grading.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A training dataset's fixed split into training and validation images: stratified (each class keeps its share in
 * both parts) and seeded, so that every run of every student validates on the same images and curves compare.
 *
 * @param train      indices of the training images, ascending
 * @param validation indices of the validation images, ascending
 */
public record DataSplit(int[] train, int[] validation) {

    /** A fifth of each class validates. */
    public static final double VALIDATION_FRACTION = 0.2;
    /** The split's own seed: not the run's, so that changing a run's seed never moves an image between the parts. */
    public static final long SPLIT_SEED = 541;

    /** The standard split: {@link #VALIDATION_FRACTION} of each class, seed {@link #SPLIT_SEED}. */
    public static DataSplit of(int[] labels, int classes) {
        return stratified(labels, classes, VALIDATION_FRACTION, SPLIT_SEED);
    }

    /**
     * Per class, its images shuffled with the seed and {@code round(n·fraction)} of them validate; but the total is
     * exactly {@link #validationCount}, largest remainders first, so that the parts' sizes never depend on rounding luck.
     */
    public static DataSplit stratified(int[] labels, int classes, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the validation fraction must be between 0 and 1");
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i + " is outside 0.." + (classes - 1));
            }
            byClass.get(labels[i]).add(i);
        }
        int total = validationCount(labels.length, fraction);
        int[] take = new int[classes];
        double[] remainder = new double[classes];
        int given = 0;
        for (int c = 0; c < classes; c++) {
            double exact = byClass.get(c).size() * fraction;
            take[c] = (int) Math.floor(exact);
            remainder[c] = exact - take[c];
            given += take[c];
        }
        Integer[] order = new Integer[classes];
        for (int c = 0; c < classes; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> remainder[a] != remainder[b] ? Double.compare(remainder[b], remainder[a]) : Integer.compare(a, b));
        for (int k = 0; given < total && k < classes; k++) {
            if (take[order[k]] < byClass.get(order[k]).size()) {
                take[order[k]]++;
                given++;
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] validation = new boolean[labels.length];
        for (int c = 0; c < classes; c++) {
            List<Integer> members = byClass.get(c);
            int[] shuffled = members.stream().mapToInt(Integer::intValue).toArray();
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            for (int i = 0; i < take[c]; i++) {
                validation[shuffled[i]] = true;
            }
        }
        int[] train = new int[labels.length - given];
        int[] val = new int[given];
        int t = 0;
        int v = 0;
        for (int i = 0; i < labels.length; i++) {
            if (validation[i]) {
                val[v++] = i;
            } else {
                train[t++] = i;
            }
        }
        return new DataSplit(train, val);
    }

    /** How many of {@code images} validate: {@code round(images · fraction)}, at least 1 and leaving at least 1 to train. */
    public static int validationCount(int images, double fraction) {
        if (images < 2) {
            throw new IllegalArgumentException("a split needs at least 2 images");
        }
        return (int) Math.min(images - 1, Math.max(1, Math.round(images * fraction)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSplit other && Arrays.equals(train, other.train) && Arrays.equals(validation, other.validation);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(train) + Arrays.hashCode(validation);
    }

    @Override
    public String toString() {
        return "DataSplit[" + train.length + " train, " + validation.length + " validation]";
    }
}
