package org.lectern.ui.identity;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.lectern.identity.AccountService;
import org.lectern.identity.SignInLockedException;
import org.lectern.mail.Outbox;
import org.lectern.ui.ClientAddress;
import org.lectern.ui.Notifications;

/** "Forgot password?": asks for the e-mail and always answers the same, whether or not an account has it. */
@Route(value = "forgot-password", autoLayout = false)
@PageTitle("Forgot password · Lectern")
@AnonymousAllowed
public class ForgotPasswordView extends VerticalLayout {

    public ForgotPasswordView(AccountService accounts, Outbox mail) {
        setMaxWidth("420px");
        getStyle().set("margin", "0 auto");
        add(new H2("Forgot your password?"));
        if (!accounts.localPasswords() || !mail.enabled()) {
            add(new Paragraph(accounts.localPasswords()
                    ? "This site sends no e-mail. Ask your course staff for a new invitation link."
                    : "This site signs you in through your university; Lectern keeps no password for you."),
                    new RouterLink("Back to sign-in", LoginView.class));
            return;
        }
        EmailField email = new EmailField("E-mail");
        email.setId("reset-email");
        email.setWidthFull();
        Paragraph done = new Paragraph();
        done.setId("reset-requested");
        Button send = new Button("Send me a reset link");
        send.setId("reset-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> {
            if (email.getValue().isBlank()) {
                email.setInvalid(true);
                email.setErrorMessage("Type the e-mail address you sign in with.");
                return;
            }
            try {
                accounts.requestPasswordReset(email.getValue(), ClientAddress.current());
                // The same words for every address: the page never tells whether an account exists.
                done.setText("If an account uses " + email.getValue().strip() + ", a link to choose a new password is on its way. "
                        + "It works once, for " + AccountService.RESET_LIFETIME.toMinutes() + " minutes.");
                send.setEnabled(false);
            } catch (SignInLockedException locked) {
                Notifications.error("Too many requests from here. Wait a few minutes, then try again.");
            }
        });
        add(new Paragraph("Type the e-mail address you sign in with; we send a link to choose a new password."), email, send, done,
                new RouterLink("Back to sign-in", LoginView.class));
    }
}
