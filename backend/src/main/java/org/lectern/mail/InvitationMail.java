package org.lectern.mail;

import java.util.Map;
import org.lectern.course.CourseAccess;
import org.lectern.course.CourseService;
import org.lectern.mail.internal.OutboxRepository;
import org.lectern.platform.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Instructors: mail a fresh invitation link to every member who has not set a password yet (same links as the roster page's). */
@Service
public class InvitationMail {

    private final CourseAccess access;
    private final CourseService courses;
    private final Outbox outbox;
    private final OutboxRepository repo;
    private final MailSettings settings;

    InvitationMail(CourseAccess access, CourseService courses, Outbox outbox, OutboxRepository repo, MailSettings settings) {
        this.access = access;
        this.courses = courses;
        this.outbox = outbox;
        this.repo = repo;
        this.settings = settings;
    }

    /** How many invitations were queued; 409 when this install sends no mail (staff copy the links instead). */
    @Transactional
    public int send(long courseId) {
        access.instructor(courseId);
        if (!outbox.enabled()) {
            throw new ConflictException("This site sends no e-mail (no SMTP server is configured): copy the invitation links from the roster page.");
        }
        String course = repo.courseTitle(courseId).orElseThrow();
        Map<String, String> links = courses.inviteTokens(courseId);
        links.forEach((email, token) -> outbox.queue(MailTemplates.invitation(email, course, settings.baseUrl() + "/activate/" + token)));
        return links.size();
    }
}
