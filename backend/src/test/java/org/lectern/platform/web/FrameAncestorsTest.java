package org.lectern.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameAncestorsTest {

    @Test
    void featureOriginsJoinTheConfiguredOnesAndReplaceTheirOwnOnly() {
        var f = new FrameAncestors(List.of("https://canvas.uw.edu"));
        assertThat(f.headers().get("Content-Security-Policy")).endsWith("frame-ancestors 'self' https://canvas.uw.edu");
        f.replace("lti", List.of("https://moodle.example.edu", "https://canvas.uw.edu"));
        assertThat(f.headers().get("Content-Security-Policy")).endsWith("frame-ancestors 'self' https://canvas.uw.edu https://moodle.example.edu");
        assertThat(f.headers()).doesNotContainKey("X-Frame-Options");
        f.replace("lti", List.of("https://lms.example.org"));
        assertThat(f.headers().get("Content-Security-Policy")).endsWith("frame-ancestors 'self' https://canvas.uw.edu https://lms.example.org");
    }

    @Test
    void withNoOriginLeftOnlyOurOwnPagesFrameUsAndXFrameOptionsComesBack() {
        var f = new FrameAncestors(List.of());
        f.replace("lti", List.of("https://moodle.example.edu"));
        assertThat(f.headers()).doesNotContainKey("X-Frame-Options");
        f.replace("lti", List.of());
        assertThat(f.headers().get("Content-Security-Policy")).endsWith("frame-ancestors 'self'");
        assertThat(f.headers()).containsEntry("X-Frame-Options", "SAMEORIGIN");
    }
}
