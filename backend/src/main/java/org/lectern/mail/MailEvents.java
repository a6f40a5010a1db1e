package org.lectern.mail;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.announcement.AnnouncementPublished;
import org.lectern.assignment.AssignmentGradesReleased;
import org.lectern.identity.PasswordResetRequested;
import org.lectern.mail.internal.OutboxRepository;
import org.lectern.qa.EmailDelivery;
import org.lectern.qa.QaActivity;
import org.lectern.written.WrittenPagesUnmarked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns what happened elsewhere into messages, inside the publisher's transaction (plain listeners, not after-commit
 * ones): the message exists exactly when its cause does. With mail off they do nothing.
 */
@Component
class MailEvents {

    private final Outbox outbox;
    private final OutboxRepository repo;
    private final MailSettings settings;
    private final Clock clock;

    MailEvents(Outbox outbox, OutboxRepository repo, MailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.repo = repo;
        this.settings = settings;
        this.clock = clock;
    }

    String link(String path) {
        return settings.baseUrl() + path;
    }

    @EventListener
    void announced(AnnouncementPublished e) {
        if (!outbox.enabled()) {
            return;
        }
        String course = repo.courseTitle(e.courseId()).orElse("Your course");
        for (var p : repo.members(e.courseId(), List.of("INSTRUCTOR", "TA", "STUDENT"))) {
            outbox.queue(MailTemplates.announcement(p.email(), course, e.title(), e.body(), link("/courses/" + e.courseId())));
        }
    }

    @EventListener
    void gradesReleased(AssignmentGradesReleased e) {
        if (!outbox.enabled() || !e.released()) {
            return;
        }
        String course = repo.courseTitle(e.courseId()).orElse("Your course");
        String link = link("/courses/" + e.courseId() + "/assignments/" + e.assignmentId());
        for (var p : repo.members(e.courseId(), List.of("STUDENT"))) {
            outbox.queue(MailTemplates.gradesReleased(p.email(), course, e.shortName(), link));
        }
    }

    /** Recipients were chosen by Q&A (followers who may see the post, never the author of the change). */
    @EventListener
    void qaActivity(QaActivity e) {
        if (!outbox.enabled()) {
            return;
        }
        String course = repo.courseTitle(e.courseId()).orElse("Your course");
        String link = link("/courses/" + e.courseId() + "/qa/" + e.postId());
        for (QaActivity.Recipient r : e.recipients()) {
            if (r.delivery() == EmailDelivery.IMMEDIATE) {
                repo.email(r.accountId()).ifPresent(to -> outbox.queue(MailTemplates.qaActivity(to, course, e.postTitle(), e.kind(), link)));
            } else if (r.delivery() == EmailDelivery.DAILY) {
                repo.addDigestItem(r.accountId(), e.courseId(), e.postId(), e.postTitle(), e.kind().name(), clock.instant());
            }
        }
    }

    /** The student's own reminder: their unmarked question numbers and the deadline in the course's time zone. */
    @EventListener
    void writtenUnmarked(WrittenPagesUnmarked e) {
        if (!outbox.enabled()) {
            return;
        }
        String course = repo.courseTitle(e.courseId()).orElse("Your course");
        String due = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM, HH:mm z", java.util.Locale.ENGLISH)
                .format(e.dueAt().atZone(repo.courseZone(e.courseId())));
        repo.email(e.accountId()).ifPresent(to -> outbox.queue(MailTemplates.writtenUnmarked(to, course, e.assignmentName(), e.unmarked(), due,
                link("/courses/" + e.courseId() + "/assignments/" + e.assignmentId()))));
    }

    @EventListener
    void passwordReset(PasswordResetRequested e) {
        outbox.queue(MailTemplates.passwordReset(e.email(), link("/reset-password/" + e.token()), e.lifetime().toMinutes()));
    }

    /** The day's digest: one message per person, one line per post (its latest activity). */
    @Transactional
    public int sendDigests() {
        List<OutboxRepository.DigestItem> items = repo.takeDigestItems();
        if (!outbox.enabled()) {
            return 0;
        }
        Map<Long, Map<Long, OutboxRepository.DigestItem>> byPerson = new LinkedHashMap<>();
        for (var i : items) {
            byPerson.computeIfAbsent(i.accountId(), k -> new LinkedHashMap<>()).put(i.postId(), i);
        }
        Map<Long, String> titles = new LinkedHashMap<>();
        int n = 0;
        for (var entry : byPerson.entrySet()) {
            var to = repo.email(entry.getKey());
            if (to.isEmpty()) {
                continue;
            }
            List<MailTemplates.DigestLine> lines = new ArrayList<>();
            for (var i : entry.getValue().values()) {
                String course = titles.computeIfAbsent(i.courseId(), id -> repo.courseTitle(id).orElse("Your course"));
                lines.add(new MailTemplates.DigestLine(course, i.postTitle(), QaActivity.Kind.valueOf(i.kind()),
                        link("/courses/" + i.courseId() + "/qa/" + i.postId())));
            }
            outbox.queue(MailTemplates.qaDigest(to.get(), lines));
            n++;
        }
        return n;
    }
}
