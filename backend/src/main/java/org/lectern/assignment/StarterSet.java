package org.lectern.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.lectern.notebooks.SubmissionArchive;
import org.lectern.notebooks.SubmissionRejectedException;
import org.lectern.notebooks.SubmittedFile;
import org.lectern.notebooks.UploadLimits;
import org.lectern.platform.InvalidInputException;

/** What a starter set may hold, for every way of uploading one (the assignment page, {@code PUT …/starter}). Pure. */
public final class StarterSet {

    /** One uploaded part: a .py or .ipynb file, or a zip of them (folders kept). */
    public record Upload(String fileName, byte[] content) {
    }

    static final Set<String> TYPES = Set.of(".py", ".ipynb");
    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final int MAX_FILES = 200;
    private static final Pattern PATH = Pattern.compile("([A-Za-z0-9_.-]{1,100}/){0,8}[A-Za-z0-9_.-]{1,100}");

    private StarterSet() {
    }

    /**
     * The one rule for starter uploads: .py and .ipynb files in UTF-8, or zips of them (read by {@link SubmissionArchive},
     * the submissions' reader: zip bombs, links and nested archives refused), names of letters, digits, '.', '_' and '-'
     * in folders of the same, each file at least 1 byte, 20 MB in all, 200 files at most, no name twice.
     */
    public static List<SubmittedFile> unpack(List<Upload> uploads) {
        if (uploads == null || uploads.isEmpty()) {
            throw new InvalidInputException("Send the starter files: .py or .ipynb files, or a zip of them.");
        }
        List<SubmittedFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long total = 0;
        for (Upload u : uploads) {
            List<SubmittedFile> unpacked;
            try {
                unpacked = SubmissionArchive.unpack(u.fileName(), u.content() == null ? new byte[0] : u.content(),
                        new UploadLimits(TYPES, MAX_BYTES, MAX_FILES));
            } catch (SubmissionRejectedException e) {
                throw new InvalidInputException("The starter files were not saved: " + e.getMessage());
            }
            for (SubmittedFile f : unpacked) {
                if (!PATH.matcher(f.path()).matches() || f.path().length() > 255
                        || Arrays.stream(f.path().split("/")).anyMatch(segment -> segment.equals(".") || segment.equals(".."))) {
                    throw new InvalidInputException("The starter files were not saved: '" + f.path() + "' is not a plain name "
                            + "(letters, digits, '.', '_' and '-', in folders of the same).");
                }
                if (f.content().length == 0) {
                    throw new InvalidInputException("The starter files were not saved: " + f.path() + " is empty.");
                }
                if (!names.add(f.path().toLowerCase(Locale.ROOT))) {
                    throw new InvalidInputException("The starter files were not saved: " + f.path() + " is there twice.");
                }
                total += f.content().length;
                if (total > MAX_BYTES || files.size() == MAX_FILES) {
                    throw new InvalidInputException("The starter files were not saved: more than 20 MB or "
                            + MAX_FILES + " files in all.");
                }
                files.add(f);
            }
        }
        return files;
    }
}
