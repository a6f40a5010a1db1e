package org.lectern.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lectern.platform.Broadcaster;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Redraws a component when a {@link Broadcaster} key it follows changes, for as long as it is attached, and says so
 * to screen readers: the region is marked busy while it is rebuilt, then a short sentence goes to the page's one
 * polite status region ({@code role="status" aria-live="polite"}). The region itself is not made live: a redraw
 * replaces all its children, which a screen reader would read out whole at every push. The broadcaster
 * calls from its own thread, where Spring Security's context is empty, so the viewer's context is carried over: the
 * redraw goes through the services, which check this viewer's role exactly as on a page load.
 */
public final class LiveUpdates {

    private LiveUpdates() {
    }

    static final String ANNOUNCER_ID = "live-announcer";
    static final String DEFAULT_ANNOUNCEMENT = "This part of the page was updated.";

    /** Works whether or not the view is attached yet (a page redrawn in place adds already-attached components). */
    public static void follow(Component view, Function<Runnable, Broadcaster.Subscription> subscribe, Runnable redraw) {
        follow(view, subscribe, redraw, DEFAULT_ANNOUNCEMENT);
    }

    /** As above; {@code announcement} is what a screen reader says after each pushed redraw ("New answers in this thread."). */
    public static void follow(Component view, Function<Runnable, Broadcaster.Subscription> subscribe, Runnable redraw,
                              String announcement) {
        AtomicReference<Broadcaster.Subscription> current = new AtomicReference<>();
        Consumer<UI> start = ui -> {
            SecurityContext viewer = SecurityContextHolder.getContext();
            Broadcaster.Subscription s = subscribe.apply(() -> ui.access(() -> {
                SecurityContext previous = SecurityContextHolder.getContext();
                SecurityContextHolder.setContext(viewer);
                view.getElement().setAttribute("aria-busy", "true");
                try {
                    redraw.run();
                } finally {
                    view.getElement().removeAttribute("aria-busy");
                    SecurityContextHolder.setContext(previous);
                }
                announce(ui, announcement);
            }));
            Broadcaster.Subscription old = current.getAndSet(s);
            if (old != null) {
                old.close();
            }
        };
        view.addAttachListener(attach -> start.accept(attach.getUI()));
        view.addDetachListener(detach -> {
            Broadcaster.Subscription s = current.getAndSet(null);
            if (s != null) {
                s.close();
            }
        });
        view.getUI().filter(ui -> view.isAttached()).ifPresent(start);
    }

    /** Says {@code text} through the UI's polite status region, made on first use (one per page, visually hidden). */
    public static void announce(UI ui, String text) {
        Element region = announcer(ui);
        // The same sentence twice in a row is not a change; a trailing no-break space makes it one.
        region.setText(text.equals(region.getText()) ? text + "\u00a0" : text);
    }

    static Element announcer(UI ui) {
        Element region = ComponentUtil.getData(ui, Element.class);
        if (region == null || region.getParent() == null) {
            region = new Element("div");
            region.setAttribute("id", ANNOUNCER_ID);
            region.setAttribute("role", "status");
            region.setAttribute("aria-live", "polite");
            region.setAttribute("class", "visually-hidden");
            ui.getElement().appendChild(region);
            ComponentUtil.setData(ui, Element.class, region);
        }
        return region;
    }
}
