package org.lectern.extensionrequest;

import java.util.Optional;

/**
 * The document a student may attach to an extension request: a PDF, PNG or JPEG, told by its first bytes (never by
 * its name), at most {@link #MAX_BYTES}. Staff download it as an attachment of the detected type, so a file that
 * claims to be one thing and is another is refused here rather than opened by a browser.
 */
public final class Evidence {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_NAME = 200;

    public enum Kind {
        PDF("application/pdf", ".pdf"), PNG("image/png", ".png"), JPEG("image/jpeg", ".jpg");

        public final String contentType;
        public final String extension;

        Kind(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    private Evidence() {
    }

    /** The kind of file the bytes are, or empty when they are none of the three. */
    public static Optional<Kind> kindOf(byte[] b) {
        if (b == null) {
            return Optional.empty();
        }
        if (startsWith(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) { // %PDF-
            return Optional.of(Kind.PDF);
        }
        if (startsWith(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(Kind.PNG);
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(Kind.JPEG);
        }
        return Optional.empty();
    }

    /**
     * A problem with the document in words, or empty when it may be stored. The name is only shown: anything but
     * letters, digits, spaces and {@code . _ -} is refused so it cannot carry markup or a path.
     */
    public static Optional<String> problem(String name, byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.of("document: the file is empty.");
        }
        if (content.length > MAX_BYTES) {
            return Optional.of("document: at most " + MAX_BYTES / (1024 * 1024) + " MB.");
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME || !name.matches("[\\p{L}\\p{N} ._-]+")) {
            return Optional.of("document: a file name of letters, digits, spaces, dots, dashes and underscores (at most " + MAX_NAME + ").");
        }
        if (kindOf(content).isEmpty()) {
            return Optional.of("document: a PDF, PNG or JPEG file (" + name + " is none of these).");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
