package org.lectern.ui.identity;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.lectern.identity.AccountService;
import org.lectern.identity.ApiTokenService;
import org.lectern.identity.SignInLockedException;
import org.lectern.platform.InvalidInputException;
import org.lectern.ui.ClientAddress;
import org.lectern.ui.Notifications;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * The signed-in person's own account: change the password (which ends every API token and
 * invitation link), and API tokens for scripts: list, create with a name (the secret is shown
 * once), revoke any of them.
 */
@Route("account")
@PageTitle("Your account · Lectern")
@PermitAll
public class AccountView extends VerticalLayout {

    private final AccountService accounts;
    private final ApiTokenService tokens;
    private final Grid<ApiTokenService.ApiToken> grid = new Grid<>();
    private final Div secretBox = new Div();
    private final Span count = new Span();
    private final ZoneId zone;

    public AccountView(AccountService accounts, ApiTokenService tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.zone = ZoneId.systemDefault();
        setMaxWidth("960px");
        add(new H2("Your account"), passwordSection(), tokenSection());
        load();
    }

    private VerticalLayout passwordSection() {
        PasswordField current = new PasswordField("Current password");
        current.setId("current-password");
        PasswordField fresh = new PasswordField("New password");
        fresh.setId("new-password");
        fresh.setHelperText("At least " + AccountService.MIN_PASSWORD_LENGTH + " characters.");
        PasswordField repeat = new PasswordField("Repeat new password");
        repeat.setId("repeat-password");
        Button change = new Button("Change password", e -> {
            if (!fresh.getValue().equals(repeat.getValue())) {
                repeat.setInvalid(true);
                repeat.setErrorMessage("The two passwords differ.");
                return;
            }
            repeat.setInvalid(false);
            try {
                if (new org.lectern.ui.Form().required(current, "Type your current password.", "current")
                        .field(fresh, "characters", "new password", "password")
                        .run(() -> accounts.changePassword(current.getValue(), fresh.getValue(), ClientAddress.current()))) {
                    current.clear();
                    fresh.clear();
                    repeat.clear();
                    secretBox.removeAll();
                    load();
                    Notifications.success("Password changed. Every API token and invitation link of your account has ended.");
                }
            } catch (SignInLockedException ex) {
                Notifications.error(ex.getMessage());
            } catch (BadCredentialsException ex) {
                current.setInvalid(true);
                current.setErrorMessage("This is not your current password.");
            }
        });
        change.setId("change-password");
        HorizontalLayout fields = new HorizontalLayout(current, fresh, repeat);
        fields.setWrap(true);
        VerticalLayout section = new VerticalLayout(new H3("Password"), fields, change);
        section.setPadding(false);
        return section;
    }

    private VerticalLayout tokenSection() {
        TextField name = new TextField("Name");
        name.setId("token-name");
        name.setPlaceholder("e.g. laptop, grading script");
        name.setMaxLength(100);
        Button create = new Button("Create token", e -> {
            try {
                var made = tokens.create(name.getValue());
                name.clear();
                showSecret(made);
                load();
            } catch (InvalidInputException ex) {
                Notifications.error(ex.getMessage());
            }
        });
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("tokens");
        grid.addColumn(ApiTokenService.ApiToken::name).setHeader("Name").setFlexGrow(1);
        grid.addColumn(t -> when(t.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : when(t.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
        grid.addColumn(t -> when(t.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            Button revoke = new Button("Revoke", e -> org.lectern.ui.Confirm.ask("Revoke token " + t.name() + "?", "Scripts using it stop working at once. This cannot be undone.", "Revoke", () -> {
                if (Notifications.attempt(() -> tokens.revoke(t.id()))) {
                    load();
                    Notifications.success("Token " + t.name() + " revoked: it opens nothing any more.");
                }
            }));
            revoke.setId("revoke-token-" + t.id());
            revoke.addClassName("revoke-token");
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return revoke;
        }).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        secretBox.setId("new-token");
        count.setId("token-count");

        VerticalLayout section = new VerticalLayout(new H3("API tokens"),
                new Paragraph("A token lets a script call the REST API as you (header 'Authorization: Bearer <token>'). "
                        + "Revoke one you no longer use; changing your password ends them all."),
                form, secretBox, count, grid);
        section.setPadding(false);
        return section;
    }

    private void showSecret(ApiTokenService.NewToken made) {
        TextField secret = new TextField("Token " + made.token().name());
        secret.setId("new-token-secret");
        secret.setValue(made.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setHelperText("Copy it now: it is shown only this once (Lectern keeps only a hash).");
        secretBox.removeAll();
        secretBox.setWidthFull();
        secretBox.add(secret);
    }

    private void load() {
        var mine = tokens.mine();
        grid.setItems(mine);
        count.setText(mine.isEmpty() ? "No API tokens." : mine.size() == 1 ? "1 API token." : mine.size() + " API tokens.");
    }

    private String when(Instant t) {
        return org.lectern.ui.Dates.dateTime(t, zone);
    }
}
