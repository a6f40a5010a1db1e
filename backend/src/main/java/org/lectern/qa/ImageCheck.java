package org.lectern.qa;

import java.util.Optional;

/**
 * What an uploaded image really is, by its first bytes (the name and the browser's claimed type are the uploader's
 * to choose): PNG, JPEG, GIF or WebP, nothing else. SVG is refused on purpose: it can carry script.
 */
public final class ImageCheck {

    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private ImageCheck() {
    }

    public static Optional<String> contentType(byte[] b) {
        if (b == null || b.length < 12) {
            return Optional.empty();
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(b, 'G', 'I', 'F', '8', '7', 'a') || starts(b, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of("image/gif");
        }
        if (starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, int... magic) {
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
