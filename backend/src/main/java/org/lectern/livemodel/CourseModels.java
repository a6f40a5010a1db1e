package org.lectern.livemodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.lectern.grading.model.EvaluationData;
import org.lectern.grading.model.EvaluationDataException;
import org.lectern.grading.training.TrainingDataset;
import org.lectern.platform.LecternProperties;
import org.springframework.stereotype.Component;

/**
 * The course models shipped inside the app (built from models/ at the repository root by the backend's pom, the
 * dataset by the grading module's):
 * copied once into the data folder, because ONNX Runtime and the worker process read files, not classpath
 * resources. Nothing is downloaded.
 */
@Component
public class CourseModels {

    public static final String DIGITS = "digits-cnn";
    private static final String RESOURCES = "course-models/";
    private static final String DIGITS_ONNX = "digits-cnn-explained.onnx";

    private final Path root;
    private volatile Map<String, CourseModel> models;

    CourseModels(LecternProperties props) {
        this.root = props.dataDir().toAbsolutePath().resolve("course-models");
    }

    /** The model with this key, its files in place. */
    public Optional<CourseModel> find(String key) {
        return Optional.ofNullable(all().get(key));
    }

    public Map<String, CourseModel> all() {
        Map<String, CourseModel> known = models;
        if (known == null) {
            synchronized (this) {
                if (models == null) {
                    copyOut(DIGITS_ONNX);
                    // The course dataset is the training playground's: one copy in the jar, read the same way.
                    TrainingDataset digits = TrainingDataset.DIGITS;
                    EvaluationData examples;
                    try {
                        examples = digits.load(root);
                    } catch (IOException | EvaluationDataException e) {
                        throw new IllegalStateException("the course dataset could not be read: " + e.getMessage(), e);
                    }
                    models = Map.of(DIGITS, new CourseModel(DIGITS, "Digits CNN (8×8 handwritten digits, 10 classes)",
                            root.resolve(DIGITS_ONNX), examples, digits.classes()));
                }
                known = models;
            }
        }
        return known;
    }

    private void copyOut(String file) {
        try (InputStream in = CourseModels.class.getClassLoader().getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("the app was built without " + RESOURCES + file
                        + " (models/ at the repository root); rebuild it");
            }
            Path target = root.resolve(file);
            byte[] bytes = in.readAllBytes();
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return;
            }
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), ".part-", "");
            Files.write(partial, bytes);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the course model file " + file + " to " + root, e);
        }
    }
}
