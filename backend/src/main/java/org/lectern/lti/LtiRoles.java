package org.lectern.lti;

import java.util.List;
import java.util.Optional;
import org.lectern.course.CourseRole;

/**
 * An LMS launch's roles → the person's role in the linked course. Only context (membership) roles count:
 * an institution or system Administrator is someone at the school, not staff of this course, and never
 * becomes anything in Lectern by that role. Canvas sends a TA both Instructor and the TeachingAssistant
 * sub-role, so the sub-role is checked first.
 */
public final class LtiRoles {

    static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    static final String TA = "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant";

    private LtiRoles() {
    }

    public static Optional<CourseRole> courseRole(List<String> roles) {
        if (roles == null) {
            return Optional.empty();
        }
        List<String> r = roles.stream().map(s -> s == null ? "" : s.strip()).toList();
        if (r.stream().anyMatch(s -> s.equals(TA) || s.equals(MEMBERSHIP + "TeachingAssistant")
                || s.startsWith("http://purl.imsglobal.org/vocab/lis/v2/membership/TeachingAssistant#"))) {
            return Optional.of(CourseRole.TA);
        }
        if (r.stream().anyMatch(s -> s.equals(MEMBERSHIP + "Instructor") || s.equals("Instructor"))) {
            return Optional.of(CourseRole.INSTRUCTOR);
        }
        if (r.stream().anyMatch(s -> s.equals(MEMBERSHIP + "Learner") || s.equals("Learner")
                || s.startsWith("http://purl.imsglobal.org/vocab/lis/v2/membership/Learner#"))) {
            return Optional.of(CourseRole.STUDENT);
        }
        return Optional.empty();
    }
}
