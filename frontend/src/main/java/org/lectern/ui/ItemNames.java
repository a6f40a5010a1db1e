package org.lectern.ui;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lectern.schedule.CourseItem;

/**
 * What the grades pages call an item: the short name the schedule shows for it (A0, Quiz1), with its title as the
 * longer form; a policy key nothing on the schedule names reads as words ("project-final-report" → "Project final
 * report", "a0" → "A0"), never as the internal key.
 */
public final class ItemNames {

    /** @param label short, for a column header; @param title longer, for a tooltip or the student's list */
    public record Name(String label, String title) {
    }

    private static final Pattern LETTERS_DIGITS = Pattern.compile("([A-Za-z]+)(\\d+)");
    /** A short name written like a policy key ("project-final-report"): shown as words, like a key nothing names. */
    private static final Pattern KEY_LIKE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)+");

    private ItemNames() {
    }

    public static Map<String, Name> of(List<String> keys, List<CourseItem> scheduled) {
        Map<String, CourseItem> byShortName = new HashMap<>();
        for (CourseItem i : scheduled) {
            if (i.shortName() != null) {
                byShortName.putIfAbsent(i.shortName().toLowerCase(Locale.ROOT), i);
            }
        }
        Map<String, Name> names = new LinkedHashMap<>();
        for (String key : keys) {
            CourseItem i = byShortName.get(key.toLowerCase(Locale.ROOT));
            names.put(key, i == null ? fallback(key)
                    : KEY_LIKE.matcher(i.shortName()).matches() ? new Name(fallback(i.shortName()).label(), i.title())
                    : new Name(i.shortName(), i.shortName() + " · " + i.title()));
        }
        return names;
    }

    public static Name fallback(String key) {
        Matcher m = LETTERS_DIGITS.matcher(key);
        String words;
        if (m.matches()) {
            // a0, hw2: a code, upper-cased; quiz2: a word and its number
            words = m.group(1).length() <= 2 ? key.toUpperCase(Locale.ROOT) : capitalise(m.group(1)) + " " + m.group(2);
        } else {
            words = capitalise(key.replace('-', ' ').replace('_', ' ').strip());
        }
        return new Name(words, words);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
