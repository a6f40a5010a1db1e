package org.lectern.grading.plagiarism;

/**
 * Input that could not be compared as it stands. Never fatal: the rest of the check goes on.
 *
 * @param candidateId the candidate, or {@link #STARTER_CODE} for the base code
 * @param file the file as submitted, or null when the problem concerns the whole candidate
 * @param kind what happened
 * @param message for staff: what went wrong and what it means for the results
 */
public record ParseProblem(String candidateId, String file, Kind kind, String message) {

    /** The candidate id used for problems with the starter (base) code. */
    public static final String STARTER_CODE = "(starter code)";

    public enum Kind {
        /** The file could not be parsed at all; the candidate's other files were still compared. */
        FILE_SKIPPED,
        /** The parser hit syntax it does not know and skipped over it: parts of the file may be missing from matches. */
        PARSED_WITH_ERRORS,
        /** The candidate has no file in the check's language. */
        NO_CODE,
        /** Nothing of the candidate could be compared (no file parsed, or too little code). */
        CANDIDATE_EXCLUDED,
        /** The starter code could not be used, so the check ran without it and shared starter code counts as similar. */
        BASE_CODE_IGNORED
    }
}
