package org.lectern.quiz;

import java.util.List;

/** A pool with its questions and answer keys: for staff only. */
public record QuizPool(long id, int draw, List<Question> questions) {
}
