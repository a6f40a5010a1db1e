package org.lectern.poll;

import java.util.List;

/**
 * What staff type to open a poll.
 *
 * @param options CHOICE: the labels, 2 to 10
 * @param correct CHOICE: the right option's index; NUMBER: the value; null: an opinion question
 */
public record PollDraft(Long lectureId, String question, PollKind kind, List<String> options, String correct,
                        String generatorKey, Integer thinkSeconds, Integer groupSeconds) {
}
