package org.lectern.qa;

/**
 * A new question. At most one category: a lecture or an assignment (a schedule item); neither is "general".
 *
 * @param privatePost seen by staff and the author only
 * @param anonymous   the author's name hidden from classmates (never from staff)
 */
public record PostDraft(String title, String body, Long lectureId, Long itemId, Boolean privatePost, Boolean anonymous) {

    public PostDraft {
        privatePost = Boolean.TRUE.equals(privatePost); // left out of a JSON request: public, named
        anonymous = Boolean.TRUE.equals(anonymous);
    }
}
