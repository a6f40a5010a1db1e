package org.lectern.ui.identity;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.lectern.identity.AccountService;
import org.lectern.identity.UniversitySignIn;
import org.lectern.mail.Outbox;

/**
 * Sign-in: the university's button when OpenID Connect is configured, and e-mail and password (the form posts to
 * Spring Security, which throttles failures) unless the site turned local passwords off, where only a site admin's
 * break-glass form remains, at {@code /login?admin}.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Lectern")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();
    private final Paragraph refusal = new Paragraph();
    private final UniversitySignIn university;
    private final AccountService accounts;
    private final Outbox mail;

    public LoginView(UniversitySignIn university, AccountService accounts, Outbox mail) {
        this.university = university;
        this.accounts = accounts;
        this.mail = mail;
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setI18n(i18n());
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        refusal.setId("sign-in-refusal");
        refusal.getStyle().set("color", "var(--lumo-error-text-color)").set("max-width", "420px");
        refusal.setVisible(false);
        add(new H1("Lectern"), new Paragraph("Your course: schedule, exercises, assignments and grades in one place."), refusal);
        if (university.enabled()) {
            // A plain link: the browser leaves the single-page app for the provider's sign-in page.
            Anchor button = new Anchor("/" + UniversitySignIn.startPath(), university.buttonLabel());
            button.setRouterIgnore(true);
            button.setId("university-sign-in");
            button.getElement().getThemeList().add("primary");
            button.getStyle().set("padding", "0.6em 1.2em").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("background", "var(--lumo-primary-color)").set("color", "var(--lumo-primary-contrast-color)")
                    .set("font-weight", "600").set("text-decoration", "none");
            add(button);
        }
    }

    private static LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in to Lectern");
        i18n.getForm().setUsername("E-mail");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        i18n.getErrorMessage().setMessage("Check your e-mail and password and try again.");
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        boolean passwordsHere = accounts.localPasswords() || params.containsKey("admin");
        if (passwordsHere && login.getParent().isEmpty()) {
            add(login);
            if (accounts.localPasswords() && mail.enabled()) {
                RouterLink forgot = new RouterLink("Forgot password?", ForgotPasswordView.class);
                forgot.setId("forgot-password");
                add(forgot);
            } else if (accounts.localPasswords()) {
                add(new Paragraph("Forgot your password? Ask your course staff for a new invitation link."));
            }
        }
        if (!accounts.localPasswords() && !params.containsKey("admin")) {
            add(new Paragraph("This site signs you in through your university."));
        }
        if (params.containsKey("locked")) {
            LoginI18n i18n = i18n();
            i18n.getErrorMessage().setTitle("Too many failed sign-ins");
            // Locks are per address (and per e-mail at it), never the account itself: say so, and nothing about the account.
            i18n.getErrorMessage().setMessage("Sign-in from here is paused for a short while. Wait a few minutes, then try again.");
            login.setI18n(i18n);
            login.setError(true);
        } else if (params.containsKey("error")) {
            login.setError(true);
        }
        String oidc = params.containsKey("oidc") ? params.get("oidc").getFirst() : null;
        if (oidc != null) {
            refusal.setText(switch (oidc) {
                case "no_account" -> "Your university signed you in, but no Lectern account uses your university e-mail address. "
                        + "Lectern has no self-registration: ask your course staff to add you to the course roster with that address, then sign in again.";
                case "email_unverified", "no_email" -> "Your university did not confirm an e-mail address for you, so Lectern cannot tell "
                        + "which account is yours. Ask your university's IT help desk, or your course staff.";
                default -> "Signing in through your university did not work. Try again; if it keeps failing, tell your course staff.";
            });
            refusal.setVisible(true);
        }
    }
}
