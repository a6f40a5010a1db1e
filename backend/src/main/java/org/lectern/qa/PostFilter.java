package org.lectern.qa;

/**
 * What a post list shows: all, or unanswered (no answer at all), mine (I wrote it), following; optionally one lecture
 * or assignment, optionally matching a search (words over posts and their answers).
 */
public record PostFilter(Show show, Long lectureId, Long itemId, String query) {

    public enum Show { ALL, UNANSWERED, MINE, FOLLOWING }

    public static PostFilter all() {
        return new PostFilter(Show.ALL, null, null, null);
    }
}
