package org.lectern.ui.errors;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
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
        removeAll();
        setId("not-found");
        add(new H2("Not found"), new Paragraph(parameter.getException().getMessage()), new Anchor("", "Back to my courses"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
