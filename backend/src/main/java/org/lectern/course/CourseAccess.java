package org.lectern.course;

import org.lectern.course.internal.CourseRepository;
import org.lectern.identity.Caller;
import org.lectern.identity.CurrentUser;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that decides what the caller may do in a course. A course the caller is not in
 * answers "not found", so its existence is not disclosed; a role too low answers "forbidden".
 * Site admins act as instructors everywhere.
 */
@Component
public class CourseAccess {

    /** The caller and their role in the course they asked about. */
    public record Grant(Caller caller, Course course, CourseRole role) {
        public boolean isStaff() {
            return role.isStaff();
        }

        public boolean isInstructor() {
            return role == CourseRole.INSTRUCTOR;
        }
    }

    private final CourseRepository courses;

    CourseAccess(CourseRepository courses) {
        this.courses = courses;
    }

    @Transactional(readOnly = true)
    public Grant member(long courseId) {
        Caller caller = CurrentUser.require();
        Course course = courses.byId(courseId).orElseThrow(() -> notFound(courseId));
        CourseRole role = courses.role(courseId, caller.accountId())
                .orElseGet(() -> {
                    if (caller.isAdmin()) {
                        return CourseRole.INSTRUCTOR;
                    }
                    throw notFound(courseId);
                });
        if (caller.isAdmin()) {
            role = CourseRole.INSTRUCTOR;
        }
        return new Grant(caller, course, role);
    }

    @Transactional(readOnly = true)
    public Grant staff(long courseId) {
        Grant grant = member(courseId);
        if (!grant.isStaff()) {
            throw new ForbiddenException("Only course staff can see this.");
        }
        return grant;
    }

    @Transactional(readOnly = true)
    public Grant instructor(long courseId) {
        Grant grant = member(courseId);
        if (!grant.isInstructor()) {
            throw new ForbiddenException("Only the course's instructors can change this.");
        }
        return grant;
    }

    private static NotFoundException notFound(long courseId) {
        return new NotFoundException("No course " + courseId + " among your courses.");
    }
}
