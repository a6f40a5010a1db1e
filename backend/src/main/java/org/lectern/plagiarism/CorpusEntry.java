package org.lectern.plagiarism;

import java.time.Instant;

/**
 * Something students are checked against: a reference solution, or an earlier term's imported submissions.
 *
 * @param origin a reference's source and date ("ChatGPT-4o, 2026-10-02"), or the term ("2025 autumn")
 * @param submissions one for a reference; the number of student folders for an earlier term
 * @param files how many files it holds
 */
public record CorpusEntry(long id, long assignmentId, CorpusKind kind, String label, String origin, int submissions, int files,
                          Instant createdAt) {
}
