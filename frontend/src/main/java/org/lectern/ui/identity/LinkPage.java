package org.lectern.ui.identity;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

/**
 * A page a mailed or copied link leads to ("…/:token": an invitation, a password reset), in the narrow frame of the
 * sign-in pages. It draws afresh on every visit from the token alone; the service decides whether the token works.
 */
public abstract class LinkPage extends VerticalLayout implements BeforeEnterObserver {

    protected LinkPage() {
        setMaxWidth("420px");
        getStyle().set("margin", "0 auto");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        show(event.getRouteParameters().get("token").orElse(""));
    }

    /** Draws the page for this link's token (possibly invalid, used or expired). */
    protected abstract void show(String token);
}
