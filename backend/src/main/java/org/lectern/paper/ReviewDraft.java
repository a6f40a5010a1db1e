package org.lectern.paper;

/** A weekly review's five parts, as the student writes them. */
public record ReviewDraft(String summary, String strengths, String weaknesses, String suggestions, String questions) {
}
