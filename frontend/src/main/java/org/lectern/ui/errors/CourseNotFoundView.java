package org.lectern.ui.errors;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import org.lectern.ui.MainLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.lectern.platform.NotFoundException;

/** A course, lecture or person that does not exist, or that the caller is not allowed to know about. */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class CourseNotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        String why = parameter.getException().getMessage();
        // the course link is left out: an outsider must not learn that the course exists
        ErrorPage.fill(this, "not-found", "Not found",
                why == null || why.isBlank() ? "There is nothing at this address, or it is not yours to see." : why,
                event.getLocation().getPath(), false);
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
