package org.lectern.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.People.as;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lectern.BackendTest;
import org.lectern.Coursework;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.extensionrequest.ExtensionRequestService;
import org.lectern.platform.ForbiddenException;
import org.lectern.platform.NotFoundException;
import org.lectern.submission.SubmissionService;
import org.lectern.testing.SamplePdfs;
import org.lectern.written.WrittenDrafts;
import org.lectern.written.WrittenService;
import org.springframework.beans.factory.annotation.Autowired;

/** The counts go down as the work is done; students and outsiders see none of it. */
@BackendTest
class TaDashboardIT {

    @Autowired Coursework coursework;
    @Autowired AssignmentService assignments;
    @Autowired SubmissionService submissions;
    @Autowired WrittenService written;
    @Autowired ExtensionRequestService extensions;
    @Autowired TaDashboardService dashboard;

    Map<String, Integer> counts(Coursework.Setup s) {
        return as(s.ta(), () -> dashboard.waiting(s.courseId())).stream()
                .collect(Collectors.toMap(TaDashboardService.Waiting::key, TaDashboardService.Waiting::count));
    }

    @Test
    void countsGoDownAsWorkIsDone() {
        var s = coursework.setup(false);
        var outsider = coursework.setup(false).student();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Assignment w = as(s.instructor(), () -> assignments.create(s.courseId(), new AssignmentDraft("W1", "Written", null,
                now.minus(1, ChronoUnit.DAYS), now.plus(7, ChronoUnit.DAYS), BigDecimal.TEN, null, ".pdf", null, null, null, null, null, null,
                "Assignments", null)));
        var q1 = as(s.instructor(), () -> written.addQuestion(w.id(), new WrittenDrafts.Question(null, "One", BigDecimal.valueOf(5), null)));
        as(s.instructor(), () -> written.addQuestion(w.id(), new WrittenDrafts.Question(null, "Two", BigDecimal.valueOf(5), null)));
        as(s.student(), () -> submissions.submit(w.id(), "answers.pdf", SamplePdfs.answers(2)));
        as(s.student(), () -> submissions.submit(w.id(), "answers.pdf", SamplePdfs.answers(3))); // a second version: still one student
        as(s.otherStudent(), () -> submissions.submit(w.id(), "answers.pdf", SamplePdfs.answers(1)));
        var request = as(s.student(), () -> extensions.request(s.courseId(), new ExtensionRequestService.Draft("W1", 2, "Flu")));

        assertThat(counts(s)).containsEntry("written", 4).containsEntry("extension-requests", 1).containsEntry("regrade-requests", 0)
                .containsEntry("quiz-short-answers", 0);
        as(s.ta(), () -> written.saveGrade(q1.id(), s.student().id(), new WrittenDrafts.Grade(List.of(), null, "")));
        as(s.ta(), () -> extensions.decide(request.id(), true, ""));
        assertThat(counts(s)).containsEntry("written", 3).containsEntry("extension-requests", 0);

        assertThatThrownBy(() -> as(s.student(), () -> dashboard.waiting(s.courseId()))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(outsider, () -> dashboard.waiting(s.courseId()))).isInstanceOf(NotFoundException.class);
    }
}
