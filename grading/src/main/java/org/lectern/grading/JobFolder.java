package org.lectern.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removing what a job left on disk (its work folder, a worker's job folder, unpacked uploads). */
public final class JobFolder {

    private static final Logger log = LoggerFactory.getLogger(JobFolder.class);

    private JobFolder() {
    }

    /**
     * Deletes the folder and everything in it, without following links (a student's symlink must not reach outside);
     * what cannot be removed is logged, not thrown: a leftover file must not fail the job that made it. Null or
     * missing: nothing to do.
     */
    public static void delete(Path root) {
        if (root == null || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) { // walk does not follow links
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.debug("could not delete {}: {}", path, e.toString());
                }
            });
        } catch (IOException e) {
            log.warn("could not clean up {}: {}", root, e.toString());
        }
    }
}
