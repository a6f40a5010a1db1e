package org.lectern.lti;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Pure: the origins a registered LMS shows Lectern from, so its pages may frame ours. The LMS page that holds the
 * frame lives where its login endpoint and its issuer do (Canvas: the school's host for both; Moodle: the site);
 * an origin is scheme://host[:port], lower case, the default port left out, and anything else (a path, a query,
 * user info) dropped. An address that gives no clean http(s) origin contributes nothing rather than widening
 * the policy.
 */
final class FrameOrigins {

    private static final Pattern HOST = Pattern.compile("[a-z0-9.-]+");

    private FrameOrigins() {
    }

    static Optional<String> origin(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        URI u;
        try {
            u = URI.create(address.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || host.isEmpty() || !HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        int port = u.getPort();
        if (port == 0 || port > 65535) {
            return Optional.empty();
        }
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port));
    }

    /** The distinct origins of these platforms' login URLs and issuers, sorted. */
    static SortedSet<String> of(Collection<Platform> platforms) {
        SortedSet<String> out = new TreeSet<>();
        for (Platform p : platforms) {
            origin(p.authLoginUrl()).ifPresent(out::add);
            origin(p.issuer()).ifPresent(out::add);
        }
        return out;
    }
}
