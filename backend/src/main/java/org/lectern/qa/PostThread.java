package org.lectern.qa;

import java.util.List;

/** A post with its answers (endorsed first, then oldest first) and its follow-up comments (oldest first). */
public record PostThread(Post post, List<Reply> answers, List<Reply> comments) {
}
