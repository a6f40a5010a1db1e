package org.lectern.platform;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The one rule for how big a number anyone may type (a poll vote, a quiz answer or key, an exercise
 * cell). {@code 1e-300000000} is twelve characters but 300 million digits once written out, and a
 * million typed digits cost every parse and every redraw: numbers are refused at parse time when
 * they have more than {@value #MAX_DIGITS} significant digits, an exponent beyond
 * ±{@value #MAX_EXPONENT}, or more than {@value #MAX_CHARS} characters. Course numbers (learning
 * rates of 1e-8, parameter counts of millions) are far inside.
 */
public final class NumberLimits {

    public static final int MAX_CHARS = 64;
    public static final int MAX_DIGITS = 30;
    public static final int MAX_EXPONENT = 99;
    private static final String OUT_OF_RANGE = "is out of range: numbers go from 1e-" + MAX_EXPONENT + " to 1e" + MAX_EXPONENT;

    private NumberLimits() {
    }

    /** What is wrong with a number's text before anything parses it (only its length can be judged here). */
    public static Optional<String> problem(String text) {
        if (text != null && text.length() > MAX_CHARS) {
            return Optional.of("is longer than " + MAX_CHARS + " characters");
        }
        return Optional.empty();
    }

    /**
     * For parsers with their own number syntax (exercise answers parse to doubles): what is wrong with
     * text that their syntax accepted. An exponent too long for any number is out of range too.
     */
    public static Optional<String> problemOfNumberText(String text) {
        Optional<String> length = problem(text);
        if (length.isPresent()) {
            return length;
        }
        try {
            return problem(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.of(OUT_OF_RANGE);
        }
    }

    /** What is wrong with a parsed number, in words that end a sentence starting with the number's name. */
    public static Optional<String> problem(BigDecimal v) {
        if (v == null) {
            return Optional.empty();
        }
        if (v.signum() == 0) {
            // 0e-300000000 is zero, but written out it is 300 million zeros
            return Math.abs((long) v.scale()) > MAX_EXPONENT + MAX_DIGITS ? Optional.of(OUT_OF_RANGE) : Optional.empty();
        }
        // precision and scale are fields: judging them costs nothing whatever the exponent
        long exponent = (long) v.precision() - v.scale() - 1;
        if (exponent > MAX_EXPONENT || exponent < -MAX_EXPONENT) {
            return Optional.of(OUT_OF_RANGE);
        }
        BigDecimal stripped = v.stripTrailingZeros();
        if (stripped.precision() > MAX_DIGITS) {
            return Optional.of("has more than " + MAX_DIGITS + " significant digits");
        }
        return Optional.empty();
    }

    /**
     * Parses a number's text under the limits: {@code what} names it in the message of the
     * {@link InvalidInputException} (400) for text that is not a number or is too big.
     */
    public static BigDecimal parse(String text, String what) {
        String t = text == null ? "" : text.strip();
        problem(t).ifPresent(p -> {
            throw new InvalidInputException(what + " " + p + ".");
        });
        BigDecimal v;
        try {
            v = new BigDecimal(t);
        } catch (NumberFormatException e) {
            if (t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)[eE][+-]?\\d+")) {
                throw new InvalidInputException(what + " " + OUT_OF_RANGE + "."); // an exponent beyond an int
            }
            throw new InvalidInputException(what + " must be a number, like 3 or -0.25; got “" + t + "”.");
        }
        return check(v, what);
    }

    /** Checks a number that arrived already parsed (a JSON number): the same limits, the same 400. */
    public static BigDecimal check(BigDecimal v, String what) {
        if (v == null) {
            return null;
        }
        problem(v).ifPresent(p -> {
            throw new InvalidInputException(what + " " + p + ".");
        });
        return v;
    }
}
