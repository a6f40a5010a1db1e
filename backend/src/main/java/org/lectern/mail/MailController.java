package org.lectern.mail;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class MailController {

    private final InvitationMail invitations;
    private final Outbox outbox;

    MailController(InvitationMail invitations, Outbox outbox) {
        this.invitations = invitations;
        this.outbox = outbox;
    }

    /** Instructors: e-mail invitation links to everyone on the roster without a password. */
    @Operation(summary = "E-mail invitation links to members who have not set a password (instructors)")
    @PostMapping("/courses/{courseId}/invitations/mail")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Integer> mailInvitations(@PathVariable long courseId) {
        return Map.of("queued", invitations.send(courseId));
    }

    /** Site admins: the outbox (counts by state; failed messages with their reason). */
    @Operation(summary = "The mail outbox: whether mail is on, and recent and failed messages (site admins)")
    @GetMapping("/admin/mail")
    Outbox.Status outbox() {
        return outbox.status();
    }
}
