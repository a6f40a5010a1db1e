package org.lectern.identity;

import java.io.Serializable;
import java.security.Principal;

/** What Spring Security keeps for a signed-in person, whether from the sign-in form or an API token. */
public record LecternPrincipal(long accountId, String email, String displayName, SiteRole siteRole)
        implements Principal, Serializable {

    @Override
    public String getName() {
        return email;
    }

    public Caller caller() {
        return new Caller(accountId, email, displayName, siteRole);
    }

    static LecternPrincipal of(Account a) {
        return new LecternPrincipal(a.id(), a.email(), a.displayName(), a.siteRole());
    }
}
