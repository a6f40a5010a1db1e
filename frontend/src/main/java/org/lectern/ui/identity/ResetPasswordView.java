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
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.lectern.identity.AccountService;
import org.lectern.ui.Notifications;

/** Where a reset link leads: a new password, once; then every other link and API token of the account ends. */
@Route(value = "reset-password/:token", autoLayout = false)
@PageTitle("Choose a new password · Lectern")
@AnonymousAllowed
public class ResetPasswordView extends VerticalLayout implements BeforeEnterObserver {

    private final AccountService accounts;

    public ResetPasswordView(AccountService accounts) {
        this.accounts = accounts;
        setMaxWidth("420px");
        getStyle().set("margin", "0 auto");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String token = event.getRouteParameters().get("token").orElse("");
        var account = accounts.resetAccount(token);
        if (account.isEmpty()) {
            add(new H2("This link does not work"),
                    new Paragraph("It is invalid, already used, or expired (links work for "
                            + AccountService.RESET_LIFETIME.toMinutes() + " minutes)."),
                    new RouterLink("Ask for a new one", ForgotPasswordView.class));
            return;
        }
        PasswordField password = new PasswordField("New password");
        password.setId("reset-password");
        password.setHelperText("At least " + AccountService.MIN_PASSWORD_LENGTH + " characters.");
        PasswordField repeat = new PasswordField("Repeat password");
        repeat.setId("reset-repeat");
        password.setWidthFull();
        repeat.setWidthFull();
        Button save = new Button("Set password", e -> {
            if (!password.getValue().equals(repeat.getValue())) {
                repeat.setInvalid(true);
                repeat.setErrorMessage("The two passwords differ.");
                return;
            }
            if (Notifications.attempt(() -> accounts.resetPassword(token, password.getValue()))) {
                getUI().ifPresent(ui -> ui.navigate("login"));
                Notifications.success("Password set. Sign in with " + account.get().email() + ".");
            }
        });
        save.setId("reset-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Choose a new password"), new Paragraph("For " + account.get().email() + "."), password, repeat, save);
    }
}
