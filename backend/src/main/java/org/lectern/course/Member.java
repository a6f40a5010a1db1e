package org.lectern.course;

/**
 * One row of the roster. {@code activated} is false while the person has not yet set a password; {@code login} is
 * the login a roster CSV named (a NetID, or null), never assumed to be the e-mail.
 */
public record Member(long accountId, String name, String email, CourseRole role, String section, String sisId,
                     boolean activated, String login) {

    public Member(long accountId, String name, String email, CourseRole role, String section, String sisId, boolean activated) {
        this(accountId, name, email, role, section, sisId, activated, null);
    }
}
