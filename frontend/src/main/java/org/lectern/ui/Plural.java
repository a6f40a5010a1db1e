package org.lectern.ui;

/** "1 attempt", "2 attempts", "0 scores": counts in words, one rule for every page. */
public final class Plural {

    private Plural() {
    }

    /** The count and the noun, with an "s" unless the count is one (the nouns we count all take one). */
    public static String of(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
