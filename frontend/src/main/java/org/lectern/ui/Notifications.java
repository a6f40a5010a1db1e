package org.lectern.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;

/** Short confirmations and the clear message of a refused action. */
public final class Notifications {
    private Notifications() {
    }

    public static void success(String text) {
        Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String text) {
        Notification n = Notification.show(text, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Runs an action that may be refused by a service rule; shows the rule's message instead of failing. */
    public static boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (InvalidInputException | ConflictException
                 | ForbiddenException | NotFoundException e) {
            error(e.getMessage());
            return false;
        }
    }
}
