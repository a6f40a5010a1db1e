package org.lectern.ui.course;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import org.lectern.platform.NotFoundException;

/**
 * A page inside one course (route "courses/:courseId/..."). Subclasses render from their feature's
 * service; a course the caller is not in, or a role too low, ends on the error views.
 */
public abstract class CoursePage extends VerticalLayout implements BeforeEnterObserver {

    protected long courseId;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        courseId = event.getRouteParameters().getLong("courseId")
                .orElseThrow(() -> new NotFoundException("No such course."));
        removeAll();
        render();
    }

    /** Draws the page for {@link #courseId}; called on every navigation here. */
    protected abstract void render();

    protected void refresh() {
        removeAll();
        render();
    }
}
