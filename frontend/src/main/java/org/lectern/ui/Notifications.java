package org.lectern.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Optional;
import java.util.function.Supplier;
import org.lectern.platform.ConflictException;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.InvalidInputException;
import org.lectern.platform.NotFoundException;

/**
 * Short confirmations, and the message of a refused action that has no field to sit on. Pop-ups stay at
 * the bottom edge, out of the form's way, and go when the next one comes; a form's own problems belong on
 * its fields ({@link Form}).
 */
public final class Notifications {
    private Notifications() {
    }

    public static void success(String text) {
        Notification n = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String text) {
        Notification n = Notification.show(text, 6000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setId("lectern-error");
    }

    /**
     * Runs an action that may be refused by a service rule and returns its value; a refusal shows the rule's
     * message instead and gives empty. The value must not be null.
     */
    public static <T> Optional<T> call(Supplier<T> action) {
        try {
            return Optional.of(action.get());
        } catch (InvalidInputException | ConflictException | ForbiddenException | NotFoundException e) {
            error(e.getMessage());
            return Optional.empty();
        }
    }

    /** {@link #call} for an action without a value: true when it went through. */
    public static boolean attempt(Runnable action) {
        return call(() -> {
            action.run();
            return Boolean.TRUE;
        }).isPresent();
    }
}
