package org.lectern.ui.identity;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.lectern.identity.AccountService;

/** Where an invitation link leads: the person sets their password, then signs in. */
@Route(value = "activate/:token", autoLayout = false)
@PageTitle("Set your password · Lectern")
@AnonymousAllowed
public class ActivateAccountView extends LinkPage {

    private final AccountService accounts;

    public ActivateAccountView(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void show(String token) {
        var account = accounts.invitedAccount(token);
        if (account.isEmpty()) {
            add(new H2("This link does not work"),
                    new Paragraph("It is invalid, already used, or expired. Ask your course staff for a new invitation link."));
            return;
        }
        add(new H2("Welcome, " + account.get().displayName()),
                new Paragraph("Choose a password for " + account.get().email() + "."),
                new SetPasswordForm("activate", account.get().email(), p -> accounts.acceptInvitation(token, p)));
    }
}
