package org.lectern.ui.identity;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.function.Consumer;
import org.lectern.identity.AccountService;
import org.lectern.ui.Notifications;

/**
 * The one "choose a password" form of the pages a link leads to (an invitation, a reset): the password twice, checked
 * to match here, then handed to the service, which judges it; on success the person is sent to sign in.
 */
class SetPasswordForm extends VerticalLayout {

    /** {@code idPrefix} names the fields ({@code <prefix>-password}, {@code -repeat}, {@code -save}) for browser tests. */
    SetPasswordForm(String idPrefix, String email, Consumer<String> setPassword) {
        setPadding(false);
        PasswordField password = new PasswordField("New password");
        password.setId(idPrefix + "-password");
        password.setHelperText("At least " + AccountService.MIN_PASSWORD_LENGTH + " characters.");
        PasswordField repeat = new PasswordField("Repeat password");
        repeat.setId(idPrefix + "-repeat");
        password.setWidthFull();
        repeat.setWidthFull();
        Button save = new Button("Set password", e -> {
            if (!password.getValue().equals(repeat.getValue())) {
                repeat.setInvalid(true);
                repeat.setErrorMessage("The two passwords differ.");
                return;
            }
            if (Notifications.attempt(() -> setPassword.accept(password.getValue()))) {
                getUI().ifPresent(ui -> ui.navigate("login"));
                Notifications.success("Password set. Sign in with " + email + ".");
            }
        });
        save.setId(idPrefix + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(password, repeat, save);
    }
}
