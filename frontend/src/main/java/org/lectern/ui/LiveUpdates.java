package org.lectern.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
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

    public static void follow(Component view, Function<Runnable, Broadcaster.Subscription> subscribe, Runnable redraw) {
        view.addAttachListener(attach -> {
            UI ui = attach.getUI();
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
            view.addDetachListener(detach -> {
                s.close();
                detach.unregisterListener();
            });
        });
    }
}
