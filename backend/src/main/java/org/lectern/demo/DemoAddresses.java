package org.lectern.demo;

import java.util.Locale;

/** The demo accounts' addresses (…@demo.lectern): nobody reads them, so no mail is ever sent to one. */
public final class DemoAddresses {

    /** The demo accounts' domain: a run outside demo mode refuses data that holds it (see {@link DemoDataGuard}). */
    public static final String DOMAIN = "demo.lectern";

    private DemoAddresses() {
    }

    /** Whether the address is a demo account's, however it is spelled. */
    public static boolean isDemo(String email) {
        return email != null && email.strip().toLowerCase(Locale.ROOT).endsWith("@" + DOMAIN);
    }
}
