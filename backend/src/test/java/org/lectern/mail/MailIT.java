package org.lectern.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.lectern.People.as;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.People;
import org.lectern.TestClock;
import org.lectern.TestServers;
import org.lectern.announcement.AnnouncementService;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.identity.Account;
import org.lectern.identity.AccountService;
import org.lectern.identity.ApiTokenService;
import org.lectern.platform.InvalidInputException;
import org.lectern.qa.EmailDelivery;
import org.lectern.qa.PostDraft;
import org.lectern.qa.QaService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;

/** Mail through the outbox to a real SMTP server (GreenMail) on the port the test context was given ({@link TestServers}). */
@BackendTest
class MailIT {

    static GreenMail smtp;

    @Autowired Coursework coursework;
    @Autowired People people;
    @Autowired CourseService courses;
    @Autowired AccountService accounts;
    @Autowired ApiTokenService apiTokens;
    @Autowired AnnouncementService announcements;
    @Autowired AssignmentService assignments;
    @Autowired QaService qa;
    @Autowired InvitationMail invitations;
    @Autowired MailEvents mailEvents;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired org.lectern.written.WrittenService written;
    @Autowired org.lectern.written.WrittenPages writtenPages;
    @Autowired org.lectern.written.WrittenReminders writtenReminders;
    @Autowired org.lectern.submission.SubmissionService submissions;

    @BeforeAll
    static void findSmtp() {
        smtp = TestServers.smtp();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static List<MimeMessage> to(GreenMail server, String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static MimeMessage one(String address) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !to(smtp, address).isEmpty());
        List<MimeMessage> got = to(smtp, address);
        assertThat(got).hasSize(1);
        return got.getFirst();
    }

    static String body(MimeMessage m) {
        return GreenMailUtil.getBody(m);
    }

    /** The plain-text (0) or HTML (1) alternative, decoded. */
    static String part(MimeMessage m, int index) throws Exception {
        return ((jakarta.mail.internet.MimeMultipart) m.getContent()).getBodyPart(index).getContent().toString();
    }

    static String link(MimeMessage m, String path) throws Exception {
        Matcher matcher = Pattern.compile("http://lectern\\.test" + path + "([A-Za-z0-9_\\-]+)").matcher(part(m, 0));
        assertThat(matcher.find()).as("a link to " + path).isTrue();
        return matcher.group(1);
    }

