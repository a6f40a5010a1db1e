package org.lectern.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuizGradingTest {

    static final List<String> FOUR = List.of("a", "b", "c", "d");

    static Question choice(QuestionKind kind, String points, Integer... correct) {
        return new Question(1, 1, kind, "Which?", new BigDecimal(points), FOUR, List.of(correct), null, null, null, null);
    }

    static Answer chose(String indices) {
        return new Answer(indices.isBlank() ? List.of() : Arrays.stream(indices.split(" ")).map(Integer::valueOf).toList(), null, null);
    }

    @ParameterizedTest(name = "single choice, correct 2, chose [{0}] -> {1}")
    @CsvSource({"2, 3.00", "1, 0.00", "'', 0"})
    void singleChoiceIsAllOrNothing(String chosen, String points) {
        var mark = QuizGrading.grade(choice(QuestionKind.SINGLE_CHOICE, "3", 2), chose(chosen));
        assertThat(mark.points()).isEqualByComparingTo(points);
        assertThat(mark.status()).isEqualTo(QuizGrading.Status.AUTO);
    }

    @ParameterizedTest(name = "multiple choice, correct 0 1 2 of 4 worth 3, chose [{0}] -> {1}")
    @CsvSource({
            "0 1 2,   3.00",   // all right
            "0 1,     2.00",   // two of three right
            "0,       1.00",
            "0 1 3,   1.00",   // two right, one wrong: (2 - 1) / 3
            "0 3,     0.00",   // one right, one wrong
            "3,       0.00",   // floored at 0, never negative
            "0 1 2 3, 2.00",   // everything: three right, one wrong
            "'',      0",
    })
    void multipleChoiceIsRightMinusWrongFlooredAtZero(String chosen, String points) {
        assertThat(QuizGrading.grade(choice(QuestionKind.MULTIPLE_CHOICE, "3", 0, 1, 2), chose(chosen)).points()).isEqualByComparingTo(points);
    }

    @Test
    void partialCreditRoundsHalfUpToCents() {
        // 1 point, 3 correct options, one chosen: 0.333... -> 0.33; two: 0.67
        assertThat(QuizGrading.grade(choice(QuestionKind.MULTIPLE_CHOICE, "1", 0, 1, 2), chose("0")).points()).isEqualByComparingTo("0.33");
        assertThat(QuizGrading.grade(choice(QuestionKind.MULTIPLE_CHOICE, "1", 0, 1, 2), chose("0 1")).points()).isEqualByComparingTo("0.67");
    }

    @ParameterizedTest(name = "numeric 0.5 ± {0}, given {1} -> {2}")
    @CsvSource({
            "0,    0.5,    2.00",
            "0,    0.50,   2.00",
            "0,    0.51,   0.00",
            "0.01, 0.51,   2.00",   // the tolerance itself counts
            "0.01, 0.49,   2.00",
            "0.01, 0.4899, 0.00",
            "0.01, -0.5,   0.00",
    })
    void numericWithinAnAbsoluteTolerance(String tolerance, String given, String points) {
        Question q = new Question(1, 1, QuestionKind.NUMERIC, "p?", new BigDecimal("2"), null, null, new BigDecimal("0.5"),
                new BigDecimal(tolerance), null, null);
        assertThat(QuizGrading.grade(q, Answer.number(new BigDecimal(given))).points()).isEqualByComparingTo(points);
    }

    @ParameterizedTest(name = "short text, accepted [L2, euclidean distance], given ''{0}'' -> {1} {2}")
    @CsvSource({
            "L2,                      1.00, AUTO",
            "l2,                      1.00, AUTO",      // case does not matter
            "'  Euclidean   distance ', 1.00, AUTO",    // nor spaces around or inside
            "the L2 norm,             0,    PENDING",   // anything else waits for a TA
            "'   ',                   0,    AUTO",      // blank: nothing to grade
    })
    void shortTextMatchesAcceptedAnswersElseWaitsForATa(String given, String points, QuizGrading.Status status) {
        Question q = new Question(1, 1, QuestionKind.SHORT_TEXT, "Which distance?", BigDecimal.ONE, null, null, null, null,
                List.of("L2", "Euclidean distance"), null);
        var mark = QuizGrading.grade(q, Answer.text(given));
        assertThat(mark.points()).isEqualByComparingTo(points);
        assertThat(mark.status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "score {0} of {1}, threshold {2}% -> passed {3}")
    @CsvSource({
            "8, 10, 80, true",
            "7.99, 10, 80, false",
            "10, 10, 100, true",
            "0, 0, 50, true",
    })
    void passing(String score, String possible, String threshold, boolean passed) {
        assertThat(QuizGrading.passed(new BigDecimal(score), new BigDecimal(possible), new BigDecimal(threshold))).isEqualTo(passed);
    }

    @ParameterizedTest(name = "{0}: answer {1} -> {2}")
    @CsvSource({
            "SINGLE_CHOICE,   choices 1 2, Choose only one option.",
            "SINGLE_CHOICE,   choices 7,   That option does not exist.",
            "MULTIPLE_CHOICE, choices 1 2, ",
            "NUMERIC,         text x,      Enter a number.",
            "SHORT_TEXT,      number 3,    Enter a text answer.",
    })
    void answersThatCannotBeSaved(QuestionKind kind, String answer, String problem) {
        Question q = new Question(1, 1, kind, "?", BigDecimal.ONE, FOUR, List.of(0), BigDecimal.ONE, null, List.of("x"), null);
        String[] parts = answer.split(" ", 2);
        Answer a = switch (parts[0]) {
            case "choices" -> chose(parts[1]);
            case "number" -> Answer.number(new BigDecimal(parts[1]));
            default -> Answer.text(parts[1]);
        };
        assertThat(QuizGrading.problem(q, a)).isEqualTo(problem);
    }

    @Test
    void questionsAreCheckedWithEveryProblemNamed() {
        List<String> problems = new ArrayList<>();
        QuizGrading.check(new Question(0, 0, QuestionKind.SINGLE_CHOICE, " ", new BigDecimal("-1"), List.of("only"), List.of(0, 3),
                null, null, null, null), "q1", problems);
        QuizGrading.check(new Question(0, 0, QuestionKind.NUMERIC, "n?", BigDecimal.ONE, null, null, null, new BigDecimal("-1"), null, null),
                "q2", problems);
        assertThat(String.join(" ", problems)).contains("q1: prompt is required", "q1: points must be zero or more",
                "q1: a choice question needs at least two options", "q1: a single-choice question has exactly one",
                "q1: correct names an option that does not exist", "q2: a numeric question needs its answer",
                "q2: tolerance must be zero or more");
    }

    @ParameterizedTest(name = "{0} stored as ''{2}''")
    @CsvSource({
            "MULTIPLE_CHOICE, choices, '2,0', '0,2'",
            "NUMERIC,         number,  0.50,  0.50",
            "SHORT_TEXT,      text,    'a, b', 'a, b'",
    })
    void answersRoundTripThroughTheirStoredForm(QuestionKind kind, String what, String value, String stored) {
        Answer a = switch (what) {
            case "choices" -> chose(value.replace(",", " "));
            case "number" -> Answer.number(new BigDecimal(value));
            default -> Answer.text(value);
        };
        assertThat(a.encode(kind)).isEqualTo(stored);
        assertThat(Answer.decode(kind, stored)).isEqualTo(a);
    }
}
