package org.lectern.grading.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.lectern.grading.model.EvaluationData;
import org.lectern.grading.model.EvaluationDataException;

/**
 * A dataset that ships with Lectern for training runs, in the {@code lectern-eval-v1} format (see models/README.md),
 * packaged on the class path so that the app and its workers find it without a download or a path to configure.
 * Every image of it is for training: the run splits it into training and validation itself ({@link DataSplit}).
 * A model assignment's hidden evaluation data is never one of these.
 *
 * @param key         stored with each run and each course's list of datasets
 * @param title       for people
 * @param description what it is and where it comes from
 * @param images      how many images it holds
 * @param channels    image channels
 * @param height      image height
 * @param width       image width
 * @param classes     how many classes
 * @param divisor     inputs are the stored values divided by this (16 for the digits' 0..16)
 * @param resource    the class-path folder holding data.json, the images and labels.csv
 */
public record TrainingDataset(String key, String title, String description, int images, int channels, int height,
                              int width, int classes, double divisor, String resource) {

    /**
     * scikit-learn's digits, the training split (75 %, stratified, random_state 0) of {@code load_digits}: 1,347
     * grey 8×8 images of handwritten digits, values 0..16. The digits model assignment's hidden data is the other 25 %.
     */
    public static final TrainingDataset DIGITS = new TrainingDataset("digits", "Handwritten digits (8×8)",
            "scikit-learn's digits, training split: 1,347 grey 8×8 images of the digits 0–9 (pixel values 0–16, divided by 16)",
            1347, 1, 8, 8, 10, 16, "/org/lectern/grading/training/datasets/digits/");

    private static final List<String> FILES = List.of("data.json", "images.f32", "labels.csv");

    /** Every dataset that ships. */
    public static List<TrainingDataset> all() {
        return List.of(DIGITS);
    }

    public static Optional<TrainingDataset> byKey(String key) {
        return all().stream().filter(d -> d.key().equals(key)).findFirst();
    }

    /** Images × classes: "1,347 images 1×8×8, 10 classes". */
    public String shape() {
        return String.format(java.util.Locale.ROOT, "%,d images %d×%d×%d, %d classes", images, channels, height, width, classes);
    }

    /** Images in the training part of the split (the rest validate). */
    public int trainImages() {
        return images - DataSplit.validationCount(images, DataSplit.VALIDATION_FRACTION);
    }

    public int validationImages() {
        return images - trainImages();
    }

    public long parameters(Architecture architecture) {
        return architecture.parameters(channels, height, width, classes);
    }

    public long multiplyAdds(Architecture architecture) {
        return architecture.multiplyAdds(channels, height, width, classes);
    }

    /**
     * Reads the dataset from the class path: its files are copied into {@code scratch} (a job's folder) and read from
     * there, so a dataset in a nested jar reads like one on disk.
     */
    public EvaluationData load(Path scratch) throws IOException, EvaluationDataException {
        Path folder = Files.createDirectories(scratch.resolve("dataset-" + key));
        for (String file : FILES) {
            try (InputStream in = TrainingDataset.class.getResourceAsStream(resource + file)) {
                if (in == null) {
                    throw new EvaluationDataException("the " + key + " dataset is not on the class path (" + resource + file + ")");
                }
                Files.copy(in, folder.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        EvaluationData data = EvaluationData.load(folder);
        if (data.size() != images || data.channels() != channels || data.height() != height || data.width() != width
                || data.classes() != classes) {
            throw new EvaluationDataException("the " + key + " dataset on the class path is not the one described ("
                    + data.size() + " images " + data.channels() + "×" + data.height() + "×" + data.width() + ")");
        }
        return data;
    }
}
