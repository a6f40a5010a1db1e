package org.lectern.ui.poll;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;

/** The address students type or scan: {@code lectern.public-url} when set, else the address this page was opened at. */
final class JoinAddress {
    private JoinAddress() {
    }

    static String base(String publicUrl) {
        if (publicUrl != null && !publicUrl.isBlank()) {
            return strip(publicUrl.strip());
        }
        VaadinRequest r = VaadinRequest.getCurrent();
        if (r instanceof VaadinServletRequest s) {
            var http = s.getHttpServletRequest();
            int port = http.getServerPort();
            boolean usual = ("http".equals(http.getScheme()) && port == 80) || ("https".equals(http.getScheme()) && port == 443);
            return http.getScheme() + "://" + http.getServerName() + (usual ? "" : ":" + port) + strip(http.getContextPath());
        }
        return "";
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
