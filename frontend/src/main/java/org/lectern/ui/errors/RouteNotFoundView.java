package org.lectern.ui.errors;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.lectern.ui.MainLayout;

/**
 * A mistyped address, or a page the caller's role may not know about (Vaadin reroutes a refused route here):
 * in the frame, in words, instead of Vaadin's raw "Could not navigate to …".
 */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class RouteNotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        String path = event.getLocation().getPath();
        ErrorPage.fill(this, "not-found", "Page not found",
                "There is no page at “/" + path + "”, or it is not one your account can open. Check the address, or go back.",
                path, false);
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
