package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SelfAttentionExerciseTest {

    // Q = K: token 1 attends to itself with score 2/2 = 1, token 2 likewise, token 3 (all zero) sees only zeros.
    static final int[][] Q = {{1, 1, 0, 0}, {0, 0, 1, 1}, {0, 0, 0, 0}};
    static final int[][] V = {{3, 0}, {0, 3}, {0, 0}};

    @Test
    void scoresWeightsAndOutput() {
        Numbers.assertClose(SelfAttentionExercise.scores(Q, Q, true), new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 0}});
        Numbers.assertClose(SelfAttentionExercise.scores(Q, Q, false), new double[][] {{2, 0, 0}, {0, 2, 0}, {0, 0, 0}});
        // e / (e + 2) = 0.576117, 1 / (e + 2) = 0.211942; a row of zeros is uniform.
        double[][] a = SelfAttentionExercise.weights(Q, Q);
        Numbers.assertClose(a, new double[][] {{0.576117, 0.211942, 0.211942}, {0.211942, 0.576117, 0.211942}, {0.333333, 0.333333, 0.333333}});
        Numbers.assertClose(SelfAttentionExercise.attend(a, V), new double[][] {{1.728351, 0.635826}, {0.635826, 1.728351}, {1, 1}});
    }

    @Test
    void slipsAreNamed() {
        int[][] k = {{1, 0, 0, 0}, {0, 1, 0, 0}, {1, 1, 1, 1}};
        ExerciseInstance instance = new SelfAttentionExercise().instance(new SelfAttentionExercise.Problem(Q, k, V), 0);
        // Q K^T = [[1, 1, 2], [0, 0, 2], [0, 0, 0]]; halved for S.
        Numbers.assertClose(GeneratorContract.expectedNumbers(instance, "scores"), 0.5, 0.5, 1, 0, 0, 1, 0, 0, 0);
        assertThat(AnswerChecker.check(instance.part("scores").orElseThrow(), Answer.matrix(new int[][] {{1, 1, 2}, {0, 0, 2}, {0, 0, 0}})).message())
                .contains("Divide by $\\sqrt{d_k} = 2$");
        double[][] columns = Mat.transpose(Mat.softmaxRows(Mat.transpose(SelfAttentionExercise.scores(Q, k, true))));
        assertThat(AnswerChecker.check(instance.part("weights").orElseThrow(), Answer.matrix(columns)).message()).contains("along each row");
    }

    @Test
    void theAnswersFollowTheGivens() {
        for (ExerciseInstance instance : GeneratorContract.instances(new SelfAttentionExercise(), 100)) {
            int[][] q = GeneratorContract.ints(GeneratorContract.given(instance, "Queries $Q$"));
            int[][] k = GeneratorContract.ints(GeneratorContract.given(instance, "Keys $K$"));
            int[][] v = GeneratorContract.ints(GeneratorContract.given(instance, "Values $V$"));
            double[][] a = SelfAttentionExercise.weights(q, k);
            assertThat(GeneratorContract.expectedNumbers(instance, "scores")).isEqualTo(NumberGrid.matrix(SelfAttentionExercise.scores(q, k, true)));
            assertThat(GeneratorContract.expectedNumbers(instance, "weights")).isEqualTo(NumberGrid.matrix(a));
            assertThat(GeneratorContract.expectedNumbers(instance, "output")).isEqualTo(NumberGrid.matrix(SelfAttentionExercise.attend(a, v)));
            for (double[] row : a) {
                assertThat(row[0] + row[1] + row[2]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @Test
    void sameSeedSameInstance() {
        GeneratorContract.sameSeedSameInstance(new SelfAttentionExercise());
    }

    @Test
    void neighboursGetDifferentNumbers() {
        GeneratorContract.neighboursDiffer(new SelfAttentionExercise());
    }
}
