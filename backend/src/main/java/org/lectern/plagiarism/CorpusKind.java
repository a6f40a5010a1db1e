package org.lectern.plagiarism;

/** What students are checked against besides each other. */
public enum CorpusKind {
    /** An earlier term's submissions, imported once from an archive with one folder per student. */
    PREVIOUS_TERM,
    /** A reference solution: AI-generated (named tool and date) or published. */
    REFERENCE
}
