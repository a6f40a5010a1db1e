package org.lectern.lti;

/** Names and Role Provisioning Services. */
public class LtiRoster {
    public static final String SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
}
