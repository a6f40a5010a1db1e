package org.lectern.gradebook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A course's grading scheme: weighted categories of items, and letter cutoffs from the highest down.
 * The non-extra-credit categories' weights add up to 100; item keys are unique across the scheme.
 */
public record GradingScheme(List<Category> categories, List<LetterCutoff> letterCutoffs) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public GradingScheme {
        categories = List.copyOf(categories);
        letterCutoffs = List.copyOf(letterCutoffs);
        Set<String> names = new HashSet<>();
        Set<String> keys = new HashSet<>();
        BigDecimal weights = BigDecimal.ZERO;
        for (Category category : categories) {
            if (!names.add(category.name())) {
                throw new IllegalArgumentException("category " + category.name() + " is listed twice");
            }
            for (GradedItem item : category.items()) {
                if (!keys.add(item.key())) {
                    throw new IllegalArgumentException("item " + item.key() + " is in more than one category");
                }
            }
            if (!category.extraCredit()) {
                weights = weights.add(category.weightPercent());
            }
        }
        if (weights.compareTo(HUNDRED) != 0) {
            throw new IllegalArgumentException("category weights add up to " + weights.toPlainString() + ", not 100");
        }
        for (int i = 1; i < letterCutoffs.size(); i++) {
            if (letterCutoffs.get(i).minPercent().compareTo(letterCutoffs.get(i - 1).minPercent()) >= 0) {
                throw new IllegalArgumentException("letter cutoffs must go from the highest down: "
                        + letterCutoffs.get(i - 1).letter() + " then " + letterCutoffs.get(i).letter());
            }
        }
        // Every total needs a letter; a gap at the bottom would leave some students with none.
        if (!letterCutoffs.isEmpty() && letterCutoffs.getLast().minPercent().signum() != 0) {
            throw new IllegalArgumentException("the lowest letter cutoff must be 0");
        }
    }

    /**
     * UW CSE 493G1, Winter 2024 (seed 000, "Grading"): A0 0%; A1-A5 8% each (40%); 5 quizzes, 6% each
     * with the lowest dropped (24%); project 36% (proposal 2, milestone 4, final report 20, poster 10);
     * participation extra credit up to 5%.
     * <p>Assumed, not in the seed: points possible (assignments and project parts 100, quizzes 10,
     * participation 100) and the letter cutoffs (a common US scale: A 93, A- 90, B+ 87, B 83, B- 80,
     * C+ 77, C 73, C- 70, D+ 67, D 60, F 0; UW itself reports a 4.0 scale, mapped by staff).
     */
    public static GradingScheme cse493g1() {
        List<GradedItem> assignments = new ArrayList<>();
        assignments.add(GradedItem.weighted("a0", 100, "0"));
        IntStream.rangeClosed(1, 5).forEach(i -> assignments.add(GradedItem.of("a" + i, 100)));
        List<GradedItem> quizzes = IntStream.rangeClosed(1, 5).mapToObj(i -> GradedItem.of("quiz" + i, 10)).toList();
        List<GradedItem> project = List.of(
                GradedItem.weighted("project-proposal", 100, "2"),
                GradedItem.weighted("project-milestone", 100, "4"),
                GradedItem.weighted("project-final-report", 100, "20"),
                GradedItem.weighted("project-poster", 100, "10"));
        return new GradingScheme(List.of(
                Category.of("Assignments", "40", 0, assignments),
                Category.of("Quizzes", "24", 1, quizzes),
                Category.of("Project", "36", 0, project),
                Category.extraCredit("Participation", "5", "5", List.of(GradedItem.of("participation", 100)))),
                usLetters());
    }

    /**
     * An example for Koç COMP541, Fall 2024. The weights are the seed's (001, "Grading"): self-assessment
     * quiz 2, programming assignments 20 (4 x 5), midterm 17, project 36 (proposal 2, progress
     * presentation 4, progress report 6, final presentation 8, final report 12, quality of the
     * contribution 4), paper presentations 10, paper reviews 5, participation 10.
     * <p>Example only, not in the seed: 10 paper reviews (10 points each) with the lowest 2 dropped, 100
     * points for everything else, no extra credit, and the cutoffs A 90, A- 85, B+ 80, B 75, B- 70,
     * C+ 65, C 60, C- 55, D+ 50, D 45, F 0.
     */
    public static GradingScheme comp541Example() {
        List<GradedItem> assignments = IntStream.rangeClosed(1, 4).mapToObj(i -> GradedItem.of("pa" + i, 100)).toList();
        List<GradedItem> project = List.of(
                GradedItem.weighted("project-proposal", 100, "2"),
                GradedItem.weighted("project-progress-presentation", 100, "4"),
                GradedItem.weighted("project-progress-report", 100, "6"),
                GradedItem.weighted("project-final-presentation", 100, "8"),
                GradedItem.weighted("project-final-report", 100, "12"),
                GradedItem.weighted("project-contribution", 100, "4"));
        List<GradedItem> reviews = IntStream.rangeClosed(1, 10).mapToObj(i -> GradedItem.of("review" + i, 10)).toList();
        return new GradingScheme(List.of(
                Category.of("Self-Assessment Quiz", "2", 0, List.of(GradedItem.of("self-assessment", 100))),
                Category.of("Programming Assignments", "20", 0, assignments),
                Category.of("Midterm Exam", "17", 0, List.of(GradedItem.of("midterm", 100))),
                Category.of("Course Project", "36", 0, project),
                Category.of("Paper Presentations", "10", 0, List.of(GradedItem.of("paper-presentation", 100))),
                Category.of("Paper Reviews", "5", 2, reviews),
                Category.of("Class Participation", "10", 0, List.of(GradedItem.of("participation", 100)))),
                List.of(LetterCutoff.of("A", "90"), LetterCutoff.of("A-", "85"), LetterCutoff.of("B+", "80"),
                        LetterCutoff.of("B", "75"), LetterCutoff.of("B-", "70"), LetterCutoff.of("C+", "65"),
                        LetterCutoff.of("C", "60"), LetterCutoff.of("C-", "55"), LetterCutoff.of("D+", "50"),
                        LetterCutoff.of("D", "45"), LetterCutoff.of("F", "0")));
    }

    private static List<LetterCutoff> usLetters() {
        return List.of(LetterCutoff.of("A", "93"), LetterCutoff.of("A-", "90"), LetterCutoff.of("B+", "87"),
                LetterCutoff.of("B", "83"), LetterCutoff.of("B-", "80"), LetterCutoff.of("C+", "77"),
                LetterCutoff.of("C", "73"), LetterCutoff.of("C-", "70"), LetterCutoff.of("D+", "67"),
                LetterCutoff.of("D", "60"), LetterCutoff.of("F", "0"));
    }

    /** The letter for a total percent, judged on its displayed value (2 decimals, half up); null for null. */
    public String letterFor(BigDecimal totalPercent) {
        if (totalPercent == null) {
            return null;
        }
        BigDecimal shown = Rounding.forDisplay(totalPercent);
        return letterCutoffs.stream()
                .filter(c -> shown.compareTo(c.minPercent()) >= 0)
                .map(LetterCutoff::letter)
                .findFirst()
                .orElse(null);
    }

    public Optional<Category> categoryOf(String itemKey) {
        return categories.stream()
                .filter(c -> c.items().stream().anyMatch(i -> i.key().equals(itemKey)))
                .findFirst();
    }

    public List<GradedItem> items() {
        return categories.stream().flatMap(c -> c.items().stream()).toList();
    }
}
