package org.lectern.grading;

import java.util.Locale;

/**
 * When a student may see one test's result, as Gradescope names it: {@code visible} at once,
 * {@code after_due_date} once the due date has passed, {@code after_published} once grades are released,
 * {@code hidden} never (its points still count in the released total). Set per test with
 * {@code @pytest.mark.visibility("hidden")}, gradescope_utils' {@code @visibility("hidden")} or a Gradescope
 * results.json; a test without one takes its file's.
 */
public enum TestVisibility {
    VISIBLE, AFTER_DUE_DATE, AFTER_PUBLISHED, HIDDEN;

    /**
     * The narrower of two (null: none of its own): a manifest may narrow what a test's marker says, never widen it,
     * so a test its author hid stays hidden. Later in this order is never shown earlier.
     */
    public static TestVisibility narrower(TestVisibility a, TestVisibility b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** "after_due_date" as Gradescope writes it. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * From Gradescope's words (any case). Anything else is HIDDEN: a misspelt visibility must never show a test.
     * Null stays null (no visibility of its own).
     */
    public static TestVisibility parse(String text) {
        if (text == null) {
            return null;
        }
        for (TestVisibility value : values()) {
            if (value.json().equalsIgnoreCase(text.strip())) {
                return value;
            }
        }
        return HIDDEN;
    }
}