    @Test
    void anInvitationArrivesWithALinkThatSetsThePassword() throws Exception {
        var s = coursework.setup(false);
        String email = "newcomer-" + System.nanoTime() + "@test.lectern";
        as(s.instructor(), () -> courses.addMember(s.courseId(), new NewMember("New Comer", email, CourseRole.STUDENT, null)));
        int queued = as(s.instructor(), () -> invitations.send(s.courseId()));
        assertThat(queued).isEqualTo(1);

        MimeMessage mail = one(email);
        assertThat(mail.getSubject()).contains("invited");
        String token = link(mail, "/activate/");
        assertThat(accounts.invitedAccount(token)).map(Account::email).contains(email);
        accounts.acceptInvitation(token, "a-brand-new-password");
        assertThat(accounts.authenticate(email, "a-brand-new-password", "10.0.0.1").email()).isEqualTo(email);
        // Students cannot send invitations.
        assertThatThrownBy(() -> as(s.student(), () -> invitations.send(s.courseId()))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void passwordResetEndToEndIsSingleUseAndShortLived() throws Exception {
        Account who = people.user("forgetful");
        String apiToken = apiTokens.issue(who.email(), People.PASSWORD, "script", "10.0.0.2").secret();
        accounts.requestPasswordReset(who.email(), "10.0.0.2");
        // An unknown address gets the same (silent) answer and no mail.
        accounts.requestPasswordReset("nobody-" + System.nanoTime() + "@test.lectern", "10.0.0.2");

        MimeMessage mail = one(who.email());
        String token = link(mail, "/reset-password/");
        assertThat(accounts.resetAccount(token)).map(Account::id).contains(who.id());
        accounts.resetPassword(token, "my-new-password-2026");
        assertThat(accounts.authenticate(who.email(), "my-new-password-2026", "10.0.0.2").id()).isEqualTo(who.id());
        assertThatThrownBy(() -> accounts.authenticate(who.email(), People.PASSWORD, "10.0.0.3")).isInstanceOf(BadCredentialsException.class);
        assertThat(apiTokens.resolve(apiToken)).isEmpty();                           // old tokens ended
        assertThatThrownBy(() -> accounts.resetPassword(token, "another-password-1")) // single use
                .isInstanceOf(InvalidInputException.class);

        // A second link expires after its lifetime.
        accounts.requestPasswordReset(who.email(), "10.0.0.4");
        await().atMost(Duration.ofSeconds(20)).until(() -> to(smtp, who.email()).size() == 2);
        String second = link(to(smtp, who.email()).get(1), "/reset-password/");
        clock.advance(AccountService.RESET_LIFETIME.plusMinutes(1));
        assertThat(accounts.resetAccount(second)).isEmpty();
        assertThatThrownBy(() -> accounts.resetPassword(second, "another-password-1")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aDayBeforeAWrittenDeadlineAStudentIsRemindedOnceOfTheQuestionsTheyHaveNotMarked() throws Exception {
        var s = coursework.setup(false);
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var w = as(s.instructor(), () -> assignments.create(s.courseId(), new org.lectern.assignment.AssignmentDraft("W9", "Backprop", null,
                now.minus(java.time.Duration.ofDays(1)), now.plus(java.time.Duration.ofHours(12)), java.math.BigDecimal.TEN, null, ".pdf", null, null,
                null, null, null, null, "Assignments", null)));
        var q1 = as(s.instructor(), () -> written.addQuestion(w.id(), new org.lectern.written.WrittenDrafts.Question(null, "One", java.math.BigDecimal.ONE, null)));
        var q2 = as(s.instructor(), () -> written.addQuestion(w.id(), new org.lectern.written.WrittenDrafts.Question(null, "Two", java.math.BigDecimal.ONE, null)));
        long mine = as(s.student(), () -> submissions.submit(w.id(), "answers.pdf", org.lectern.testing.SamplePdfs.answers(2))).submissionId();
        as(s.student(), () -> writtenPages.mark(mine, java.util.Map.of(q1.id(), List.of(1))));
        long theirs = as(s.otherStudent(), () -> submissions.submit(w.id(), "answers.pdf", org.lectern.testing.SamplePdfs.answers(2))).submissionId();
        as(s.otherStudent(), () -> writtenPages.mark(theirs, java.util.Map.of(q1.id(), List.of(1), q2.id(), List.of(2))));

        writtenReminders.sendDue();
        MimeMessage mail = one(s.student().email());
        assertThat(mail.getSubject()).contains("mark your pages for W9");
        assertThat(part(mail, 0)).contains("Q2").doesNotContain("Q1")
                .contains("http://lectern.test/courses/" + s.courseId() + "/assignments/" + w.id());
        assertThat(writtenReminders.sendDue()).isZero(); // once
        assertThat(to(smtp, s.otherStudent().email())).isEmpty(); // everything marked
    }

    @Test
    void releasingGradesTellsEachStudentAndNoGradeIsInTheMail() throws Exception {
        var s = coursework.setup(false);
        as(s.instructor(), () -> assignments.releaseGrades(s.assignment().id(), true));
        MimeMessage mail = one(s.student().email());
        assertThat(mail.getSubject()).contains("grades for " + s.assignment().shortName());
        assertThat(body(mail)).contains("http://lectern.test/courses/" + s.courseId() + "/assignments/" + s.assignment().id());
        one(s.otherStudent().email());
        assertThat(to(smtp, s.ta().email())).isEmpty();
    }

    @Test
    void anAnnouncementReachesEveryMemberEscapedInHtml() throws Exception {
        var s = coursework.setup(false);
        as(s.instructor(), () -> announcements.post(s.courseId(), "A1 <b>is</b> out", "Due **Friday** <script>x()</script>", null));
        MimeMessage mail = one(s.student().email());
        assertThat(mail.getSubject()).contains("A1 <b>is</b> out");
        String html = part(mail, 1);
        assertThat(html).contains("&lt;script&gt;x()&lt;/script&gt;").doesNotContain("<script>").contains("A1 &lt;b&gt;is&lt;/b&gt; out");
        assertThat(part(mail, 0)).contains("Due **Friday** <script>x()</script>"); // the text part stays plain text
        one(s.ta().email());
        one(s.otherStudent().email());
    }

    @Test
    void qaActivityGoesOutImmediatelyOrInTheDailyDigestNeverNamingAnAnonymousAuthor() throws Exception {
        var s = coursework.setup(false);
        as(s.student(), () -> qa.setEmailDelivery(s.courseId(), EmailDelivery.IMMEDIATE));
        as(s.otherStudent(), () -> qa.setEmailDelivery(s.courseId(), EmailDelivery.DAILY));
        var post = as(s.student(), () -> qa.ask(s.courseId(), new PostDraft("Softmax overflow", "np.exp(1000)", null, null, false, true)));
        as(s.otherStudent(), () -> qa.follow(post.id(), true));
        as(s.ta(), () -> qa.answer(post.id(), "Subtract the max first.", false));

        MimeMessage now = one(s.student().email());
        assertThat(now.getSubject()).contains("a new answer").contains("Softmax overflow");
        assertThat(body(now)).doesNotContain(s.student().displayName()).doesNotContain("Subtract the max");
        assertThat(to(smtp, s.otherStudent().email())).isEmpty();

        assertThat(mailEvents.sendDigests()).isGreaterThanOrEqualTo(1);
        MimeMessage digest = one(s.otherStudent().email());
        assertThat(digest.getSubject()).contains("questions you follow");
        assertThat(body(digest)).contains("Softmax overflow").contains("/qa/" + post.id()).doesNotContain(s.student().displayName());
    }

    @Test
    void aDigestLeavesOutCoursesItsReaderHasLeftSinceTheActivity() throws Exception {
        var s = coursework.setup(false);
        as(s.otherStudent(), () -> qa.setEmailDelivery(s.courseId(), EmailDelivery.DAILY));
        var post = as(s.student(), () -> qa.ask(s.courseId(), new PostDraft("Dropout at test time", "why scale?", null, null, false, false)));
        as(s.otherStudent(), () -> qa.follow(post.id(), true));
        as(s.ta(), () -> qa.answer(post.id(), "Inverted dropout scales at training time.", false));
        assertThat(jdbc.sql("select count(*) from mail_digest_item where account_id = ?").param(s.otherStudent().id())
                .query(Integer.class).single()).isEqualTo(1);
        as(s.instructor(), () -> courses.removeMember(s.courseId(), s.otherStudent().id()));

        mailEvents.sendDigests();
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(s.otherStudent().email())
                .query(Integer.class).single()).as("no digest queued for someone who left").isZero();
        assertThat(jdbc.sql("select count(*) from mail_digest_item where account_id = ?").param(s.otherStudent().id())
                .query(Integer.class).single()).as("taken, not left waiting").isZero();
    }

    @Test
    void aPrivatePostsActivityNeverReachesAClassmate() {
        var s = coursework.setup(false);
        as(s.student(), () -> qa.setEmailDelivery(s.courseId(), EmailDelivery.IMMEDIATE));
        as(s.otherStudent(), () -> qa.setEmailDelivery(s.courseId(), EmailDelivery.IMMEDIATE));
        var post = as(s.student(), () -> qa.ask(s.courseId(), new PostDraft("My private grade question", "code", null, null, true, false)));
        // A classmate cannot follow what they cannot see; even if a row said so, the answer would not reach them.
        jdbc.sql("insert into qa_follow (post_id, account_id) values (?, ?) on conflict do nothing")
                .params(post.id(), s.otherStudent().id()).update();
        as(s.ta(), () -> qa.answer(post.id(), "See me in office hours.", false));
        one(s.student().email());
        assertThat(to(smtp, s.otherStudent().email())).isEmpty();
    }

    @Autowired Outbox outbox;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void aMessageThatCanNeverBeSentIsRecordedAsFailedForTheSiteAdmin() {
        String bad = "not an address " + System.nanoTime() + "@@x";
        tx.executeWithoutResult(t -> outbox.queue(MailTemplates.passwordReset(bad, "http://lectern.test/reset-password/x", 30)));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select state from mail_outbox where recipient = ?")
                .param(bad).query(String.class).single().equals("FAILED"));
        Account admin = people.make("mail-admin", org.lectern.identity.SiteRole.ADMIN);
        var status = as(admin, () -> outbox.status());
        assertThat(status.enabled()).isTrue();
        assertThat(status.recent()).anySatisfy(m -> {
            assertThat(m.recipient()).isEqualTo(bad);
            assertThat(m.state()).isEqualTo("FAILED");
            assertThat(m.lastError()).isNotBlank();
        });
        assertThatThrownBy(() -> as(people.user("nosy"), () -> outbox.status())).isInstanceOf(org.lectern.platform.ForbiddenException.class);
    }

    @Autowired OutboxSender sender;

    @Test
    void senderReplicasWorkingTheOutboxTogetherSendEachMessageOnce() throws Exception {
        String run = Long.toString(System.nanoTime());
        List<String> addresses = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "many-" + run + "-" + i + "@test.lectern").toList();
        tx.executeWithoutResult(t -> addresses.forEach(a -> outbox.queue(MailTemplates.gradesReleased(a, "C", "A1", "http://lectern.test/a"))));
        // Two more senders besides the pool's own task, as other app replicas would be.
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var a = pool.submit(() -> sender.sendDue());
            var b = pool.submit(() -> sender.sendDue());
            a.get();
            b.get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> addresses.stream().allMatch(x -> !to(smtp, x).isEmpty()));
        assertThat(addresses).allSatisfy(x -> assertThat(to(smtp, x)).hasSize(1));
    }

