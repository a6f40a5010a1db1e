package org.lectern.livemodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lectern.platform.LecternProperties;
import org.springframework.stereotype.Component;

/**
 * The course models shipped inside the app (built from models/ at the repository root by the backend's pom):
 * copied once into the data folder, because ONNX Runtime and the worker process read files, not classpath
 * resources. Nothing is downloaded.
 */
@Component
public class CourseModels {

    public static final String DIGITS = "digits-cnn";
    private static final String RESOURCES = "course-models/";
    private static final List<String> DIGITS_FILES = List.of("digits-cnn-explained.onnx", "digits-train/data.json",
            "digits-train/images.f32", "digits-train/labels.csv");

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
                    for (String file : DIGITS_FILES) {
                        copyOut(file);
                    }
                    models = Map.of(DIGITS, new CourseModel(DIGITS, "Digits CNN (8×8 handwritten digits, 10 classes)",
                            root.resolve("digits-cnn-explained.onnx"), root.resolve("digits-train"), 10));
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
            if (Files.isRegularFile(target) && java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
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
