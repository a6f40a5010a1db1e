package org.lectern.plagiarism;

/**
 * A file or submission that could not be compared fully; never fatal to the check.
 *
 * @param label whose it is (a student, an earlier term's submission, a reference, or the starter code)
 * @param file the file, or null when it concerns the whole submission
 * @param kind the engine's kind: FILE_SKIPPED, PARSED_WITH_ERRORS, NO_CODE, CANDIDATE_EXCLUDED, BASE_CODE_IGNORED
 */
public record ParseProblemSummary(String party, String label, String file, String kind, String message) {
}
