package org.lectern.dashboard;

import org.lectern.dashboard.internal.DashboardRepository;
import org.lectern.gradebook.ScoreReported;
import org.lectern.platform.StaffWorkChanged;
import org.lectern.submission.SubmissionReceived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hears the events that change what waits for staff (a submission arrives, a score is reported: a written or quiz
 * answer graded, a run finished, a decision made; a request asked or answered) and NOTIFYs the course's dashboards in
 * the causing transaction, so a rolled-back change tells nobody. Office hours and plagiarism checks have channels of
 * their own, which the page follows besides.
 */
@Component
class DashboardNotifier {

    private final DashboardRepository repo;

    DashboardNotifier(DashboardRepository repo) {
        this.repo = repo;
    }

    @EventListener
    void on(ScoreReported e) {
        repo.notifyChanged(e.courseId());
    }

    @EventListener
    void on(SubmissionReceived e) {
        repo.notifyChanged(e.courseId());
    }

    @EventListener
    void on(StaffWorkChanged e) {
        repo.notifyChanged(e.courseId());
    }
}
