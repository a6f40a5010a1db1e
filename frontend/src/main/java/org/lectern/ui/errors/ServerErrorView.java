package org.lectern.ui.errors;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.lectern.ui.MainLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An unexpected failure while opening a page: logged in full for staff, a sentence for the person. */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class ServerErrorView extends VerticalLayout implements HasErrorParameter<Exception> {
    private static final Logger log = LoggerFactory.getLogger(ServerErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        log.error("Page /{} failed", event.getLocation().getPath(), parameter.getCaughtException());
        ErrorPage.fill(this, "server-error", "Something went wrong on our side",
                "This page could not be shown. Nothing you entered was lost; try again in a moment, and tell course staff if it keeps happening.",
                event.getLocation().getPath(), true);
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
