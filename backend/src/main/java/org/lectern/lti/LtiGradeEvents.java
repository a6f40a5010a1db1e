package org.lectern.lti;

import org.lectern.assignment.AssignmentGradesReleased;
import org.lectern.gradebook.ScoreReported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Queues scores for the LMS when grades are released or a self-grading item reports one, after the
 * change commits (a rolled-back release sends nothing) and as the person who made it, so the gradebook's
 * own visibility rules decide what is released. A failure here never undoes the release.
 */
@Component
class LtiGradeEvents {

    private static final Logger log = LoggerFactory.getLogger(LtiGradeEvents.class);
    private final LtiGrades grades;

    LtiGradeEvents(LtiGrades grades) {
        this.grades = grades;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void released(AssignmentGradesReleased e) {
        if (e.released()) {
            queue(e.courseId(), e.shortName());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void scored(ScoreReported e) {
        if (e.work() != null) {
            return; // assignments go out when their grades are released (above) and by the reconcile job
        }
        queue(e.courseId(), e.itemKey());
    }

    private void queue(long courseId, String itemKey) {
        try {
            grades.queue(courseId, itemKey);
        } catch (RuntimeException ex) {
            log.warn("could not queue course {} item {} for the LMS; the next reconcile will", courseId, itemKey, ex);
        }
    }
}
