package org.lectern.quiz;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An attempt as its student (or staff) sees it: the drawn questions in the student's order with the
 * saved responses, the server's deadline and time, and once finished the score. Answer keys, marks
 * per question and feedback are present only in review (staff, or the student after the window
 * closes when the instructor allows review); otherwise they are null.
 *
 * @param pending answers still waiting for a TA (counted as 0 in the score until graded)
 */
public record AttemptView(long id, long quizId, String quizShortName, String quizTitle, int number, Instant startedAt, Instant deadline,
                          Instant serverNow, long remainingSeconds, Attempt.State state, List<AttemptQuestion> questions,
                          BigDecimal score, BigDecimal possible, int pending, Boolean passed, boolean review) {

    /** An option with its index in the question's own order (the index an answer names). */
    public record Option(int index, String text) {
    }

    /** The answer key, in review only. */
    public record Key(List<Integer> correct, BigDecimal answer, BigDecimal tolerance, List<String> accepted, String explanation) {
    }

    public record AttemptQuestion(int number, long questionId, QuestionKind kind, String prompt, BigDecimal points, List<Option> options,
                                  Answer response, Instant savedAt, Key key, BigDecimal earned, QuizGrading.Status status,
                                  String feedback) {
    }

    public boolean open() {
        return state == Attempt.State.OPEN;
    }
}
