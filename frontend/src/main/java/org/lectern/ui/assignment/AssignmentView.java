package org.lectern.ui.assignment;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentService;
import org.lectern.assignment.Autograder;
import org.lectern.assignment.FileRole;
import org.lectern.assignment.PrivateFeedback;
import org.lectern.assignment.TestFileUpload;
import org.lectern.assignment.Visibility;
import org.lectern.autograde.AutogradeService;
import org.lectern.autograde.GradingBroadcaster;
import org.lectern.autograde.ModelAssignmentService;
import org.lectern.autograde.RunView;
import org.lectern.gradebook.GradebookService;
import org.lectern.platform.NotFoundException;
import org.lectern.submission.Receipt;
import org.lectern.submission.Submission;
import org.lectern.submission.SubmissionService;
import org.lectern.ui.LiveUpdates;
import org.lectern.ui.Notifications;
import org.lectern.ui.Uploads;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;

/**
 * One assignment. Students upload, get a receipt, and watch their run: queued, running, public
 * results, then (after release) private results and the total. Staff manage the autograder, the
 * reference solution, releases and re-grades, and see every submission.
 */
@Route("courses/:courseId([0-9]+)/assignments/:assignmentId([0-9]+)")
@PageTitle("Assignment · Lectern")
@PermitAll
public class AssignmentView extends CoursePage {

    private final AssignmentService assignments;
    private final SubmissionService submissions;
    private final AutogradeService autograde;
    private final GradebookService gradebook;
    private final GradingBroadcaster grading;
    private final ModelAssignmentService models;
    private long assignmentId;
    private boolean modelAssignment;
    private final Div board = new Div();
    private final Div results = new Div();
    private Long shownSubmission;

    public AssignmentView(AssignmentService assignments, SubmissionService submissions, AutogradeService autograde,
                          GradebookService gradebook, ModelAssignmentService models, GradingBroadcaster grading) {
        this.grading = grading;
        this.gradebook = gradebook;
        this.models = models;
        this.assignments = assignments;
        this.submissions = submissions;
        this.autograde = autograde;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        assignmentId = event.getRouteParameters().getLong("assignmentId").orElseThrow(() -> new NotFoundException("No such assignment."));
        shownSubmission = null;
        super.beforeEnter(event);
    }

    @Override
    protected void render() {
        var page = assignments.page(assignmentId);
        Assignment a = page.assignment();
        if (a.courseId() != courseId) {
            throw new NotFoundException("No such assignment in this course.");
        }
        ZoneId zone = page.grant().course().timeZone();
        add(new CourseHeader(page.grant(), CourseHeader.Tab.ASSIGNMENTS));
        H2 title = new H2(a.shortName() + " · " + a.title());
        title.setId("assignment-title-heading");
        add(title, new Span("Due " + org.lectern.ui.Dates.dateTime(a.dueAt(), zone) + " (" + zone.getId() + ") · "
                + ResultsPanel.fmt(a.points()) + " points · upload " + String.join(", ", a.allowedExtensions())
                + " up to " + a.maxUploadBytes() / 1024 + " KB" + (a.gradesReleased() ? " · grades released" : "")));
        if (!page.starterFiles().isEmpty()) {
            Div starters = new Div(new Span("Starter files: "));
            for (String f : page.starterFiles()) {
                Anchor link = new Anchor(DownloadHandler.fromInputStream(ev -> new DownloadResponse(
                        new ByteArrayInputStream(assignments.starterFile(assignmentId, f)), f, "application/octet-stream", -1)), f);
                link.getElement().setAttribute("download", true);
                starters.add(link, new Span(" "));
            }
            add(starters);
        }
        modelAssignment = a.kind() == Assignment.Kind.MODEL;
        add(studentSection(a, zone));
        if (modelAssignment) {
            models.task(assignmentId).ifPresent(t -> add(new Paragraph("Your model takes float32 input of shape "
                    + t.spec().inputShapeText() + " (" + t.layout() + "), pixels divided by " + t.divisor() + ", and outputs "
                    + t.classes() + " class scores. Scored by " + t.metric() + ": " + ModelPanels.pct(t.zeroPointsAt()) + " earns 0 points, "
                    + ModelPanels.pct(t.fullPointsAt()) + " or more earns all of them.")));
            board.removeAll();
            board.add(ModelPanels.leaderboard(models.leaderboard(assignmentId)));
            add(board);
        }
        if (page.grant().isStaff()) {
            add(staffSection(page, zone));
        }
    }

    // ---------------------------------------------------------------- students

