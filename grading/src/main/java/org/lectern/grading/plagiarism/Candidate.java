package org.lectern.grading.plagiarism;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One body of work in a check: a student's (or a team's) counted submission, a submission from an earlier term, or
 * a reference solution.
 *
 * @param id unique within the check, e.g. {@code "u42"} or {@code "team7"}; a team is one candidate, so its work
 *     counts once
 * @param label what staff read, e.g. a name or "Team 7 (Ana, Bo)"
 * @param kind whether it is checked ({@link Kind#STUDENT}) or only checked against
 * @param origin where a non-student candidate came from: the term ("2025 autumn") or the reference's source and
 *     date ("ChatGPT-4o, 2026-10-02"); null for students
 * @param members the user ids a student candidate stands for (one for a student, several for a team); empty for
 *     earlier terms and references
 * @param files file name (a relative path, "/" separated) to file text; files in other languages are ignored
 */
public record Candidate(String id, String label, Kind kind, String origin, List<String> members, Map<String, String> files) {

    public enum Kind {
        /** Checked against every other candidate. */
        STUDENT,
        /** A submission from an earlier term: students are checked against it, it is not checked against its own term. */
        PREVIOUS_TERM,
        /** A reference solution (AI-generated, published): students are checked against it, references not with each other. */
        REFERENCE
    }

    public Candidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(files, "files");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a candidate id must not be blank");
        }
        label = label == null || label.isBlank() ? id : label;
        members = members == null ? List.of() : List.copyOf(members);
        // Keeps the caller's order (LinkedHashMap) so that results list files as they were submitted.
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        files.forEach((name, text) -> {
            Objects.requireNonNull(name, "file name");
            Objects.requireNonNull(text, () -> "text of " + name);
        });
    }

    public static Candidate student(String userId, String label, Map<String, String> files) {
        return new Candidate(userId, label, Kind.STUDENT, null, List.of(userId), files);
    }

    /** A team's one submission: it is compared once, not once per member. */
    public static Candidate team(String teamId, String label, List<String> memberIds, Map<String, String> files) {
        return new Candidate(teamId, label, Kind.STUDENT, null, memberIds, files);
    }

    public static Candidate previousTerm(String id, String label, String term, Map<String, String> files) {
        return new Candidate(id, label, Kind.PREVIOUS_TERM, term, List.of(), files);
    }

    /** A reference solution, e.g. {@code reference("ref-3", "AI solution", "ChatGPT-4o, 2026-10-02", files)}. */
    public static Candidate reference(String id, String label, String origin, Map<String, String> files) {
        return new Candidate(id, label, Kind.REFERENCE, origin, List.of(), files);
    }

    public boolean isStudent() {
        return kind == Kind.STUDENT;
    }
}
