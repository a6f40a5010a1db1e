package org.lectern.platform.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which origins may frame Lectern's pages: the configured {@code lectern.web.frame-ancestors} plus origins that
 * features supply at run time (the registered LMS platforms), each feature under its own name. Holds the finished
 * security headers, recomputed only when a feature's set changes, so a response costs one read.
 */
public final class FrameAncestors {

    private final List<String> configured;
    private final Map<String, List<String>> bySource = new TreeMap<>();
    private final AtomicReference<Map<String, String>> headers = new AtomicReference<>();

    /** A malformed configured origin stops the start with its name (see {@link SecurityHeaders#of}). */
    public FrameAncestors(List<String> configured) {
        this.configured = List.copyOf(configured);
        headers.set(SecurityHeaders.of(this.configured));
    }

    /** Replaces the origins one feature contributes; each must already be a plain origin (scheme://host[:port]). */
    public synchronized void replace(String source, Collection<String> origins) {
        bySource.put(source, List.copyOf(origins));
        LinkedHashSet<String> all = new LinkedHashSet<>(configured);
        bySource.values().forEach(all::addAll);
        headers.set(SecurityHeaders.of(new ArrayList<>(all)));
    }

    /** The headers every response carries now. */
    public Map<String, String> headers() {
        return headers.get();
    }
}
