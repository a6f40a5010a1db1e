package org.lectern.identity;

/** Site-wide standing; roles within a course are the course feature's business. */
public enum SiteRole {
    /** Takes part in the courses they are enrolled in. */
    USER,
    /** May also create courses (and becomes their instructor). */
    COURSE_CREATOR,
    /** Runs the site: creates courses and accounts, acts as instructor in every course. */
    ADMIN;

    public boolean mayCreateCourses() {
        return this != USER;
    }
}
