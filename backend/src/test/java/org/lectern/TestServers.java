package org.lectern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;
import org.lectern.testing.OidcProvider;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The external servers every backend test context talks to: an SMTP server (GreenMail) and the university's OpenID
 * Connect provider. Both bind port 0, so test runs side by side on one machine never collide; the ports the kernel
 * chose are handed to Spring before the context starts. One of each per JVM, shared like the cached context.
 */
public final class TestServers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String OIDC_CLIENT_ID = "lectern-test";
    public static final String OIDC_CLIENT_SECRET = "test-client-secret";

    private static GreenMail smtp;
    private static int smtpPort;
    private static boolean smtpDown;
    private static OidcProvider idp;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        start();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("lectern-test-servers", Map.of(
                "lectern.smtp.host", "127.0.0.1",
                "lectern.smtp.port", Integer.toString(smtpPort),
                "lectern.oidc.issuer", idp.issuer(),
                "lectern.oidc.client-id", OIDC_CLIENT_ID,
                "lectern.oidc.client-secret", OIDC_CLIENT_SECRET)));
    }

    private static synchronized void start() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            smtpPort = smtp.getSmtp().getPort();
        }
        if (idp == null) {
            try {
                idp = new OidcProvider(0, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET);
            } catch (Exception e) {
                throw new IllegalStateException("could not start the test OpenID Connect provider", e);
            }
        }
    }

    /**
     * The SMTP server the app sends through. After {@link #stopSmtp} it comes back, empty, on the port the running
     * context was given (the port this JVM just held; the kernel hands out a freed ephemeral port again only after
     * cycling through the range).
     */
    public static synchronized GreenMail smtp() {
        start();
        if (smtpDown) {
            smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            smtpDown = false;
        }
        return smtp;
    }

    /** Takes the SMTP server down, as an outage would; {@link #smtp} brings it back. */
    public static synchronized void stopSmtp() {
        start();
        smtp.stop();
        smtpDown = true;
    }

    /** The university's OpenID Connect provider the sign-in button leads to. */
    public static synchronized OidcProvider idp() {
        start();
        return idp;
    }
}
