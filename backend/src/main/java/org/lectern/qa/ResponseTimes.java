package org.lectern.qa;

/**
 * Staff figures on how fast questions get a staff answer.
 *
 * @param medianSecondsToStaffAnswer null until some question has a staff answer
 */
public record ResponseTimes(int posts, int staffAnswered, int unanswered, Long medianSecondsToStaffAnswer, Long p90SecondsToStaffAnswer) {
}
