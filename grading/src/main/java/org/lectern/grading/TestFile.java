package org.lectern.grading;

import java.util.Objects;

/**
 * One pytest file of a visibility group, and the points it is worth in total.
 * A file named {@code conftest.py} is installed as the group's conftest (fixtures) and carries no tests.
 */
public record TestFile(String name, byte[] content, double points) {

    public TestFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        // A plain file name: the harness writes it into the job folder and must not be steered elsewhere.
        if (!name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,120}\\.py")) {
            throw new IllegalArgumentException("test file name must be a plain .py file name: " + name);
        }
        if (!Double.isFinite(points) || points < 0) {
            throw new IllegalArgumentException("points must be finite and not negative: " + points);
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    boolean isConftest() {
        return name.equals("conftest.py");
    }
}
