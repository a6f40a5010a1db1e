package org.lectern.ui.course;

import com.vaadin.flow.router.BeforeEnterEvent;
import org.lectern.platform.NotFoundException;

/**
 * A page inside one course that shows one thing of it (an assignment, a quiz, a post …), named by a second id in its
 * route ("courses/:courseId/quizzes/:quizId"). The thing must belong to the course the address names: an id of another
 * course is not found here, as if it did not exist (the service has already checked the caller's role in its own
 * course).
 */
public abstract class CourseItemPage extends CoursePage {

    private final String parameter;
    private final String noun;
    /** The id of the thing this page shows, read from the route before {@link #render()}. */
    protected long itemId;

    /** {@code parameter}: the route's name for the id ("quizId"); {@code noun}: what it names, for messages ("quiz"). */
    protected CourseItemPage(String parameter, String noun) {
        this.parameter = parameter;
        this.noun = noun;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        itemId = event.getRouteParameters().getLong(parameter).orElseThrow(() -> new NotFoundException("No such " + noun + "."));
        super.beforeEnter(event);
    }

    /** Refuses, as not found, a thing whose course is not this page's. */
    protected void requireInCourse(long itsCourseId) {
        if (itsCourseId != courseId) {
            throw new NotFoundException("No such " + noun + " in this course.");
        }
    }
}
