package org.lectern.autograde;

import org.lectern.assignment.Assignment;
import org.lectern.assignment.AutograderUpdated;
import org.lectern.assignment.GradingMaterials;
import org.lectern.autograde.internal.RunRepository;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionChosen;
import org.lectern.submission.SubmissionMaterials;
import org.lectern.submission.SubmissionReceived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What puts work on the grading queue without a person asking for it: an upload, a version chosen to count, a new
 * autograder. These run inside the causing transaction for whoever caused it (a student's upload grades the reference
 * too), so they read coursework as the pool does, through the caller-less readers; people's calls go through
 * {@link AutogradeService}, which reads only through role-checked services.
 */
@Component
class GradingTriggers {

    private final RunRepository runs;
    private final GradingQueue queue;
    private final GradingMaterials materials;
    private final SubmissionMaterials submissions;
    private final AutogradedScores scores;

    GradingTriggers(RunRepository runs, GradingQueue queue, GradingMaterials materials, SubmissionMaterials submissions,
                    AutogradedScores scores) {
        this.runs = runs;
        this.queue = queue;
        this.materials = materials;
        this.submissions = submissions;
        this.scores = scores;
    }

    @EventListener
    void onSubmission(SubmissionReceived e) {
        var autograder = materials.currentAutograder(e.assignmentId());
        autograder.ifPresent(ag -> queue.enqueue(e.submissionId(), ag.id(), e.courseId(), null));
        boolean model = materials.assignment(e.assignmentId()).map(a -> a.kind() == Assignment.Kind.MODEL).orElse(false);
        if (autograder.isEmpty() && !model) {
            // stored, not graded yet: it counts for late days now (queueing reports, and models report themselves)
            scores.reportSubmission(e.submissionId());
        }
    }

    /**
     * A version chosen to count is graded if it never was: its run may have been superseded by a newer version
     * while it waited (see {@link GradingQueue}).
     */
    @EventListener
    void onChosen(SubmissionChosen e) {
        boolean graded = runs.latestFor(e.submissionId()).map(r -> r.status() != RunStatus.SUPERSEDED).orElse(false);
        if (!graded) {
            materials.currentAutograder(e.assignmentId())
                    .ifPresent(ag -> queue.enqueue(e.submissionId(), ag.id(), e.courseId(), null));
        }
        scores.reportSubmission(e.submissionId());
    }

    /** A new autograder grades the reference at once, and any submission that never had a run. */
    @EventListener
    void onAutograder(AutograderUpdated e) {
        submissions.latestReference(e.assignmentId())
                .ifPresent(ref -> queue.enqueue(ref.id(), e.autograderId(), e.courseId(), null));
        for (Submission s : submissions.counted(e.assignmentId())) {
            if (!runs.hasRun(s.id())) {
                queue.enqueue(s.id(), e.autograderId(), e.courseId(), null);
            }
        }
    }
}
