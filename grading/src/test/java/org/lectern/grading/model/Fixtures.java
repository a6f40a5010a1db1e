package org.lectern.grading.model;

import java.nio.file.Files;
import java.nio.file.Path;

/** The committed models and evaluation data under models/ at the repository root, and the digits assignment. */
public final class Fixtures {

    /** The digits assignment: [N,1,8,8] float32, pixels / 16, 10 classes, 1 MiB, a million parameters. */
    public static final ModelSpec DIGITS = ModelSpec.of(1, 8, 8, Layout.NCHW, Normalisation.dividedBy(16), 10,
            1L << 20, 1_000_000);

    private Fixtures() {
    }

    public static Path models() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("models/train_digits.py"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("models/train_digits.py not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("models");
    }

    public static Path model(String name) {
        return models().resolve(name);
    }

    public static Path fixture(String name) {
        return models().resolve("fixtures").resolve(name);
    }

    public static Path evalData() {
        return models().resolve("digits-eval");
    }
}
