package org.lectern.grading.model;

import java.util.Locale;

/** Which part of the hidden evaluation data an image belongs to. */
public enum Split {
    /** Scored at once; students see the score after each upload. */
    PUBLIC,
    /** Scored with the rest but shown only after the deadline. */
    PRIVATE;

    /** "public" or "private", as the labels CSV writes it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "public" or "private" (any case); null for anything else. */
    public static Split parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "public" -> PUBLIC;
            case "private" -> PRIVATE;
            default -> null;
        };
    }
}
