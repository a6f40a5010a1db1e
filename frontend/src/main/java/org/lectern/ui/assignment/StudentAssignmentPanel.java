package org.lectern.ui.assignment;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.lectern.assignment.Assignment;
import org.lectern.autograde.AutogradeService;
import org.lectern.autograde.GradingBroadcaster;
import org.lectern.autograde.ModelAssignmentService;
import org.lectern.autograde.RunView;
import org.lectern.submission.Receipt;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionService;
import org.lectern.ui.LiveUpdates;
import org.lectern.ui.Dates;
import org.lectern.ui.Notifications;
import org.lectern.ui.Uploads;

import org.lectern.gradebook.GradebookService;

/**
 * A student's side of an assignment: time left or what a late upload costs, the upload and its receipt, their
 * versions (and which one counts), and the selected version's results, followed until the run ends.
 */
class StudentAssignmentPanel extends VerticalLayout {

    private final long courseId;
    private final long assignmentId;
    private final SubmissionService submissions;
    private final AutogradeService autograde;
    private final GradebookService gradebook;
    private final ModelAssignmentService models;
    private final Runnable redrawLeaderboard;
    private final boolean modelAssignment;
    private final Div results = new Div();
    private final GradingBroadcaster grading;
    private Long shownSubmission;
    private Runnable onUploaded = () -> { };

