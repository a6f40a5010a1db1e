package org.lectern.identity;

/** The signed-in person on whose behalf a service call runs. */
public record Caller(long accountId, String email, String displayName, SiteRole siteRole) {

    public boolean isAdmin() {
        return siteRole == SiteRole.ADMIN;
    }
}
