package org.lectern.qa;

import java.util.List;

/**
 * New activity on a post (an answer, a comment, an endorsement, a resolution) for the people who follow it and asked
 * for e-mail; the mail feature sends it now or in the day's digest. Published in the transaction that made the
 * change; the author of the change and anyone who may not see the post are never among the recipients. It names no
 * author, so an anonymous post stays anonymous in mail too.
 */
public record QaActivity(long courseId, long postId, String postTitle, Kind kind, List<Recipient> recipients) {

    public enum Kind { ANSWER, COMMENT, ENDORSED, RESOLVED }

    public record Recipient(long accountId, EmailDelivery delivery) {
    }
}
