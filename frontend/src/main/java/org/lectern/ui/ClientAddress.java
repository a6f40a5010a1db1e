package org.lectern.ui;

import com.vaadin.flow.server.VaadinSession;

/** Where the current UI session came from, as the servlet saw it: the key of the sign-in and reset throttles. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The browser's address, or null outside a session. */
    public static String current() {
        var session = VaadinSession.getCurrent();
        return session == null || session.getBrowser() == null ? null : session.getBrowser().getAddress();
    }
}
