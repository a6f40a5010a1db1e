package org.lectern.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The sign-in page in Chromium with the university's OpenID Connect provider and an SMTP server started by the test
 * run ({@link LecternServer}): the university button signs a rostered student in through the provider's redirects;
 * someone without an account is told why; "Forgot password?" answers without telling whether the account exists, and
 * the mailed link opens the page that sets a new password.
 */
class UniversitySignInIT extends BrowserTest {

    @Test
    void theUniversityButtonSignsARosteredStudentIn() {
        LecternServer.idp().next.email = "student2@demo.lectern";
        LecternServer.idp().next.emailVerified = Boolean.TRUE;
        browser.open("/login");
        browser.waitFor(By.cssSelector("vaadin-login-form"));
        browser.waitForText(By.id("university-sign-in"), LecternServer.UNIVERSITY_BUTTON);
        // A click while the page still settles can be lost: click again until the browser has left the sign-in page.
        browser.waiting().ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            if (d.getCurrentUrl().endsWith("/login")) {
                d.findElement(By.id("university-sign-in")).click();
                return false;
            }
            return true;
        });
        browser.waitForText(By.id("signed-in-as"), "student2@demo.lectern");
        browser.signOut();
    }

    @Test
    void somebodyWithoutAnAccountIsToldToAskTheirStaff() {
        LecternServer.idp().next.email = "stranger@uni.test";
        LecternServer.idp().next.emailVerified = Boolean.TRUE;
        browser.open("/login");
        browser.waitFor(By.cssSelector("vaadin-login-form"));
        browser.click(By.id("university-sign-in"));
        browser.waitForText(By.id("sign-in-refusal"), "no Lectern account uses your university e-mail address");
        assertThat(browser.all(By.id("signed-in-as"))).isEmpty();
    }

    @Test
    void forgotPasswordMailsALinkThatOpensTheNewPasswordPage() throws Exception {
        // Demo accounts never get mail: the instructor adds a student with an ordinary address to the demo course.
        String email = "rita-" + System.nanoTime() + "@e2e.lectern";
        String courseId = Api.courseId(new Api("instructor@demo.lectern", LecternServer.DEMO_PASSWORD).get("/api/v1/courses"), "CSE 493G1");
        browser.signIn("instructor@demo.lectern", LecternServer.DEMO_PASSWORD);
        browser.open("/courses/" + courseId + "/roster");
        browser.type("person-name", "Rita Reset");
        browser.type("person-email", email);
        browser.click(By.id("add-person"));
        browser.waitFor(By.xpath("//vaadin-grid[@id='roster-grid']/vaadin-grid-cell-content[normalize-space()='" + email + "']"));
        browser.signOut();

        browser.open("/login");
        browser.click(By.id("forgot-password"));
        browser.type("reset-email", email);
        browser.click(By.id("reset-send"));
        browser.waitForText(By.id("reset-requested"), "If an account uses " + email);

        // The roster may have mailed an invitation too: the reset message is the one with its subject.
        await().atMost(Duration.ofSeconds(30)).until(() -> resetMail(email) != null);
        // The plain-text part, decoded (long lines travel quoted-printable, broken with soft line ends).
        String body = ((jakarta.mail.internet.MimeMultipart) resetMail(email).getContent()).getBodyPart(0).getContent().toString();
        Matcher link = Pattern.compile("(http://localhost:\\d+/reset-password/[A-Za-z0-9_\\-]+)").matcher(body);
        assertThat(link.find()).isTrue();
        browser.openUrl(link.group(1));
        browser.waitFor(By.id("reset-password"));
        browser.waitFor(By.id("reset-save"));
        // Not submitted: the backend's MailIT sets a password through such a link.
    }

    static MimeMessage resetMail(String address) {
        return to(address).stream().filter(m -> {
            try {
                return m.getSubject().contains("Reset your Lectern password");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElse(null);
    }

    static List<MimeMessage> to(String address) {
        return Arrays.stream(LecternServer.smtp().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
