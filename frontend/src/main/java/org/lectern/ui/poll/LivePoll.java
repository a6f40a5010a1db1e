package org.lectern.ui.poll;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import org.lectern.poll.PollBroadcaster;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Redraws a component when its poll changes. The broadcaster calls from its own thread, where Spring
 * Security's context is empty, so the viewer's context is carried over: the service then checks
 * this viewer's role, exactly as on a page load.
 */
final class LivePoll {

    private LivePoll() {
    }

    static void follow(Component view, PollBroadcaster broadcaster, long pollId, boolean votesToo, Runnable redraw) {
        view.addAttachListener(attach -> {
            UI ui = attach.getUI();
            SecurityContext viewer = SecurityContextHolder.getContext();
            PollBroadcaster.Subscription s = broadcaster.subscribe(pollId, votesToo, () -> ui.access(() -> {
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
