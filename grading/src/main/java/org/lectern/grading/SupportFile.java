package org.lectern.grading;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file an autograder ships besides its pytest files: for the tests' side (a helper module or package, data the
 * tests compare against) or for the student's side (fixtures and data the student's code reads).
 *
 * @param path       a relative path of plain names ({@code helpers/__init__.py}, {@code data/cat.png})
 * @param forStudent whether it goes into the student's folder rather than the tests'
 */
public record SupportFile(String path, byte[] content, boolean forStudent) {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,120}");
    private static final int MAX_DEPTH = 6;

    public SupportFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (!isPlainPath(path)) {
            throw new IllegalArgumentException("support file path must be relative plain names: " + path);
        }
        content = content.clone();
    }

    /** Relative, at most six levels, each a plain name: nothing the harness writes can land outside its folder. */
    public static boolean isPlainPath(String path) {
        String[] segments = path.split("/", -1);
        if (segments.length > MAX_DEPTH) {
            return false;
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".lectern")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