    private Component studentSection(Assignment a, ZoneId zone) {
        VerticalLayout box = new VerticalLayout();
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
        Div receipt = new Div();
        receipt.setId("receipt");
        UI ui = UI.getCurrent();
        Upload upload = Uploads.inMemory(a.maxUploadBytes(), 20, (meta, bytes) -> ui.access(() -> {
            AtomicReference<Receipt> r = new AtomicReference<>();
            if (Notifications.attempt(() -> r.set(submissions.submit(assignmentId, meta.fileName(), bytes)))) {
                showReceipt(receipt, r.get(), zone);
                shownSubmission = r.get().submissionId();
                refreshMine(box, zone);
            }
        }));
        upload.setId("submission-upload");
        upload.setAcceptedFileTypes(a.allowedExtensions().toArray(String[]::new));
        upload.setDropLabel(new Span("Drop your " + String.join(" / ", a.allowedExtensions()) + " here"));
        upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage()));
        box.add(upload, receipt);
        refreshMine(box, zone);
        return box;
    }

    private void showReceipt(Div receipt, Receipt r, ZoneId zone) {
        receipt.removeAll();
        receipt.addClassName("lectern-card");
        receipt.add(new Paragraph("Received " + r.fileName() + " (version " + r.version() + ", " + r.sizeBytes() + " bytes) at "
                + org.lectern.ui.Dates.dateTime(r.receivedAt(), zone) + (r.late() ? " — after the deadline" : "") + "."));
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
        mineGrid.addColumn(s -> org.lectern.ui.Dates.dateTime(s.submittedAt(), zone)).setHeader("Submitted").setAutoWidth(true);
        mineGrid.addColumn(Submission::fileName).setHeader("File");
        mineGrid.addColumn(s -> s.sha256().substring(0, 12) + "…").setHeader("SHA-256");
        mineGrid.addComponentColumn(s -> {
            if (mine.countedId() != null && mine.countedId() == s.id()) {
                return new Span("counts");
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
            board.removeAll(); // the new score takes its place on the board
            board.add(ModelPanels.leaderboard(models.leaderboard(assignmentId)));
        }
    }

    // ---------------------------------------------------------------- staff

    private Component staffSection(AssignmentService.Page page, ZoneId zone) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3("Staff"));
        Anchor plagiarismLink = new Anchor("courses/" + courseId + "/assignments/" + assignmentId + "/plagiarism", "Plagiarism");
        plagiarismLink.setId("plagiarism-link");
        box.add(plagiarismLink);
        boolean instructor = page.grant().isInstructor();
        if (instructor && page.assignment().kind() == Assignment.Kind.MODEL) {
            box.add(ModelPanels.evaluationData(models, assignmentId), releaseBox(page.assignment()));
        } else if (instructor) {
            box.add(autograderEditor(page), starterBox(), referenceBox(), releaseBox(page.assignment()));
        } else {
            page.autograder().ifPresent(ag -> box.add(new Paragraph("Autograder v" + ag.version() + ": " + ag.tests().size() + " files.")));
        }
        box.add(submissionsBox(zone, instructor));
        return box;
    }

    private Component autograderEditor(AssignmentService.Page page) {
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        page.autograder().ifPresentOrElse(ag -> {
            Span current = new Span("Current: version " + ag.version() + " · public " + ResultsPanel.fmt(ag.possible(Visibility.PUBLIC))
                    + " points · private " + ResultsPanel.fmt(ag.possible(Visibility.PRIVATE)) + " points · "
                    + String.join(", ", ag.tests().stream().map(t -> t.role() != FileRole.TEST ? t.fileName() + " (" + t.role().json() + ")"
                    : t.fileName() + " (" + t.visibility().name().toLowerCase() + ", " + ResultsPanel.fmt(t.points()) + ")").toList())
                    + " · failing private tests show students: " + ag.privateFeedback().json());
            current.setId("autograder-current");
            body.add(current);
        }, () -> body.add(new Paragraph("No autograder yet: submissions are stored and graded once you upload one.")));

        record Pending(String name, byte[] content, Select<FileRole> role, Select<Visibility> visibility, BigDecimalField points) {
        }
        List<Pending> pending = new ArrayList<>();
        Grid<Pending> grid = new Grid<>();
        grid.setId("autograder-pending");
        grid.addColumn(Pending::name).setHeader("File");
        grid.addComponentColumn(Pending::role).setHeader("Role");
        grid.addComponentColumn(Pending::visibility).setHeader("Visibility");
        grid.addComponentColumn(Pending::points).setHeader("Points");
        grid.setAllRowsVisible(true);
        grid.setVisible(false);
        UI ui = UI.getCurrent();
        Upload upload = Uploads.inMemory(AssignmentService.MAX_TEST_FILE_BYTES, 50, (meta, bytes) -> ui.access(() -> {
            Select<Visibility> v = new Select<>();
            v.setItems(Visibility.values());
            v.setValue(meta.fileName().contains("private") ? Visibility.PRIVATE : Visibility.PUBLIC);
            BigDecimalField p = new BigDecimalField();
            p.setValue(BigDecimal.TEN);
            Select<FileRole> role = new Select<>();
            role.setItems(FileRole.values());
            role.setItemLabelGenerator(r -> switch (r) {
                case TEST -> "pytest file";
                case SUPPORT -> "support (tests' side)";
                case STUDENT -> "for the student's code";
            });
            boolean pytest = AssignmentService.isPytestName(meta.fileName());
            role.setValue(pytest ? FileRole.TEST : FileRole.SUPPORT);
            role.addValueChangeListener(change -> {
                v.setEnabled(change.getValue() == FileRole.TEST);
                p.setEnabled(change.getValue() == FileRole.TEST);
            });
            v.setEnabled(pytest);
            p.setEnabled(pytest);
            pending.removeIf(x -> x.name().equals(meta.fileName()));
            pending.add(new Pending(meta.fileName(), bytes, role, v, p));
            grid.setItems(pending);
            grid.setVisible(true);
        }));
        upload.setId("autograder-upload");
        upload.setDropLabel(new Span("Drop pytest files (test_*.py), conftest.py, helpers and data files here"));
        Select<PrivateFeedback> feedback = new Select<>();
        feedback.setId("autograder-private-feedback");
        feedback.setLabel("After release, a failing private test shows students");
        feedback.setItems(PrivateFeedback.values());
        feedback.setItemLabelGenerator(f -> switch (f) {
            case NOTHING -> "nothing (outcome and points only)";
            case MESSAGE -> "the assertion message only";
            case FULL -> "pytest's full report (shows the test's source)";
        });
        feedback.setValue(page.autograder().map(Autograder::privateFeedback).orElse(PrivateFeedback.MESSAGE));
        Button save = new Button("Save autograder", e -> {
            if (Notifications.attempt(() -> assignments.uploadAutograder(assignmentId, pending.stream()
                    .map(x -> x.role().getValue() == FileRole.TEST
                            ? new TestFileUpload(x.name(), x.content(), x.visibility().getValue(), x.points().getValue())
                            : new TestFileUpload(x.name(), x.content(), null, null, x.role().getValue())).toList(),
                    null, feedback.getValue()))) {
                Notifications.success("Autograder saved; the reference solution (if any) is being graded.");
                refresh();
            }
        });
        save.setId("save-autograder");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        body.add(upload, grid, feedback, save);
        Details d = new Details(new Span("Autograder"), body);
        d.setOpened(page.autograder().isEmpty());
        return d;
    }

    private Component starterBox() {
        UI ui = UI.getCurrent();
        Upload upload = Uploads.inMemory(Uploads.MAX_REQUEST_BYTES, 20, (meta, bytes) -> ui.access(() -> {
            if (Notifications.attempt(() -> assignments.uploadStarterFile(assignmentId, meta.fileName(), bytes))) {
                Notifications.success("Starter file " + meta.fileName() + " saved; students can download it.");
                refresh();
            }
        }));
        upload.setId("starter-upload");
        upload.setAcceptedFileTypes(".ipynb", ".py");
        upload.setDropLabel(new Span("Drop starter notebooks or .py files here (a file with the same name is replaced)"));
        return new Details(new Span("Starter files"), upload);
    }

    private Component referenceBox() {
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        autograde.reference(assignmentId).ifPresentOrElse(row -> {
            RunView r = row.run();
            String verdict;
            if (!r.finished()) {
                verdict = "Grading the reference solution…";
            } else if (r.total() != null && r.total().compareTo(r.totalPossible()) == 0) {
                verdict = "The reference solution gets full marks (" + ResultsPanel.fmt(r.total()) + " / " + ResultsPanel.fmt(r.totalPossible()) + ").";
            } else {
                verdict = "The reference solution gets " + ResultsPanel.fmt(r.total()) + " / " + ResultsPanel.fmt(r.totalPossible())
                        + ": check the autograder before students see it." + (r.problem() == null ? "" : " " + r.problem());
            }
            Span s = new Span(verdict);
            s.setId("reference-verdict");
            body.add(s);
            body.add(new ResultsPanel(r));
        }, () -> body.add(new Paragraph("Upload a reference solution: Lectern grades it at once, so a broken autograder shows before students see it.")));
        UI ui = UI.getCurrent();
        Upload upload = Uploads.inMemory(assignments.get(assignmentId).maxUploadBytes(), 20, (meta, bytes) -> ui.access(() -> {
            if (Notifications.attempt(() -> submissions.submitReference(assignmentId, meta.fileName(), bytes))) {
                refresh();
            }
        }));
        upload.setId("reference-upload");
        body.add(upload);
        return new Details(new Span("Reference solution"), body);
    }

    private Component releaseBox(Assignment a) {
        Button release = new Button(a.gradesReleased() ? "Hide grades again" : "Release grades", e -> {
            if (Notifications.attempt(() -> assignments.releaseGrades(assignmentId, !a.gradesReleased()))) {
                refresh();
            }
        });
        release.setId("release-grades");
        ProgressBar progress = new ProgressBar();
        progress.setVisible(false);
        progress.setWidth("20em");
        Span progressText = new Span();
        progressText.setId("regrade-progress");
        Button regrade = new Button("Re-grade all", e -> {
            AtomicReference<Long> batch = new AtomicReference<>();
            if (Notifications.attempt(() -> batch.set(autograde.regradeAll(assignmentId)))) {
                progress.setVisible(true);
                Runnable show = () -> {
                    int[] done = autograde.batchProgress(assignmentId, batch.get());
                    progress.setValue(done[1] == 0 ? 1 : (double) done[0] / done[1]);
                    progressText.setText(done[0] + " of " + done[1] + " re-graded");
                };
                LiveUpdates.follow(progressText, redraw -> grading.batch(batch.get(), redraw), show);
                show.run();
            }
        });
        regrade.setId("regrade-all");
        Button onBehalf = new Button("Submit for a student…", e -> onBehalfDialog());
        return new HorizontalLayout(release, regrade, onBehalf, progress, progressText);
    }

    private Component submissionsBox(ZoneId zone, boolean instructor) {
        Grid<AutogradeService.StaffRow> grid = new Grid<>();
        grid.setId("staff-submissions");
        grid.addColumn(r -> r.submission().studentName()).setHeader("Student").setSortable(true);
        grid.addColumn(r -> r.submission().studentEmail()).setHeader("E-mail").setSortable(true);
        grid.addColumn(r -> "v" + r.submission().version()).setHeader("Version").setAutoWidth(true);
        grid.addColumn(r -> org.lectern.ui.Dates.dateTime(r.submission().submittedAt(), zone)
                + (r.submission().onBehalf() ? " (by staff)" : "")).setHeader("Submitted").setAutoWidth(true);
        grid.addColumn(r -> r.run().status() == null ? "waiting" : r.run().status().name().toLowerCase()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> ResultsPanel.fmt(r.run().publicEarned()) + " / " + ResultsPanel.fmt(r.run().publicPossible())).setHeader("Public");
        grid.addColumn(r -> ResultsPanel.fmt(r.run().total()) + " / " + ResultsPanel.fmt(r.run().totalPossible())).setHeader("Total");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItems(autograde.overview(assignmentId));
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("courses/" + courseId + "/submissions/" + e.getItem().submission().id())));
        VerticalLayout v = new VerticalLayout(new H3("Submissions"), grid);
        v.setPadding(false);
        return v;
    }

    private void onBehalfDialog() {
        Dialog d = new Dialog();
        d.setHeaderTitle("Submit on a student's behalf");
        TextField student = new TextField("Student e-mail");
        DateTimePicker when = new DateTimePicker("Time that counts (course time zone)");
        TextField reason = new TextField("Reason (kept in the audit log)");
        reason.setWidthFull();
        ZoneId zone = assignments.page(assignmentId).grant().course().timeZone();
        UI ui = UI.getCurrent();
        Upload upload = Uploads.inMemory(assignments.get(assignmentId).maxUploadBytes(), 5, (meta, bytes) -> ui.access(() -> {
            Instant at = when.getValue() == null ? null : ZonedDateTime.of(when.getValue(), zone).toInstant();
            if (Notifications.attempt(() -> submissions.submitOnBehalf(assignmentId, student.getValue(), at, reason.getValue(),
                    meta.fileName(), bytes))) {
                d.close();
                Notifications.success("Submitted for " + student.getValue() + ".");
                refresh();
            }
        }));
        d.add(new VerticalLayout(student, when, reason, new Paragraph("Then drop the file:"), upload));
        d.getFooter().add(new Button("Close", e -> d.close()));
        d.open();
    }
}
