package org.lectern.ui.identity;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.lectern.identity.AccountService;
import org.lectern.ui.Notifications;

/** Where an invitation link leads: the person sets their password, then signs in. */
@Route(value = "activate/:token", autoLayout = false)
@PageTitle("Set your password · Lectern")
@AnonymousAllowed
public class ActivateAccountView extends VerticalLayout implements BeforeEnterObserver {

    private final AccountService accounts;

    public ActivateAccountView(AccountService accounts) {
        this.accounts = accounts;
        setMaxWidth("420px");
        getStyle().set("margin", "0 auto");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String token = event.getRouteParameters().get("token").orElse("");
        var account = accounts.invitedAccount(token);
        if (account.isEmpty()) {
            add(new H2("This link does not work"),
                    new Paragraph("It is invalid, already used, or expired. Ask your course staff for a new invitation link."));
            return;
        }
        PasswordField password = new PasswordField("New password");
        password.setHelperText("At least " + AccountService.MIN_PASSWORD_LENGTH + " characters.");
        PasswordField repeat = new PasswordField("Repeat password");
        password.setWidthFull();
        repeat.setWidthFull();
        Button save = new Button("Set password", e -> {
            if (!password.getValue().equals(repeat.getValue())) {
                repeat.setInvalid(true);
                repeat.setErrorMessage("The two passwords differ.");
                return;
            }
            if (Notifications.attempt(() -> accounts.acceptInvitation(token, password.getValue()))) {
                getUI().ifPresent(ui -> ui.navigate("login"));
                Notifications.success("Password set. Sign in with " + account.get().email() + ".");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Welcome, " + account.get().displayName()),
                new Paragraph("Choose a password for " + account.get().email() + "."), password, repeat, save);
    }
}
