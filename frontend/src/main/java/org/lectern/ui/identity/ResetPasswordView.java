package org.lectern.ui.identity;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.lectern.identity.AccountService;

/** Where a reset link leads: a new password, once; then every other link and API token of the account ends. */
@Route(value = "reset-password/:token", autoLayout = false)
@PageTitle("Choose a new password · Lectern")
@AnonymousAllowed
public class ResetPasswordView extends LinkPage {

    private final AccountService accounts;

    public ResetPasswordView(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void show(String token) {
        var account = accounts.resetAccount(token);
        if (account.isEmpty()) {
            add(new H2("This link does not work"),
                    new Paragraph("It is invalid, already used, or expired (links work for "
                            + AccountService.RESET_LIFETIME.toMinutes() + " minutes)."),
                    new RouterLink("Ask for a new one", ForgotPasswordView.class));
            return;
        }
        add(new H2("Choose a new password"), new Paragraph("For " + account.get().email() + "."),
                new SetPasswordForm("reset", account.get().email(), p -> accounts.resetPassword(token, p)));
    }
}