    @Test
    void anSmtpOutageLosesNothingAndEachMessageIsDeliveredOnce() throws Exception {
        var s = coursework.setup(false);
        TestServers.stopSmtp();
        try {
            as(s.instructor(), () -> announcements.post(s.courseId(), "Room change", "Kane 120", null));
            // The sender tried and failed: the row waits, with the reason.
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                    "select count(*) from mail_outbox where recipient = ? and state = 'QUEUED' and attempts >= 1 and last_error is not null")
                    .param(s.student().email()).query(Integer.class).single() == 1);
            GreenMail back = TestServers.smtp();
            await().atMost(Duration.ofSeconds(20)).until(() -> to(back, s.student().email()).size() == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select state from mail_outbox where recipient = ? and kind = 'announcement'")
                    .param(s.student().email()).query(String.class).single().equals("SENT"));
            // Another round of the sender sends nothing again.
            await().pollDelay(Duration.ZERO).atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                    "select count(*) from mail_outbox where state = 'QUEUED' and recipient = any(?)")
                    .param(new String[] {s.student().email(), s.ta().email(), s.otherStudent().email(), s.instructor().email()})
                    .query(Integer.class).single() == 0);
            assertThat(to(back, s.student().email())).hasSize(1);
        } finally {
            smtp = TestServers.smtp();
        }
    }
}
