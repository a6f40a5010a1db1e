package org.lectern.training;

/**
 * A course's quotas of worker time for training runs.
 *
 * @param studentSecondsPerWeek each student's own allowance per week
 * @param teamSecondsPerWeek    each team's allowance per week, shared by its members (their own quotas apply too)
 */
public record TrainingSettings(int studentSecondsPerWeek, int teamSecondsPerWeek) {

    /** Ten minutes per student and half an hour per team a week: hundreds of digits runs (most take 2 to 5 s). */
    public static final TrainingSettings DEFAULT = new TrainingSettings(600, 1800);

    /** Up to a week of worker time: more is a typo. */
    public static final int MAX_SECONDS = 7 * 24 * 3600;
}
