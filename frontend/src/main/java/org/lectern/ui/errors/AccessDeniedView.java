package org.lectern.ui.errors;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import org.lectern.ui.MainLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.lectern.platform.ForbiddenException;

/** Shown when a course member opens a page their role does not allow (e.g. a student and the roster). */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<ForbiddenException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ForbiddenException> parameter) {
        String why = parameter.getException().getMessage();
        ErrorPage.fill(this, "access-denied", "You don't have access to this page",
                why == null || why.isBlank() ? "Your role in this course does not allow this page." : why,
                event.getLocation().getPath(), true);
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
