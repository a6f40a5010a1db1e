package org.lectern.lti;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Site admins register LMS platforms. */
@RestController
class LtiPlatformController {

    private final LtiPlatforms platforms;

    LtiPlatformController(LtiPlatforms platforms) {
        this.platforms = platforms;
    }

    @Operation(summary = "Register an LMS platform, or add deployments to one (site admins)")
    @PostMapping("/api/v1/lti/platforms")
    @ResponseStatus(HttpStatus.CREATED)
    Platform register(@RequestBody PlatformDraft draft) {
        return platforms.register(draft);
    }

    @Operation(summary = "List the registered LMS platforms (site admins)")
    @GetMapping("/api/v1/lti/platforms")
    List<Platform> list() {
        return platforms.list();
    }

    @Operation(summary = "Remove a registered LMS platform (site admins)")
    @DeleteMapping("/api/v1/lti/platforms/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable long id) {
        platforms.remove(id);
    }
}
