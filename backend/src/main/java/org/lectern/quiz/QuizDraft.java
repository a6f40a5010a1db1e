package org.lectern.quiz;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A quiz as created or updated through the UI or {@code POST /api/v1/courses/{id}/quizzes}. Questions
 * come either as {@code questions} (each asked of every student) or in {@code pools}, from each of
 * which an attempt draws {@code draw} questions; both may be given. Every question of a pool must be
 * worth the same, so every draw is worth the same. Required: shortName, title, openAt, closeAt and at
 * least one question; {@code points}, when given, must equal what the questions add up to.
 *
 * @param timeLimitMinutes null: the whole window
 * @param category         the gradebook category (e.g. "Quizzes"); null keeps the quiz out of the gradebook
 * @param mustPassPercent  null: not a must-pass quiz; else the share of the points that passes
 * @param allowReview      students see their answers, the correct ones and feedback once the window closes
 * @param shuffle          questions (and options) in a per-student order; default true
 * @param maxAttempts      default 1; the gradebook gets the best finished attempt
 * @param lectureId        the lecture the schedule shows the quiz under, if any
 */
public record QuizDraft(String shortName, String title, Instant openAt, Instant closeAt, Integer timeLimitMinutes,
                        BigDecimal points, String category, BigDecimal mustPassPercent, Boolean allowReview, Boolean shuffle,
                        Integer maxAttempts, Long lectureId, List<QuestionDraft> questions, List<PoolDraft> pools) {

    /** A pool of interchangeable questions, of which each attempt gets {@code draw}. */
    public record PoolDraft(Integer draw, List<QuestionDraft> questions) {
    }

    /**
     * One question. kind: single_choice, multiple_choice, numeric or short_text. Choices: options and
     * correct (indices counting from 0). Numeric: answer and tolerance (absolute, default 0). Short
     * text: accepted answers (case and spacing ignored); any other answer goes to the TA queue.
     */
    public record QuestionDraft(String kind, String prompt, BigDecimal points, List<String> options, List<Integer> correct,
                                BigDecimal answer, BigDecimal tolerance, List<String> accepted, String explanation, String generator) {

        public QuestionDraft(String kind, String prompt, BigDecimal points, List<String> options, List<Integer> correct,
                             BigDecimal answer, BigDecimal tolerance, List<String> accepted, String explanation) {
            this(kind, prompt, points, options, correct, answer, tolerance, accepted, explanation, null);
        }

        /** A question from an exercise generator: each student gets their own numbers. */
        public static QuestionDraft exercise(String generator, BigDecimal points) {
            return new QuestionDraft("exercise", null, points, null, null, null, null, null, null, generator);
        }

        public static QuestionDraft single(String prompt, BigDecimal points, List<String> options, int correct) {
            return new QuestionDraft("single_choice", prompt, points, options, List.of(correct), null, null, null, null);
        }

        public static QuestionDraft many(String prompt, BigDecimal points, List<String> options, List<Integer> correct) {
            return new QuestionDraft("multiple_choice", prompt, points, options, correct, null, null, null, null);
        }

        public static QuestionDraft numeric(String prompt, BigDecimal points, BigDecimal answer, BigDecimal tolerance) {
            return new QuestionDraft("numeric", prompt, points, null, null, answer, tolerance, null, null);
        }

        public static QuestionDraft text(String prompt, BigDecimal points, List<String> accepted) {
            return new QuestionDraft("short_text", prompt, points, null, null, null, null, accepted, null);
        }

        public QuestionDraft explained(String why) {
            return new QuestionDraft(kind, prompt, points, options, correct, answer, tolerance, accepted, why);
        }
    }

    public QuizDraft withQuestions(List<QuestionDraft> qs) {
        return new QuizDraft(shortName, title, openAt, closeAt, timeLimitMinutes, points, category, mustPassPercent, allowReview,
                shuffle, maxAttempts, lectureId, qs, pools);
    }

    public QuizDraft withPools(List<PoolDraft> ps) {
        return new QuizDraft(shortName, title, openAt, closeAt, timeLimitMinutes, points, category, mustPassPercent, allowReview,
                shuffle, maxAttempts, lectureId, questions, ps);
    }
}
