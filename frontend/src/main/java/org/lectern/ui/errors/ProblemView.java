package org.lectern.ui.errors;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Where requests outside Vaadin's router end when they fail (Spring Security's access denied on the UI chain,
 * Spring Boot's error page for the UI side): the same framed error page, with its status code.
 */
@Route("problem/:status([0-9]{3})")
@PageTitle("Error · Lectern")
@AnonymousAllowed
public class ProblemView extends VerticalLayout implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        int status = event.getRouteParameters().getInteger("status").orElse(500);
        String from = event.getLocation().getQueryParameters().getSingleParameter("from").orElse("");
        switch (status) {
            case 400 -> ErrorPage.fill(this, "bad-request", "That address is not valid",
                    "The address has characters or parts Lectern does not accept. Check it, or go back.", from, false);
            // the UI chain refuses unknown addresses and forbidden ones alike: say both, reveal neither
            case 403 -> ErrorPage.fill(this, "access-denied", "This page is not available",
                    "There is no page at “" + from + "” that your account may open. Check the address, or go back.", from, false);
            case 404 -> ErrorPage.fill(this, "not-found", "Page not found",
                    "There is nothing at “" + from + "”. Check the address, or go back.", from, false);
            default -> ErrorPage.fill(this, "server-error", "Something went wrong on our side",
                    "That request could not be completed. Try again in a moment, and tell course staff if it keeps happening.",
                    from, false);
        }
        // no status is set here: the failing request already answered with its own, and this page is its explanation
    }
}
