package org.lectern.grading.plagiarism;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one check compares: every student candidate against every other and against the earlier terms' and reference
 * candidates; earlier terms and references are not compared with each other.
 *
 * @param language the language of the assignment's code
 * @param candidates one per student, or one per team for team assignments (so a team counts once)
 * @param baseCode the starter files handed out with the assignment (name to text), excluded from matches; may be empty
 * @param options thresholds and limits
 */
public record CheckInput(SourceLanguage language, List<Candidate> candidates, Map<String, String> baseCode, CheckOptions options) {

    public CheckInput {
        Objects.requireNonNull(language, "language");
        candidates = List.copyOf(candidates);
        baseCode = baseCode == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baseCode));
        options = options == null ? CheckOptions.defaults() : options;
        Set<String> ids = new HashSet<>();
        Map<String, String> teamOfMember = new HashMap<>();
        for (Candidate candidate : candidates) {
            if (!ids.add(candidate.id())) {
                throw new IllegalArgumentException("candidate id " + candidate.id() + " appears twice");
            }
            if (candidate.isStudent()) {
                for (String member : candidate.members()) {
                    String earlier = teamOfMember.putIfAbsent(member, candidate.id());
                    if (earlier != null) {
                        // Comparing a student's work twice (alone and in a team) would report them against themselves.
                        throw new IllegalArgumentException(
                                "user " + member + " belongs to both " + earlier + " and " + candidate.id() + "; pass one candidate per team");
                    }
                }
            }
        }
    }

    public CheckInput(SourceLanguage language, List<Candidate> candidates, Map<String, String> baseCode) {
        this(language, candidates, baseCode, CheckOptions.defaults());
    }

    public CheckInput withOptions(CheckOptions newOptions) {
        return new CheckInput(language, candidates, baseCode, newOptions);
    }
}
