package org.lectern.exercise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The exercise generators by key, in the order of the course's lectures. */
public final class ExerciseCatalog {

    private final Map<String, ExerciseGenerator> byKey = new LinkedHashMap<>();

    public ExerciseCatalog(List<? extends ExerciseGenerator> generators) {
        for (ExerciseGenerator generator : generators) {
            if (generator.key() == null || !generator.key().matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("a generator key is a lower-case slug: " + generator.key());
            }
            if (byKey.putIfAbsent(generator.key(), generator) != null) {
                throw new IllegalArgumentException("two generators share the key " + generator.key());
            }
        }
    }

    /** Every generator this module ships, in lecture order. */
    public static ExerciseCatalog standard() {
        return new ExerciseCatalog(List.of(
                new KnnExercise(),
                new LinearScoreExercise(),
                new SvmLossExercise(),
                new SoftmaxLossExercise(),
                new BackpropExercise(),
                new XorNetworkExercise(),
                new Conv2dExercise(),
                Conv2dExercise.cse416Poll(),
                new ConvOutputSizeExercise(),
                new ConvWeightCountExercise(),
                new PoolingExercise(),
                new BatchNormExercise(),
                new MomentumExercise(),
                new NesterovExercise(),
                new AdamExercise(),
                new CosineScheduleExercise(),
                new DropoutExercise(),
                new SelfAttentionExercise()));
    }

    public List<ExerciseGenerator> all() {
        return List.copyOf(byKey.values());
    }

    public Optional<ExerciseGenerator> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The generators of one lecture topic, in catalog order. */
    public List<ExerciseGenerator> byTopic(String topic) {
        return byKey.values().stream().filter(g -> g.topic().equals(topic)).toList();
    }

    /** Regenerates an instance from what is stored: the generator's key and the seed. */
    public Optional<ExerciseInstance> generate(String key, long seed) {
        return find(key).map(g -> g.generate(seed));
    }
}
