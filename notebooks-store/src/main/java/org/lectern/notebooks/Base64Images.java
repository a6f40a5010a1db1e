package org.lectern.notebooks;

import java.util.Locale;

/** Checks base64 image data before it goes into an img src, so nothing but image bytes can ride along. */
final class Base64Images {

    private static final String[] SAFE_PREFIXES = {"data:image/png;base64,", "data:image/jpeg;base64,"};

    private Base64Images() {}

    /** Strict standard base64: the alphabet, whole quads, padding only at the end. A loop, not a regex, so huge images cannot overflow the stack. */
    static boolean isBase64(String text) {
        if (text == null || text.isEmpty() || text.length() % 4 != 0) {
            return false;
        }
        int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
        for (int i = 0; i < text.length() - padding; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** True only for a PNG or JPEG data URL with valid base64; SVG and other types can carry script. */
    static boolean isSafeDataUrl(String url) {
        for (String prefix : SAFE_PREFIXES) {
            if (url.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return isBase64(url.substring(prefix.length()));
            }
        }
        return false;
    }

    static boolean isDataUrl(String url) {
        return url.strip().toLowerCase(Locale.ROOT).startsWith("data:");
    }
}
