package org.lectern.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises and checks e-mail addresses, the sign-in name of every account. */
public final class EmailAddress {
    // Deliberately plain: one @, no spaces, a dot in the domain. Stricter RFC parsing rejects real addresses.
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s\"<>(),;:]+@[^@\\s\"<>(),;:]+\\.[^@\\s\"<>(),;:.]{2,}$");

    private EmailAddress() {
    }

    public static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String normalised) {
        return normalised.length() <= 254 && SHAPE.matcher(normalised).matches() && !normalised.contains("..");
    }
}
