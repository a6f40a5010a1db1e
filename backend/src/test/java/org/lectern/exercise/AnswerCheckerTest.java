package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerCheckerTest {

    static Part matrixPart() {
        return Part.builder("output", "Y:", AnswerShape.matrix(2, 2))
                .expected(Answer.matrix(new double[][] {{1, 2}, {3, 4}}))
                .tolerance(Tolerance.EXACT)
                .hint("general")
                .hint("specific")
                .explanation("worked")
                .mistake(Answer.matrix(new double[][] {{4, 3}, {2, 1}}), "Did you flip the kernel?")
                .build();
    }

    @ParameterizedTest(name = "expected {0}, answer {1}, abs {2} rel {3}: {4}")
    @CsvSource({
            "2, 2.009, 0.01, 0.01, true",
            "2, 2.02, 0.01, 0.01, true",       // 1% of 2 is looser than 0.01
            "2, 2.021, 0.01, 0.01, false",
            "100, 100.9, 0.01, 0.01, true",
            "100, 101.1, 0.01, 0.01, false",
            "0, 0.01, 0.01, 0.01, true",
            "0, -0.0101, 0.01, 0.01, false",
            "5, 5.0000001, 0.000001, 0, true",  // EXACT forgives float noise
            "5, 5.01, 0.000001, 0, false",
            "0.0034, 0.00343, 0.000001, 0.01, true",
            "0.0034, 0, 0.000001, 0.01, false", // why tiny answers need a relative tolerance
            "-3, 3, 0.01, 0.01, false",
    })
    void tolerance(double expected, double answer, double absolute, double relative, boolean accepted) {
        assertThat(new Tolerance(absolute, relative).accepts(expected, answer)).isEqualTo(accepted);
    }

    @Test
    void describesTolerances() {
        assertThat(Tolerance.DEFAULT.describe()).isEqualTo("within 0.01 or 1%");
        assertThat(Tolerance.EXACT.describe()).isEqualTo("exactly");
        assertThat(Tolerance.abs(0.005).describe()).isEqualTo("within 0.005");
        assertThat(Tolerance.rel(0.01, 1e-6).describe()).isEqualTo("within 1%");
        assertThat(Tolerance.DEFAULT.accepts(1, Double.NaN)).isFalse();
        assertThatThrownBy(() -> new Tolerance(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}: score {1}, {2}")
    @CsvSource(delimiter = '|', value = {
            "1, 2; 3, 4 | 1    | Correct: all 4 cells are right.",
            "1, 2; 3, 5 | 0.75 | 3 of 4 cells are right.",
            "0, 2; 3, 5 | 0.5  | 2 of 4 cells are right.",
            "9, 9; 9, 9 | 0    | 0 of 4 cells are right.",
            "4, 3; 2, 1 | 0    | 0 of 4 cells are right. Did you flip the kernel?",
            "1, 3; 2, 4 | 0.5  | 2 of 4 cells are right. Your matrix is the transpose of the answer: check which index runs down the rows.",
            "-1, -2; -3, -4 | 0 | 0 of 4 cells are right. Check the signs: every value has the opposite sign.",
    })
    void partialCreditPerCell(String typed, double score, String message) {
        Part part = matrixPart();
        PartFeedback feedback = AnswerChecker.check(part, AnswerParser.parse(part.shape(), typed).orElseThrow());
        assertThat(feedback.score()).isEqualTo(score);
        assertThat(feedback.message()).isEqualTo(message);
        assertThat(feedback.correct()).isEqualTo(score == 1);
        assertThat(feedback.cellsCorrect()).hasSize(4);
        assertThat(feedback.cellsRight()).isEqualTo(Math.round(score * 4));
    }

    @Test
    void marksEachCell() {
        PartFeedback feedback = AnswerChecker.check(matrixPart(), Answer.matrix(new double[][] {{1, 0}, {3, 0}}));
        assertThat(feedback.cellsCorrect()).containsExactly(true, false, true, false);
        assertThat(feedback.cellCorrect(2)).isTrue();
        assertThat(feedback.mistake()).isEmpty();
        PartFeedback flipped = AnswerChecker.check(matrixPart(), Answer.matrix(new double[][] {{4, 3}, {2, 1}}));
        assertThat(flipped.mistake()).get().extracting(CommonMistake::feedback).isEqualTo("Did you flip the kernel?");
    }

    @Test
    void vectorsCountEntries() {
        Part part = Part.builder("s", "s:", AnswerShape.vector(3)).expected(Answer.vector(1, 2, 3)).hint("h").build();
        assertThat(AnswerChecker.check(part, Answer.vector(1, 2, 0)).message()).isEqualTo("2 of 3 entries are right.");
        assertThat(AnswerChecker.check(part, Answer.vector(1.004, 2, 3)).message()).isEqualTo("Correct: all 3 entries are right.");
        assertThat(AnswerChecker.check(part, Answer.vector(1, 2, 0)).score()).isEqualTo(2.0 / 3);
    }

    @Test
    void numbersAndChoices() {
        Part number = Part.builder("n", "n:", AnswerShape.number()).expected(Answer.number(2.04)).hint("h").build();
        assertThat(AnswerChecker.check(number, Answer.number(2.04)).message()).isEqualTo("Correct.");
        assertThat(AnswerChecker.check(number, Answer.number(2.5)).message()).isEqualTo("Not quite.");
        Part choice = Part.builder("c", "c:", AnswerShape.choice("cat", "dog")).expected(Answer.choice(1)).hint("h").build();
        assertThat(AnswerChecker.check(choice, Answer.choice(1)).correct()).isTrue();
        assertThat(AnswerChecker.check(choice, Answer.choice(0)).message()).isEqualTo("That is not the right option.");
        assertThat(AnswerChecker.check(choice, Answer.choice(5)).message()).isEqualTo("That is not one of the options.");
        assertThat(AnswerChecker.check(choice, Answer.number(1)).message()).isEqualTo("Expected one of 2 options.");
        assertThat(AnswerChecker.check(number, Answer.choice(0)).message()).isEqualTo("Expected a number.");
    }

    @Test
    void theWrongShapeScoresZeroWithAMessage() {
        PartFeedback feedback = AnswerChecker.check(matrixPart(), Answer.vector(1, 2, 3, 4));
        assertThat(feedback.score()).isZero();
        assertThat(feedback.message()).isEqualTo("Expected a 2 x 2 matrix.");
        assertThat(feedback.cellsCorrect()).containsOnly(false).hasSize(4);
    }

    @ParameterizedTest(name = "{0} hints shown, answer right={1} -> next {2}")
    @CsvSource({"0, false, 0", "1, false, 1", "2, false, -1", "5, false, -1", "0, true, -1"})
    void offersTheNextHintAfterAWrongAnswer(int shown, boolean right, int next) {
        Answer answer = right ? Answer.matrix(new double[][] {{1, 2}, {3, 4}}) : Answer.matrix(new double[][] {{0, 0}, {0, 0}});
        PartFeedback feedback = AnswerChecker.check(matrixPart(), answer, shown);
        assertThat(feedback.nextHintIndex()).isEqualTo(next < 0 ? OptionalInt.empty() : OptionalInt.of(next));
        if (next >= 0) {
            assertThat(matrixPart().hint(next)).isPresent();
        }
    }

    @Test
    void refusesANegativeHintCount() {
        assertThatThrownBy(() -> AnswerChecker.check(matrixPart(), Answer.number(1), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void totalsPartsByWeight() {
        Part first = Part.builder("a", "a:", AnswerShape.number()).expected(Answer.number(1)).hint("h").build();
        Part second = Part.builder("b", "b:", AnswerShape.vector(2)).expected(Answer.vector(1, 2)).weight(3).hint("h1").hint("h2").build();
        Part third = Part.builder("c", "c:", AnswerShape.number()).expected(Answer.number(5)).hint("h").build();
        ExerciseInstance instance = new ExerciseInstance("test", 0, "prompt", List.of(), List.of(first, second, third));
        // (1 * 1 + 3 * 0.5 + 1 * 0) / 5
        Feedback feedback = AnswerChecker.check(instance, Map.of("a", Answer.number(1), "b", Answer.vector(1, 0)), Map.of("b", 1));
        assertThat(feedback.score()).isEqualTo(0.5);
        assertThat(feedback.allCorrect()).isFalse();
        assertThat(feedback.parts()).extracting(PartFeedback::partId).containsExactly("a", "b", "c");
        assertThat(feedback.part("b").orElseThrow().nextHintIndex()).isEqualTo(OptionalInt.of(1));
        PartFeedback unanswered = feedback.part("c").orElseThrow();
        assertThat(unanswered.answered()).isFalse();
        assertThat(unanswered.message()).isEqualTo("No answer yet.");
        assertThat(unanswered.nextHintIndex()).isEmpty();
        Feedback all = AnswerChecker.check(instance, Map.of("a", Answer.number(1), "b", Answer.vector(1, 2), "c", Answer.number(5)));
        assertThat(all.score()).isEqualTo(1);
        assertThat(all.allCorrect()).isTrue();
        assertThatThrownBy(() -> AnswerChecker.check(instance, Map.of("z", Answer.number(1)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPartRefusesInconsistentDefinitions() {
        assertThatThrownBy(() -> Part.builder("p", "q", AnswerShape.vector(2)).expected(Answer.vector(1, 2, 3)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not 2 numbers");
        assertThatThrownBy(() -> Part.builder("Bad Id", "q", AnswerShape.number()).expected(Answer.number(1)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Part.builder("p", "q", AnswerShape.number()).expected(Answer.number(1)).weight(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        // A slip that gives the right answer for these numbers is dropped, not kept to mislead.
        Part part = Part.builder("p", "q", AnswerShape.number()).expected(Answer.number(1)).mistake(Answer.number(1.001), "never").build();
        assertThat(part.mistakes()).isEmpty();
        assertThatThrownBy(() -> new ExerciseInstance("k", 0, "p", List.of(), List.of(part, part)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeats");
    }
}
