package org.lectern.grading.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defaults on real submissions ({@link KnnCorpus}: 16 independent students' solutions of CS231n's kNN classifier and 5
 * disguised copies): with the starter file as base code no independent pair is flagged and every copy is; without it the
 * result says it is no evidence. PlagiarismFalsePositiveBench prints the rates for other settings.
 */
class KnnCorpusPlagiarismTest {

    @TempDir
    Path temp;

    private final KnnCorpus corpus = KnnCorpus.load();

    private CheckResult run(Map<String, String> baseCode) throws IOException {
        return new PlagiarismCheck().run(new CheckInput(SourceLanguage.PYTHON, corpus.all(), baseCode),
                Files.createTempDirectory(temp, "check"), null);
    }

    @Test
    void withTheStarterAsBaseCodeNoIndependentPairIsFlaggedAndEveryCopyIs() throws IOException {
        CheckResult result = run(corpus.starter());

        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.COMPARED);
        assertThat(result.baseCodeWarning()).isNull();
        assertThat(result.problems()).isEmpty();
        assertThat(result.comparisons()).isEqualTo(result.pairs().size()).isEqualTo(23 * 22 / 2);

        assertThat(result.pairs().stream().filter(KnnCorpus::independentPair)).hasSize(120)
                .allSatisfy(pair -> assertThat(pair.flagged()).as("%s–%s at %.2f", pair.first().id(), pair.second().id(),
                        pair.maximumSimilarity()).isFalse())
                .allSatisfy(pair -> assertThat(pair.maximumSimilarity()).isLessThan(0.46)); // 0.44 at most observed
        assertThat(result.pairs().stream().filter(KnnCorpus::copyPair)).hasSize(5)
                .allSatisfy(pair -> assertThat(pair.flagged()).as("%s–%s at %.2f", pair.first().id(), pair.second().id(),
                        pair.maximumSimilarity()).isTrue())
                .allSatisfy(pair -> assertThat(pair.maximumSimilarity()).isGreaterThan(0.55)); // 0.58 at least observed
        // Each copy is ranked as its original's closest match.
        for (var copy : KnnCorpus.ORIGINALS.entrySet()) {
            Pair closest = result.pairs().stream().filter(p -> p.first().id().equals(copy.getKey()) || p.second().id().equals(copy.getKey()))
                    .findFirst().orElseThrow();
            assertThat(closest.between(copy.getKey(), copy.getValue())).isTrue();
        }
        assertThat(result.options().minimumTokenMatch()).isEqualTo(12);
    }

    @Test
    void withoutBaseCodeTheResultWarnsThatItIsNoEvidence() throws IOException {
        CheckResult result = run(Map.of());

        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.COMPARED);
        assertThat(result.baseCodeWarning()).isEqualTo(CheckResult.NO_BASE_CODE_WARNING)
                .startsWith("No starter code was given as base code: code every student received counts as a match.");
        // Why: the code every student was handed makes independent students look alike.
        KnnCorpus.Figures figures = corpus.figures(result, CheckOptions.DEFAULT_FLAG_THRESHOLD);
        assertThat(figures.falsePositiveRate()).isGreaterThan(0.9); // all 120 observed
    }

    @Test
    void starterFilesWithoutPythonCodeCountAsNoBaseCode() throws IOException {
        CheckResult result = run(Map.of("README.md", "the starter is in the notebook"));

        assertThat(result.baseCodeWarning()).isEqualTo(CheckResult.NO_BASE_CODE_WARNING);
    }

    @Test
    void starterCodeThatCannotBeUsedIsWarnedAbout() throws IOException {
        CheckResult result = run(Map.of(KnnCorpus.FILE, "import numpy as np\n")); // shorter than one match

        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.COMPARED);
        assertThat(result.problems()).anySatisfy(p -> assertThat(p.kind()).isEqualTo(ParseProblem.Kind.BASE_CODE_IGNORED));
        assertThat(result.baseCodeWarning()).isEqualTo(CheckResult.UNUSABLE_BASE_CODE_WARNING);
    }
}
