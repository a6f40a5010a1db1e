package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnnExerciseTest {

    // Query (1, 1): differences (0,1) (3,5) (-1,-1) (2,-1).
    static final int[][] POINTS = {{1, 2}, {4, 6}, {0, 0}, {3, 0}};
    static final int[] QUERY = {1, 1};

    @Test
    void distances() {
        Numbers.assertClose(KnnExercise.l1(POINTS, QUERY), 1, 8, 2, 3);
        // sqrt(1), sqrt(9 + 25), sqrt(2), sqrt(5)
        Numbers.assertClose(KnnExercise.l2(POINTS, QUERY), 1, 5.8310, 1.4142, 2.2361);
    }

    @ParameterizedTest(name = "labels {0}, k={1} -> {2}")
    @CsvSource({
            "0;1;1;0, 1, 0",  // nearest is point 1
            "0;1;1;0, 3, 0",  // points 1, 3, 4: labels 0, 1, 0
            "1;0;1;0, 3, 1",  // points 1, 3, 4: labels 1, 1, 0
            "0;0;1;1, 3, 1",  // labels 0, 1, 1
    })
    void votesAmongTheKNearest(String labels, int k, int expected) {
        int[] l = java.util.Arrays.stream(labels.split(";")).mapToInt(Integer::parseInt).toArray();
        assertThat(KnnExercise.predict(KnnExercise.l1(POINTS, QUERY), l, k)).isEqualTo(expected);
    }

    @Test
    void theMetricsCanDisagree() {
        // From (0, 0): A = (3, 3) is 6 away in L1 but 4.24 in L2; B = (5, 0) is 5 in both.
        int[][] points = {{3, 3}, {5, 0}};
        int[] labels = {0, 1};
        assertThat(KnnExercise.predict(KnnExercise.l1(points, new int[] {0, 0}), labels, 1)).isEqualTo(1);
        assertThat(KnnExercise.predict(KnnExercise.l2(points, new int[] {0, 0}), labels, 1)).isEqualTo(0);
    }

    @ParameterizedTest(name = "distances {0}, k={1}: tied={2}")
    // Sorted: 1, 2, 2, 5 and 1, 2, 3, 3.
    @CsvSource({"1;2;2;5, 2, true", "1;2;2;5, 1, false", "1;2;2;5, 3, false", "3;1;3;2, 3, true", "3;1;3;2, 2, false", "2;2, 1, true"})
    void tiesAtTheKthNeighbour(String distances, int k, boolean tied) {
        assertThat(KnnExercise.tiedAtK(Numbers.parse(distances), k)).isEqualTo(tied);
    }

    @Test
    void squaredDistancesAreNamed() {
        int[] labels = {0, 1, 1, 0};
        ExerciseInstance instance = new KnnExercise().instance(new KnnExercise.Problem(POINTS, labels, QUERY, 3, List.of("cat", "dog")), 0);
        PartFeedback squared = AnswerChecker.check(instance.part("l2").orElseThrow(), Answer.vector(1, 34, 2, 5));
        assertThat(squared.message()).isEqualTo("1 of 4 entries are right. Those are squared distances: take the square root.");
        assertThat(squared.score()).isEqualTo(0.25);
        assertThat(GeneratorContract.expectedChoice(instance, "predict-l1")).isZero();
    }

    @Test
    void theAnswersFollowTheGivensWithoutTies() {
        int disagreements = 0;
        for (ExerciseInstance instance : GeneratorContract.instances(new KnnExercise(), 100)) {
            int[][] points = GeneratorContract.ints(GeneratorContract.given(instance, "Training points"));
            int[] query = GeneratorContract.intVector(GeneratorContract.given(instance, "Query point $q$"));
            Given training = instance.given("Training points").orElseThrow();
            List<String> classes = ((AnswerShape.Choice) instance.part("predict-l1").orElseThrow().shape()).options();
            int[] labels = training.rowLabels().stream().mapToInt(l -> classes.indexOf(l.substring(l.indexOf(' ') + 1))).toArray();
            int k = instance.prompt().contains("$k = 3$") ? 3 : 1;
            double[] d1 = KnnExercise.l1(points, query);
            double[] d2 = KnnExercise.l2(points, query);
            assertThat(KnnExercise.tiedAtK(d1, k) || KnnExercise.tiedAtK(d2, k)).isFalse();
            assertThat(GeneratorContract.expectedNumbers(instance, "l1")).isEqualTo(NumberGrid.vector(d1));
            assertThat(GeneratorContract.expectedNumbers(instance, "l2")).isEqualTo(NumberGrid.vector(d2));
            assertThat(GeneratorContract.expectedChoice(instance, "predict-l1")).isEqualTo(KnnExercise.predict(d1, labels, k));
            assertThat(GeneratorContract.expectedChoice(instance, "predict-l2")).isEqualTo(KnnExercise.predict(d2, labels, k));
            disagreements += KnnExercise.predict(d1, labels, k) != KnnExercise.predict(d2, labels, k) ? 1 : 0;
        }
        assertThat(disagreements).as("instances where L1 and L2 predict differently").isGreaterThanOrEqualTo(25);
    }

    @Test
    void sameSeedSameInstance() {
        GeneratorContract.sameSeedSameInstance(new KnnExercise());
    }

    @Test
    void neighboursGetDifferentNumbers() {
        GeneratorContract.neighboursDiffer(new KnnExercise());
    }
}
