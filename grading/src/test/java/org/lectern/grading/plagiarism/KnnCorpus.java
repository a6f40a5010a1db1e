package org.lectern.grading.plagiarism;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real submissions of one assignment, under src/test/resources/plagiarism/knn (sources in its README): CS231n's kNN
 * classifier ({@code k_nearest_neighbor.py}), the starter file as handed out, 16 independent students' solutions (s01 to
 * s16), 5 disguised copies made from some of them (c1 to c5), and 2 solutions that share lines character for character
 * with s07 and s03 because both copied the same public solution (x01, x02: neither independent nor planted, so counted in
 * no rate).
 */
public record KnnCorpus(Map<String, String> starter, List<Candidate> independent, List<Candidate> copies, List<Candidate> sharedSource) {

    public static final String FILE = "k_nearest_neighbor.py";
    private static final int STUDENTS = 16;
    /** Each disguised copy and the student it was made from. */
    public static final Map<String, String> ORIGINALS = Map.of("c1", "s09", "c2", "s14", "c3", "s11", "c4", "s04", "c5", "s07");

    /** How a check did on the corpus at one flag threshold. */
    public record Figures(int falsePositives, int independentPairs, int truePositives, int copies, Pair highestIndependent,
            Pair lowestCopy) {

        public double falsePositiveRate() {
            return falsePositives / (double) independentPairs;
        }

        public double truePositiveRate() {
            return truePositives / (double) copies;
        }
    }

    public static KnnCorpus load() {
        List<Candidate> students = new ArrayList<>();
        for (int i = 1; i <= STUDENTS; i++) {
            students.add(candidate("students", "s%02d".formatted(i)));
        }
        List<Candidate> copies = ORIGINALS.keySet().stream().sorted().map(id -> candidate("copies", id)).toList();
        List<Candidate> shared = List.of(candidate("shared-source", "x01"), candidate("shared-source", "x02"));
        return new KnnCorpus(Map.of(FILE, Fixtures.text("knn/starter/" + FILE)), students, copies, shared);
    }

    private static Candidate candidate(String folder, String id) {
        return Candidate.student(id, id, Map.of(FILE, Fixtures.text("knn/" + folder + "/" + id + "/" + FILE)));
    }

    /** Everyone, as one check compares them. */
    public List<Candidate> all() {
        List<Candidate> all = new ArrayList<>(independent);
        all.addAll(copies);
        all.addAll(sharedSource);
        return all;
    }

    public static boolean independentPair(Pair p) {
        return p.first().id().startsWith("s") && p.second().id().startsWith("s");
    }

    public static boolean copyPair(Pair p) {
        String a = p.first().id();
        String b = p.second().id();
        return b.equals(ORIGINALS.get(a)) || a.equals(ORIGINALS.get(b));
    }

    /** The rates at a threshold, from a result that lists every pair (maxPairs at least 253). */
    public Figures figures(CheckResult result, double threshold) {
        int independentPairs = independent.size() * (independent.size() - 1) / 2;
        if (result.comparisons() != result.pairs().size()) {
            throw new IllegalArgumentException("the result must list every pair");
        }
        int falsePositives = 0;
        int truePositives = 0;
        Pair highest = null;
        Pair lowest = null;
        for (Pair p : result.pairs()) {
            if (independentPair(p)) {
                falsePositives += p.maximumSimilarity() >= threshold ? 1 : 0;
                highest = highest == null || p.maximumSimilarity() > highest.maximumSimilarity() ? p : highest;
            } else if (copyPair(p)) {
                truePositives += p.maximumSimilarity() >= threshold ? 1 : 0;
                lowest = lowest == null || p.maximumSimilarity() < lowest.maximumSimilarity() ? p : lowest;
            }
        }
        return new Figures(falsePositives, independentPairs, truePositives, copies.size(), highest, lowest);
    }
}
