package org.lectern.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.lectern.platform.Broadcaster;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Redraws a component when a {@link Broadcaster} key it follows changes, for as long as it is attached. The broadcaster
 * calls from its own thread, where Spring Security's context is empty, so the viewer's context is carried over: the
 * redraw goes through the services, which check this viewer's role exactly as on a page load.
 */
public final class LiveUpdates {

    private LiveUpdates() {
    }

    /** Works whether or not the view is attached yet (a page redrawn in place adds already-attached components). */
    public static void follow(Component view, Function<Runnable, Broadcaster.Subscription> subscribe, Runnable redraw) {
        AtomicReference<Broadcaster.Subscription> current = new AtomicReference<>();
        Consumer<UI> start = ui -> {
            SecurityContext viewer = SecurityContextHolder.getContext();
            Broadcaster.Subscription s = subscribe.apply(() -> ui.access(() -> {
                SecurityContext previous = SecurityContextHolder.getContext();
                SecurityContextHolder.setContext(viewer);
                try {
                    redraw.run();
                } finally {
                    SecurityContextHolder.setContext(previous);
                }
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
}
