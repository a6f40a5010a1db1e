package org.lectern.ui.identity;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Sign-in with e-mail and password; the form posts to Spring Security, which throttles failures. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Lectern")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in to Lectern");
        i18n.getForm().setUsername("E-mail");
        i18n.getForm().setForgotPassword("Forgot password? Ask your course staff for a new invitation link.");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        i18n.getErrorMessage().setMessage("Check your e-mail and password and try again.");
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(new H1("Lectern"), new Paragraph("Your course: schedule, exercises, assignments and grades in one place."), login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        if (params.containsKey("locked")) {
            LoginI18n i18n = LoginI18n.createDefault();
            i18n.getForm().setTitle("Sign in to Lectern");
            i18n.getForm().setUsername("E-mail");
            i18n.getErrorMessage().setTitle("Too many failed sign-ins");
            // Locks are per address (and per e-mail at it), never the account itself: say so, and nothing about the account.
            i18n.getErrorMessage().setMessage("Sign-in from here is paused for a short while. Wait a few minutes, then try again.");
            login.setI18n(i18n);
            login.setError(true);
        } else if (params.containsKey("error")) {
            login.setError(true);
        }
    }
}
