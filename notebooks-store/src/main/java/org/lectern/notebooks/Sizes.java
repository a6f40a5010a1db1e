package org.lectern.notebooks;

import java.util.Locale;

/** Byte counts as people read them in a rejection message. */
final class Sizes {

    private static final long KB = 1024;
    private static final long MB = 1024 * KB;

    private Sizes() {}

    static String format(long bytes) {
        if (bytes >= MB) {
            return oneDecimal((double) bytes / MB) + " MB";
        }
        if (bytes >= KB) {
            return oneDecimal((double) bytes / KB) + " KB";
        }
        return bytes + " bytes";
    }

    private static String oneDecimal(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
