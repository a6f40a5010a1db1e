package org.lectern.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The headers every response carries; frame ancestors are a configurable list of plain origins. */
class SecurityHeadersTest {

    @Test
    void byDefaultOnlyOurOwnPagesMayFrameUs() {
        var h = SecurityHeaders.of(List.of());
        assertThat(h.get("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'", "style-src 'self' 'unsafe-inline'",
                        "object-src 'none'", "base-uri 'self'", "form-action 'self'")
                .endsWith("frame-ancestors 'self'");
        assertThat(h).containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Referrer-Policy", "strict-origin-when-cross-origin")
                .containsEntry("X-Frame-Options", "SAMEORIGIN");
    }

    @Test
    void anLmsOriginJoinsTheFrameAncestorsAndXFrameOptionsGoes() {
        var h = SecurityHeaders.of(List.of("https://canvas.uw.edu", " https://*.instructure.com "));
        assertThat(h.get("Content-Security-Policy")).endsWith("frame-ancestors 'self' https://canvas.uw.edu https://*.instructure.com");
        assertThat(h).doesNotContainKey("X-Frame-Options");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "https://x.edu; script-src *", "javascript:alert(1)", "canvas.uw.edu", "https://x.edu/path", ""})
    void anythingButAnOriginStopsTheStart(String origin) {
        assertThatThrownBy(() -> SecurityHeaders.of(List.of(origin))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lectern.web.frame-ancestors");
    }

    @Test
    void anUnsetListAndTheDefaultsBindToNothingExtra() {
        var w = new WebSettings(List.of(""), null);
        assertThat(w.frameAncestors()).isEmpty();
        assertThat(w.maxApiBody().toBytes()).isEqualTo(1024 * 1024);
    }
}
