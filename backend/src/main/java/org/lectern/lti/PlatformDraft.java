package org.lectern.lti;

import java.util.List;

/** A platform as a site admin registers it (the JSON of POST /api/v1/lti/platforms). */
public record PlatformDraft(String issuer, String clientId, List<String> deploymentIds, String authLoginUrl, String authTokenUrl,
                            String keysetUrl) {
}
