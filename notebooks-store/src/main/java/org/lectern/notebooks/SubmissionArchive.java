package org.lectern.notebooks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Accepts an upload (one .py/.ipynb file, or a .zip of them) and returns its files, refusing anything
 * that could hurt the server or confuse grading. Nothing is written to disk; a zip is read as a stream
 * and sizes are counted as bytes come out, never taken from its headers.
 */
public final class SubmissionArchive {

    /** Entries below this size are too small to matter even when highly compressed. */
    static final long RATIO_CHECK_MIN_BYTES = 1024 * 1024;
    static final long MAX_RATIO = 100;

    private static final Set<String> SKIPPED_FOLDERS = Set.of("__MACOSX", ".ipynb_checkpoints");
    private static final Set<String> SKIPPED_FILES = Set.of(".DS_Store");
    private static final Set<String> ARCHIVE_EXTENSIONS = Set.of(".zip", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar");
    private static final Set<String> TEXT_EXTENSIONS = Set.of(".py", ".ipynb");

    private SubmissionArchive() {}

    public static List<SubmittedFile> unpack(String fileName, byte[] bytes, UploadLimits limits) {
        String name = baseName(fileName);
        if (bytes.length == 0) {
            throw new SubmissionRejectedException(name + " is empty. Check that you uploaded the saved file.");
        }
        if (bytes.length > limits.maxTotalBytes()) {
            throw tooLarge(limits);
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return unzip(name, bytes, limits);
        }
        checkExtension(name, limits);
        checkText(name, bytes);
        return List.of(new SubmittedFile(name, bytes, sha256(bytes)));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    private static List<SubmittedFile> unzip(String zipName, byte[] bytes, UploadLimits limits) {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw notAZip(zipName, null);
        }
        Set<String> symlinks = ZipSymlinks.find(bytes);
        List<SubmittedFile> files = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long budget = limits.maxTotalBytes();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String path = ZipPaths.normalise(entry.getName());
                if (entry.isDirectory() || path.isEmpty() || isSkipped(path)) {
                    // Skipped entries still count: their data is inflated when the stream moves past them.
                    budget -= copyAtMost(zip, OutputStream.nullOutputStream(), budget, limits);
                    continue;
                }
                if (symlinks.contains(entry.getName())) {
                    throw new SubmissionRejectedException(path + " is a symbolic link. Put the file itself in the zip.");
                }
                if (files.size() == limits.maxFiles()) {
                    throw new SubmissionRejectedException(zipName + " holds more than " + limits.maxFiles() + " files, the most this assignment accepts.");
                }
                checkExtension(path, limits);
                // Case-insensitive, because the files may later be written to a case-insensitive file system.
                if (!seen.add(path.toLowerCase(Locale.ROOT))) {
                    throw new SubmissionRejectedException(zipName + " holds " + path + " more than once.");
                }
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                budget -= copyAtMost(zip, buffer, budget, limits);
                byte[] content = buffer.toByteArray();
                checkRatio(path, content.length, entry.getCompressedSize());
                checkText(path, content);
                files.add(new SubmittedFile(path, content, sha256(content)));
            }
        } catch (IOException | IllegalArgumentException e) {
            // ZipException for damaged data; IllegalArgumentException for entry names that are not valid text.
            throw notAZip(zipName, e);
        }
        if (files.isEmpty()) {
            throw new SubmissionRejectedException(zipName + " has no files in it. " + limits.describeAllowed() + ".");
        }
        return files;
    }

    /** Copies one entry but stops as soon as it passes the budget left, so a zip bomb is never inflated or kept whole. */
    private static long copyAtMost(InputStream in, OutputStream out, long budget, UploadLimits limits) throws IOException {
        byte[] buffer = new byte[8192];
        long copied = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            copied += n;
            if (copied > budget) {
                throw tooLarge(limits);
            }
            out.write(buffer, 0, n);
        }
        return copied;
    }

    private static void checkRatio(String path, long size, long compressedSize) {
        if (size > RATIO_CHECK_MIN_BYTES && (compressedSize <= 0 || size / compressedSize > MAX_RATIO)) {
            throw new SubmissionRejectedException(path + " is compressed more than " + MAX_RATIO
                    + " to 1, which looks like a zip bomb rather than a submission.");
        }
    }

    private static void checkText(String path, byte[] content) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (TEXT_EXTENSIONS.stream().anyMatch(lower::endsWith) && Text.utf8(content).isEmpty()) {
            throw new SubmissionRejectedException(path + " is not UTF-8 text. Save it with UTF-8 encoding and upload it again.");
        }
    }

    private static void checkExtension(String path, UploadLimits limits) {
        if (limits.allows(path)) {
            return;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (ARCHIVE_EXTENSIONS.stream().anyMatch(lower::endsWith)) {
            throw new SubmissionRejectedException(path + " is an archive inside the upload; archives are not unpacked twice. "
                    + "Put its files in the zip directly.");
        }
        throw new SubmissionRejectedException(path + " is not an accepted file type. " + limits.describeAllowed() + ", or a .zip of them.");
    }

    private static boolean isSkipped(String path) {
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (SKIPPED_FOLDERS.contains(segments[i])) {
                return true;
            }
        }
        return SKIPPED_FILES.contains(segments[segments.length - 1]);
    }

    /** Browsers may send a full client path ("C:\fakepath\hw.py"); only the last segment is the name. */
    private static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty()) {
            throw new SubmissionRejectedException("The upload has no file name.");
        }
        return name;
    }

    private static SubmissionRejectedException notAZip(String zipName, Exception cause) {
        return new SubmissionRejectedException(zipName + " is not a readable zip file. Create it again and upload it.", cause);
    }

    private static SubmissionRejectedException tooLarge(UploadLimits limits) {
        return new SubmissionRejectedException("The submission is larger than the " + Sizes.format(limits.maxTotalBytes())
                + " limit (counting everything unpacked from a zip). Leave out data files and outputs you do not need.");
    }
}
