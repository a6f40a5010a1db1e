package org.lectern.platform.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code lectern.web.*}: the origins besides our own that may show Lectern in a frame (an LMS through LTI;
 * none by default), and the largest body a non-file API request may send (JSON, CSV; 1 MB by default).
 * Files come as multipart and are capped by {@code spring.servlet.multipart.*} and each feature's own limit.
 */
@ConfigurationProperties(prefix = "lectern.web")
public record WebSettings(List<String> frameAncestors, DataSize maxApiBody) {

    public WebSettings {
        // an unset LECTERN_WEB_FRAME_ANCESTORS binds as one empty entry
        frameAncestors = frameAncestors == null ? List.of() : frameAncestors.stream().filter(o -> o != null && !o.isBlank()).toList();
        maxApiBody = maxApiBody == null ? DataSize.ofMegabytes(1) : maxApiBody;
    }
}
