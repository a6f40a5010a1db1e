package org.lectern.qa;

/**
 * A staff change to a post; null fields stay as they are. {@code makePublic} turns a private question public with
 * its author's name hidden from the class. {@code duplicateOf} 0 clears the mark.
 */
public record Moderation(Boolean pinned, Boolean locked, Boolean makePublic, Long duplicateOf) {
}
