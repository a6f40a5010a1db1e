package org.lectern.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants every generator in the catalog keeps, over many seeds. */
class ExerciseCatalogTest {

    static final ExerciseCatalog CATALOG = ExerciseCatalog.standard();
    static final int SEEDS = 150;

    static Stream<Arguments> generators() {
        return CATALOG.all().stream().map(g -> Arguments.of(Named.of(g.key(), g)));
    }

    @Test
    void listsEveryGeneratorInAStableOrder() {
        assertThat(CATALOG.all()).extracting(ExerciseGenerator::key).containsExactly(
                "knn", "linear-scores", "svm-loss", "softmax-ce", "backprop", "relu-xor",
                "conv2d", "conv2d-cse416-poll", "conv-output-size", "conv-vs-fc-weights", "pooling",
                "batchnorm", "sgd-momentum", "nesterov", "adam", "cosine-lr", "inverted-dropout", "self-attention");
    }

    @Test
    void findsByKey() {
        assertThat(CATALOG.find("conv2d")).get().isInstanceOf(Conv2dExercise.class);
        assertThat(CATALOG.find("no-such-exercise")).isEmpty();
        assertThat(CATALOG.generate("adam", 3)).get().isEqualTo(new AdamExercise().generate(3));
        assertThat(CATALOG.byTopic("Convolutional networks")).extracting(ExerciseGenerator::key)
                .containsExactly("conv2d", "conv2d-cse416-poll", "conv-output-size", "conv-vs-fc-weights", "pooling");
    }

    @Test
    void rejectsDuplicateAndMalformedKeys() {
        assertThatThrownBy(() -> new ExerciseCatalog(List.of(new AdamExercise(), new AdamExercise())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adam");
        ExerciseGenerator badKey = new ExerciseGenerator() {
            public String key() {
                return "Not A Slug";
            }

            public String title() {
                return "t";
            }

            public String topic() {
                return "t";
            }

            public ExerciseInstance generate(long seed) {
                throw new UnsupportedOperationException();
            }
        };
        assertThatThrownBy(() -> new ExerciseCatalog(List.of(badKey))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void hasATitleAndATopic(ExerciseGenerator generator) {
        assertThat(generator.title()).isNotBlank();
        assertThat(generator.topic()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void sameSeedSameInstance(ExerciseGenerator generator) {
        GeneratorContract.sameSeedSameInstance(generator);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void neighboursDifferUnlessFixed(ExerciseGenerator generator) {
        if (generator.variesWithSeed()) {
            GeneratorContract.neighboursDiffer(generator);
        } else {
            assertThat(GeneratorContract.content(generator.generate(1))).isEqualTo(GeneratorContract.content(generator.generate(2)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void theExpectedAnswerIsMarkedRightAndSurvivesTyping(ExerciseGenerator generator) {
        for (ExerciseInstance instance : GeneratorContract.instances(generator, SEEDS)) {
            for (Part part : instance.parts()) {
                PartFeedback feedback = AnswerChecker.check(part, part.expected());
                assertThat(feedback.correct()).as("%s seed %d part %s", generator.key(), instance.seed(), part.id()).isTrue();
                // What a student would type from the worked answer (6 decimals) reads back as right.
                String typed = AnswerParser.format(part.shape(), part.expected());
                Answer parsed = AnswerParser.parse(part.shape(), typed).orElseThrow();
                assertThat(AnswerChecker.check(part, parsed).correct()).as("%s part %s typed %s", generator.key(), part.id(), typed).isTrue();
                for (CommonMistake mistake : part.mistakes()) {
                    PartFeedback slip = AnswerChecker.check(part, mistake.answer());
                    assertThat(slip.correct()).isFalse();
                    assertThat(slip.message()).contains(mistake.feedback());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void everyPartHasHintsAndAnExplanation(ExerciseGenerator generator) {
        for (ExerciseInstance instance : GeneratorContract.instances(generator, 20)) {
            assertThat(instance.prompt()).isNotBlank();
            for (Part part : instance.parts()) {
                assertThat(part.hints()).as("%s part %s", generator.key(), part.id()).isNotEmpty().allSatisfy(h -> assertThat(h).isNotBlank());
                assertThat(part.hasExplanation()).as("%s part %s", generator.key(), part.id()).isTrue();
            }
        }
    }

    /** Givens are for working by hand: small, with at most two decimals. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void givensAreSmallAndShort(ExerciseGenerator generator) {
        for (ExerciseInstance instance : GeneratorContract.instances(generator, SEEDS)) {
            for (Given given : instance.givens()) {
                for (double v : given.value().toArray()) {
                    assertThat(Math.abs(v)).as("%s %s", generator.key(), given.label()).isLessThanOrEqualTo(1000);
                    assertThat(Math.abs(v * 100 - Math.rint(v * 100))).as("%s %s has %s", generator.key(), given.label(), v)
                            .isLessThan(1e-6);
                }
            }
        }
    }

    /** An odd number of unescaped dollars would break the KaTeX of everything after it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void mathDelimitersBalance(ExerciseGenerator generator) {
        for (ExerciseInstance instance : GeneratorContract.instances(generator, 20)) {
            assertBalanced(generator, instance.prompt());
            instance.givens().forEach(g -> {
                assertBalanced(generator, g.label());
                g.rowLabels().forEach(l -> assertBalanced(generator, l));
                g.columnLabels().forEach(l -> assertBalanced(generator, l));
            });
            for (Part part : instance.parts()) {
                assertBalanced(generator, part.question());
                assertBalanced(generator, part.explanation());
                part.hints().forEach(h -> assertBalanced(generator, h));
                part.mistakes().forEach(m -> assertBalanced(generator, m.feedback()));
                if (part.shape() instanceof AnswerShape.Choice(List<String> options)) {
                    options.forEach(o -> assertBalanced(generator, o));
                }
            }
        }
    }

    private static void assertBalanced(ExerciseGenerator generator, String text) {
        long dollars = text.replace("\\$", "").chars().filter(c -> c == '$').count();
        assertThat(dollars % 2).as("%s: odd number of $ in %s", generator.key(), text).isZero();
        assertThat(text).as("%s: unrounded double in %s", generator.key(), text).doesNotContainPattern("\\d\\.\\d{7,}");
    }
}
