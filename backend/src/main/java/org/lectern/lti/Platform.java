package org.lectern.lti;

import java.time.Instant;
import java.util.List;

/** A registered LMS (an LTI 1.3 platform) and the deployments of Lectern on it. */
public record Platform(long id, String issuer, String clientId, List<String> deploymentIds, String authLoginUrl, String authTokenUrl,
                       String keysetUrl, Instant createdAt) {
}
