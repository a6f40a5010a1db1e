package org.lectern.identity;

/** A person who can sign in; {@code activated} is false until they have set a password. */
public record Account(long id, String email, String displayName, SiteRole siteRole, boolean activated) {
}
