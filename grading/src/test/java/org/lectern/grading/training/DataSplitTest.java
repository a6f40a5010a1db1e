package org.lectern.grading.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lectern.grading.model.EvaluationData;

class DataSplitTest {

    @TempDir
    Path tmp;

    private static int[] labels(int... perClass) {
        return IntStream.range(0, perClass.length).flatMap(c -> IntStream.range(0, perClass[c]).map(i -> c)).toArray();
    }

    private static long count(int[] indices, int[] labels, int label) {
        return Arrays.stream(indices).filter(i -> labels[i] == label).count();
    }

    @ParameterizedTest
    @CsvSource({
            // images per class 0, 1, 2 → validation images per class, and in all
            "10, 10, 10, 2, 2, 2, 6",
            "5, 5, 5, 1, 1, 1, 3",
            "7, 3, 100, 1, 1, 20, 22",
            "1, 1, 8, 0, 0, 2, 2",
            "3, 3, 4, 1, 0, 1, 2"})
    void eachClassKeepsItsShareAndTheTotalIsExact(int a, int b, int c, int va, int vb, int vc, int total) {
        int[] labels = labels(a, b, c);
        DataSplit split = DataSplit.stratified(labels, 3, 0.2, 7);
        assertThat(split.validation()).hasSize(total);
        assertThat(split.train()).hasSize(labels.length - total);
        assertThat(new long[] {count(split.validation(), labels, 0), count(split.validation(), labels, 1),
                count(split.validation(), labels, 2)}).containsExactly(va, vb, vc);
        assertThat(IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation())).sorted().toArray())
                .isEqualTo(IntStream.range(0, labels.length).toArray());
        assertThat(split.train()).isSorted();
        assertThat(split.validation()).isSorted();
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        int[] labels = labels(50, 50, 50);
        assertThat(DataSplit.stratified(labels, 3, 0.2, 1)).isEqualTo(DataSplit.stratified(labels, 3, 0.2, 1));
        assertThat(DataSplit.stratified(labels, 3, 0.2, 1)).isNotEqualTo(DataSplit.stratified(labels, 3, 0.2, 2));
    }

    @Test
    void theDigitsSplitIsStratifiedAndFixed() throws Exception {
        EvaluationData data = TrainingDataset.DIGITS.load(tmp);
        int[] labels = IntStream.range(0, data.size()).map(data::label).toArray();
        DataSplit split = DataSplit.of(labels, data.classes());
        assertThat(split.train()).hasSize(1078).hasSize(TrainingDataset.DIGITS.trainImages());
        assertThat(split.validation()).hasSize(269).hasSize(TrainingDataset.DIGITS.validationImages());
        for (int c = 0; c < 10; c++) {
            int label = c;
            long all = Arrays.stream(labels).filter(l -> l == label).count();
            assertThat((double) count(split.validation(), labels, c)).as("class %d", c).isCloseTo(all * 0.2, org.assertj.core.data.Offset.offset(1.0));
        }
        assertThat(split).isEqualTo(DataSplit.of(labels, data.classes()));
        // Pinned: a change here would move images between the parts and make old runs incomparable with new ones.
        assertThat(Arrays.stream(split.validation()).limit(5).toArray()).containsExactly(0, 6, 7, 10, 24);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> DataSplit.stratified(new int[] {0, 1, 5}, 2, 0.2, 1)).hasMessageContaining("label 5 of image 2");
        assertThatThrownBy(() -> DataSplit.stratified(new int[] {0, 1}, 2, 1.0, 1)).hasMessageContaining("fraction");
        assertThatThrownBy(() -> DataSplit.validationCount(1, 0.2)).hasMessageContaining("at least 2");
    }
}
