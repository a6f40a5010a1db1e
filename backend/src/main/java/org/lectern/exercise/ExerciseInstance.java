package org.lectern.exercise;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One student's (or one poll's) copy of an exercise: what {@link ExerciseGenerator#generate} makes
 * from a seed. Regenerating from {@code generatorKey} and {@code seed} gives an equal instance, so
 * only those two need storing.
 *
 * @param prompt Markdown with KaTeX ({@code $...$} inline, {@code $$...$$} display)
 * @param givens the numbers to show as grids, in order
 * @param parts  the questions, in order; ids are unique
 */
public record ExerciseInstance(String generatorKey, long seed, String prompt, List<Given> givens, List<Part> parts) {

    public ExerciseInstance {
        if (generatorKey == null || generatorKey.isBlank()) {
            throw new IllegalArgumentException("an instance names its generator");
        }
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("an instance needs a prompt");
        }
        givens = List.copyOf(givens);
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("an instance needs at least one part");
        }
        Set<String> ids = new HashSet<>();
        for (Part part : parts) {
            if (!ids.add(part.id())) {
                throw new IllegalArgumentException("part id repeats: " + part.id());
            }
        }
    }

    public Optional<Part> part(String id) {
        return parts.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Given> given(String label) {
        return givens.stream().filter(g -> g.label().equals(label)).findFirst();
    }

    public double totalWeight() {
        return parts.stream().mapToDouble(Part::weight).sum();
    }
}
