package org.lectern.quiz;

import java.util.Locale;
import java.util.Optional;

/**
 * What a question asks for. Each kind has its grader ({@link QuizGrading#graderFor}); a new kind
 * (e.g. questions from an exercise generator) is a new value here and a new {@link QuizGrading.Grader}:
 * the exhaustive switch in {@code graderFor} does not compile until it has one.
 */
public enum QuestionKind {
    /** Pick one option. */
    SINGLE_CHOICE,
    /** Pick every right option; partial credit, see {@link QuizGrading}. */
    MULTIPLE_CHOICE,
    /** A number, right within an absolute tolerance. */
    NUMERIC,
    /** A short text: right when it matches an accepted answer (case and spacing ignored), else a TA grades it. */
    SHORT_TEXT,
    /**
     * An exercise generator's number or choice: each student gets their own instance, turned into a
     * NUMERIC or SINGLE_CHOICE question for their attempt ({@link ExerciseQuestions}).
     */
    EXERCISE;

    /** Reads "single_choice", "single-choice", "SINGLE_CHOICE", and "mc"/"multiple"/"number"/"text" shorthands. */
    public static Optional<QuestionKind> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String k = raw.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (k) {
            case "SINGLE_CHOICE", "SINGLE", "CHOICE", "MC" -> Optional.of(SINGLE_CHOICE);
            case "MULTIPLE_CHOICE", "MULTIPLE", "MANY", "CHECKBOXES" -> Optional.of(MULTIPLE_CHOICE);
            case "NUMERIC", "NUMBER" -> Optional.of(NUMERIC);
            case "SHORT_TEXT", "TEXT", "SHORT_ANSWER" -> Optional.of(SHORT_TEXT);
            case "EXERCISE", "GENERATOR", "EXERCISE_GENERATOR" -> Optional.of(EXERCISE);
            default -> Optional.empty();
        };
    }

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
