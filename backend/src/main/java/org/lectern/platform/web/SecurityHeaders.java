package org.lectern.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The security headers of every response (pages, API answers, static files), pure. The Content-Security-Policy
 * is the strictest Vaadin Flow 25 runs under: its bootstrap page starts the client engine with an inline script
 * and the engine builds functions from the JavaScript the server sends, so scripts need 'unsafe-inline' and
 * 'unsafe-eval' and styles 'unsafe-inline' (Vaadin's documentation, "Content Security Policy"). Everything
 * else is our own origin only: no plug-ins, no foreign scripts, images, fonts or connections, forms post only
 * to us, and only our own pages (plus the configured LMS origins) may frame us.
 */
public final class SecurityHeaders {

    /** An origin as CSP writes it: a scheme, a host (a leading *. allowed) and an optional port, nothing else. */
    private static final Pattern ORIGIN = Pattern.compile("https?://(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    private SecurityHeaders() {
    }

    /** The headers for these extra frame ancestors; a malformed origin stops the start with its name. */
    public static Map<String, String> of(List<String> frameAncestors) {
        List<String> ancestors = new ArrayList<>(List.of("'self'"));
        for (String origin : frameAncestors) {
            String o = origin == null ? "" : origin.strip();
            if (!ORIGIN.matcher(o).matches()) {
                throw new IllegalArgumentException("lectern.web.frame-ancestors: \"" + origin
                        + "\" is not an origin like https://canvas.example.edu");
            }
            ancestors.add(o);
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", String.join("; ",
                "default-src 'self'",
                "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors " + String.join(" ", ancestors)));
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "strict-origin-when-cross-origin");
        if (ancestors.size() == 1) {
            // For browsers without CSP frame-ancestors; it cannot name other origins, so it goes when an LMS may frame us.
            h.put("X-Frame-Options", "SAMEORIGIN");
        }
        return Map.copyOf(h);
    }
}
