package org.lectern.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FrameOriginsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "https://canvas.uw.edu/api/lti/authorize_redirect, https://canvas.uw.edu",
            "https://canvas.instructure.com, https://canvas.instructure.com",
            "HTTPS://Moodle.Example.EDU/mod/lti/auth.php?x=1, https://moodle.example.edu",
            "https://lms.example.edu:8443/auth, https://lms.example.edu:8443",
            "https://lms.example.edu:443/auth, https://lms.example.edu",
            "http://localhost:8090/auth, http://localhost:8090",
            "http://localhost:80/auth, http://localhost",
            "https://user:pw@lms.example.edu/auth#frag, https://lms.example.edu",
            "' https://lms.example.edu/auth ', https://lms.example.edu",
            "javascript:alert(1), none",
            "ftp://lms.example.edu/auth, none",
            "https://[::1]:8443/auth, none",
            "https://lms.example.edu:999999/auth, none",
            "https://lms.example.edu:0/auth, none",
            "canvas.instructure.com, none",
            "'https://lms.example.edu; script-src *', none",
            "'', none",
    })
    void theOriginOfAnAddressOrNothing(String address, String origin) {
        assertThat(FrameOrigins.origin(address).orElse(null)).isEqualTo(origin);
    }

    @Test
    void loginUrlAndIssuerBothCountOnceEach() {
        Instant t = Instant.EPOCH;
        var canvas = new Platform(1, "https://canvas.instructure.com", "c", List.of("d"), "https://uw.instructure.com/api/lti/authorize_redirect",
                "https://uw.instructure.com/login/oauth2/token", "https://uw.instructure.com/api/lti/security/jwks", t);
        var moodle = new Platform(2, "https://moodle.example.edu", "m", List.of("d"), "https://moodle.example.edu/mod/lti/auth.php",
                "https://moodle.example.edu/mod/lti/token.php", "https://moodle.example.edu/mod/lti/certs.php", t);
        var broken = new Platform(3, "not a url", "b", List.of("d"), "https://lms.example.org/auth", "https://lms.example.org/t",
                "https://lms.example.org/k", t);
        assertThat(FrameOrigins.of(List.of(canvas, moodle, broken))).containsExactly("https://canvas.instructure.com",
                "https://lms.example.org", "https://moodle.example.edu", "https://uw.instructure.com");
    }
}