    StudentAssignmentPanel(Assignment a, ZoneId zone, long courseId, SubmissionService submissions, AutogradeService autograde,
                           GradebookService gradebook, ModelAssignmentService models, GradingBroadcaster grading,
                           Runnable redrawLeaderboard) {
        this.grading = grading;
        this.courseId = courseId;
        this.assignmentId = a.id();
        this.submissions = submissions;
        this.autograde = autograde;
        this.gradebook = gradebook;
        this.models = models;
        this.redrawLeaderboard = redrawLeaderboard;
        this.modelAssignment = a.kind() == Assignment.Kind.MODEL;
        VerticalLayout box = this;
        box.setPadding(false);
        box.add(new H3("Your submission"));
        Instant now = Instant.now();
        if (now.isAfter(a.dueAt())) {
            Paragraph cost = new Paragraph("The deadline has passed; a new upload is recorded as late.");
            cost.setId("late-cost");
            gradebook.whatIfNow(courseId, a.shortName()).ifPresent(w -> cost.setText(w.refused()
                    ? "Submitting now is " + w.daysLate() + " day(s) late and would not be accepted for grading."
                    : "Submitting now is " + w.daysLate() + " day(s) late: it uses " + w.freeDaysUsed() + " of your "
                    + w.daysRemainingBefore() + " free late day(s), leaving " + w.daysRemainingAfter()
                    + (w.penaltyPercent().signum() > 0 ? ", and costs " + w.penaltyPercent().stripTrailingZeros().toPlainString() + "% of the points" : "")
                    + "." + (w.itemsLosingFreeDays().isEmpty() ? "" : " It takes free days from " + String.join(", ", w.itemsLosingFreeDays()) + ".")));
            cost.addClassName("lectern-card");
            box.add(cost);
        } else {
            Duration left = Duration.between(now, a.dueAt());
            box.add(new Paragraph("Time left: " + (left.toDays() > 0 ? left.toDays() + " days " : "") + left.toHoursPart() + " h "
                    + left.toMinutesPart() + " min."));
        }
        if (a.team()) {
            Paragraph team = new Paragraph("A team item: one submission for your whole team. Any member may submit; every member"
                    + " sees each version and who made it, and the latest counts for everyone.");
            team.setId("team-item-note");
            box.add(team);
        }
        Div receipt = new Div();
        receipt.setId("receipt");
        UI ui = UI.getCurrent();
        // Where the item takes PDFs, images sent together (one drop, one pick) are held until the whole batch is in, then
        // submitted as one upload: the server joins them into one PDF, a page per image. The browser may send them in any
        // order, so the pages follow the file names (IMG_0001.jpg, IMG_0002.jpg, ...), which is what a phone or scanner writes.
        boolean joinsImages = a.allowedExtensions().contains(".pdf");
        List<SubmissionService.Upload> images = new ArrayList<>();
        Upload upload = Uploads.inMemory(a.maxUploadBytes(), 20, (meta, bytes) -> {
            if (joinsImages && SubmissionService.isImage(bytes)) {
                synchronized (images) {
                    images.add(new SubmissionService.Upload(meta.fileName(), bytes));
                }
                return;
            }
            ui.access(() -> submitNow(box, receipt, zone, List.of(new SubmissionService.Upload(meta.fileName(), bytes))));
        });
        if (joinsImages) {
            upload.addAllFinishedListener(e -> {
                List<SubmissionService.Upload> batch;
                synchronized (images) {
                    batch = images.stream().sorted(java.util.Comparator.comparing((SubmissionService.Upload u) -> String.valueOf(u.fileName()),
                            String.CASE_INSENSITIVE_ORDER)).toList();
                    images.clear();
                }
                if (!batch.isEmpty()) {
                    submitNow(box, receipt, zone, batch);
                }
                upload.clearFileList();
            });
        }
        upload.setId("submission-upload");
        List<String> types = new ArrayList<>(a.allowedExtensions());
        if (joinsImages) {
            types.addAll(List.of(".png", ".jpg", ".jpeg"));
        }
        upload.setAcceptedFileTypes(types.toArray(String[]::new));
        upload.setDropLabel(new Span("Drop your " + String.join(" / ", a.allowedExtensions()) + " here"
                + (joinsImages ? " (or PNG/JPEG photos, joined into one PDF)" : "")));
        upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage()));
        box.add(upload, receipt);
        refreshMine(box, zone);
    }

    private void submitNow(VerticalLayout box, Div receipt, ZoneId zone, List<SubmissionService.Upload> files) {
        AtomicReference<Receipt> r = new AtomicReference<>();
        if (Notifications.attempt(() -> r.set(submissions.submit(assignmentId, files)))) {
            showReceipt(receipt, r.get(), zone);
            shownSubmission = r.get().submissionId();
            refreshMine(box, zone);
            onUploaded.run();
        }
    }

    /** Runs after each accepted upload (the written answers' page marks follow the new version). */
    void onUploaded(Runnable r) {
        onUploaded = r;
    }

    private void showReceipt(Div receipt, Receipt r, ZoneId zone) {
        receipt.removeAll();
        receipt.addClassName("lectern-card");
        receipt.add(new Paragraph("Received " + r.fileName() + " (version " + r.version() + ", " + r.sizeBytes() + " bytes) at "
                + Dates.dateTime(r.receivedAt(), zone) + (r.late() ? " — after the deadline" : "") + "."));
        Span sha = new Span("SHA-256 " + r.sha256());
        sha.setId("receipt-sha");
        sha.getStyle().set("font-family", "monospace").set("word-break", "break-all");
        receipt.add(sha);
    }

    private Grid<Submission> mineGrid;

    private void refreshMine(VerticalLayout box, ZoneId zone) {
        var mine = submissions.mine(assignmentId);
        if (mineGrid != null) {
            box.remove(mineGrid);
        }
        box.remove(results);
        if (mine.versions().isEmpty()) {
            return;
        }
        mineGrid = new Grid<>();
        mineGrid.setId("my-submissions");
        mineGrid.addColumn(s -> "v" + s.version()).setHeader("Version").setAutoWidth(true);
        mineGrid.addColumn(s -> Dates.dateTime(s.submittedAt(), zone)).setHeader("Submitted").setAutoWidth(true);
        if (mine.teamId() != null) {
            // a team item: the team's versions, each with the member who made it
            mineGrid.addColumn(Submission::studentName).setHeader("Made by").setAutoWidth(true);
        }
        mineGrid.addColumn(Submission::fileName).setHeader("File");
        mineGrid.addColumn(s -> s.sha256().substring(0, 12) + "…").setHeader("SHA-256");
        mineGrid.addComponentColumn(s -> {
            if (mine.countedId() != null && mine.countedId() == s.id()) {
                return new Span("counts");
            }
            if (s.teamId() != null) {
                return new Span(""); // a team's latest version counts
            }
            Button pick = new Button("Count this one", e -> {
                if (Notifications.attempt(() -> submissions.choose(s.id()))) {
                    refreshMine(box, zone);
                }
            });
            pick.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return pick;
        }).setAutoWidth(true);
        mineGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        mineGrid.setAllRowsVisible(true);
        mineGrid.setItems(mine.versions());
        mineGrid.addItemClickListener(e -> {
            shownSubmission = e.getItem().id();
            showResults();
        });
        if (shownSubmission == null) {
            shownSubmission = mine.countedId() != null ? mine.countedId() : mine.versions().getFirst().id();
        }
        box.add(mineGrid, results);
        showResults();
    }

    /**
     * Shows the selected version's run (or model evaluation), redrawn whenever the pool reports a change to it
     * ({@link GradingBroadcaster}); a finished model evaluation also redraws the leaderboard it joins.
     */
    private void showResults() {
        results.removeAll();
        if (shownSubmission == null) {
            return;
        }
        long submissionId = shownSubmission;
        Div live = new Div();
        results.add(live);
        LiveUpdates.follow(live, redraw -> grading.submission(submissionId, redraw), () -> drawResults(live, submissionId, true));
        drawResults(live, submissionId, false);
    }

    private void drawResults(Div live, long submissionId, boolean pushed) {
        live.removeAll();
        String version = " of version " + submissions.get(submissionId).version();
        if (!modelAssignment) {
            live.add(new H3("Results" + version), new ResultsPanel(autograde.results(submissionId)));
            return;
        }
        var run = models.run(submissionId).orElse(null);
        live.add(new H3("Evaluation" + version), ModelPanels.result(run));
        if (pushed && (run == null || run.finished())) {
            redrawLeaderboard.run(); // the new score takes its place on the board
        }
    }

}
