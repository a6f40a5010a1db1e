package org.lectern.poster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.lectern.written.RubricItem;
import org.lectern.written.RubricScore;
import org.lectern.written.WrittenQuestion;

class PosterRulesTest {

    static List<BigDecimal> list(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(" ")).map(BigDecimal::new).toList();
    }

    @ParameterizedTest(name = "staff [{0}], peers [{1}], weight {2}% -> {3}")
    @CsvSource(nullValues = "none", value = {
            "'',        '',      0,  none",   // nobody scored: no grade
            "'',        '10 10', 20, none",   // peers alone never grade
            "'8',       '',      20, 8.00",
            "'8 9',     '',      0,  8.50",
            "'8 9',     '4',     0,  8.50",   // weight 0: peers do not count
            "'8',       '4',     20, 7.20",   // 0.8 * 8 + 0.2 * 4
            "'8 10',    '6 7',   50, 7.75",   // 0.5 * 9 + 0.5 * 6.5
            "'7 7 8',   '',      0,  7.33",   // half up, two decimals
    })
    void aPostersScoreIsTheStaffMeanWithPeersWeightedIn(String staff, String peers, int weight, String expected) {
        BigDecimal score = PosterRules.posterScore(list(staff), list(peers), weight);
        assertThat(score == null ? null : score.toPlainString()).isEqualTo(expected);
    }

    @Test
    void aPeerWeightOutsideZeroToFiftyIsRefused() {
        assertThatThrownBy(() -> PosterRules.posterScore(list("8"), list("8"), 51)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PosterRules.posterScore(list("8"), list("8"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    static final WrittenQuestion CONTENT = new WrittenQuestion(1, 9, 1, "Content", new BigDecimal("6"), RubricScore.Grading.POSITIVE, List.of(
            new RubricItem(11, 1, 1, new BigDecimal("3"), "Clear question"), new RubricItem(12, 1, 2, new BigDecimal("3"), "Results")));
    static final WrittenQuestion DELIVERY = new WrittenQuestion(2, 9, 2, "Delivery", new BigDecimal("4"), RubricScore.Grading.NEGATIVE, List.of(
            new RubricItem(21, 2, 1, new BigDecimal("-2"), "Over time"), new RubricItem(22, 2, 2, new BigDecimal("-3"), "No answers")));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'',              4",    // nothing applied: positive question 0, negative question full
            "'11',            7",
            "'11 12',         10",
            "'11 12 21',      8",
            "'21 22',         0",    // deductions stop at 0 for their question
            "'11 12 21 22',   6",
            "'22 99',         1",    // an item of no question is ignored
    })
    void aScorersTotalIsTheWrittenRubricsScoreOverTheQuestions(String items, String expected) {
        List<Long> ids = items.isBlank() ? List.of() : Arrays.stream(items.split(" ")).map(Long::valueOf).toList();
        Map<Long, List<Long>> applied = Map.of(1L, ids.stream().filter(i -> i / 10 == 1).toList(), 2L, ids.stream().filter(i -> i / 10 != 1).toList());
        assertThat(PosterRules.scorerTotal(List.of(CONTENT, DELIVERY), applied)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "staff {0}, peers score {1}, own team {2} -> {3}")
    @CsvSource({
            "true,  false, false, true",
            "true,  true,  false, true",
            "false, false, false, false",
            "false, true,  false, true",
            "false, true,  true,  false",
    })
    void whoMayScore(boolean staff, boolean peers, boolean own, boolean may) {
        assertThat(PosterRules.mayScore(staff, peers, own)).isEqualTo(may);
    }

    @Test
    void slotsFollowEachOther() {
        Instant start = Instant.parse("2027-03-12T17:00:00Z");
        assertThat(PosterRules.slotStart(start, 15, 0)).isEqualTo(start);
        assertThat(PosterRules.slotStart(start, 15, 3)).isEqualTo(Instant.parse("2027-03-12T17:45:00Z"));
    }
}
