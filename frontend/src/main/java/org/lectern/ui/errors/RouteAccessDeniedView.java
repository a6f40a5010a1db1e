package org.lectern.ui.errors;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.lectern.ui.MainLayout;

/** A route whose access annotation refuses the signed-in caller (a student and the site admin page), in the frame. */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class RouteAccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        ErrorPage.fill(this, "access-denied", "You don't have access to this page",
                "Your account is not allowed to open “/" + event.getLocation().getPath() + "”.", event.getLocation().getPath(), false);
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
