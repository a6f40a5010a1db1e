package org.lectern.assignment;

import java.util.Locale;

/**
 * What a student sees of a failing private test once grades are released (staff always see the full report).
 * pytest's report quotes the test's source, so FULL shows the hidden test to the student; MESSAGE (the default)
 * shows the exception and the test's own assertion message only; NOTHING shows the outcome and points alone.
 */
public enum PrivateFeedback {
    NOTHING, MESSAGE, FULL;

    /** The text a student is shown for a private test, given pytest's report and the source-free brief. */
    public String shown(String report, String brief) {
        return switch (this) {
            case NOTHING -> "";
            case MESSAGE -> brief == null ? "" : brief;
            case FULL -> report == null ? "" : report;
        };
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From "nothing", "message" or "full" (any case); null for anything else. */
    public static PrivateFeedback parse(String text) {
        if (text == null) {
            return null;
        }
        for (PrivateFeedback value : values()) {
            if (value.name().equalsIgnoreCase(text.strip())) {
                return value;
            }
        }
        return null;
    }
}
