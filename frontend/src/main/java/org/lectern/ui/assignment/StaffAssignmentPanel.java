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
import java.math.BigDecimal;
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
import org.lectern.pool.PoolJobs;
import org.lectern.autograde.GradingBroadcaster;
import org.lectern.autograde.ModelAssignmentService;
import org.lectern.autograde.RunView;
import org.lectern.submission.SubmissionService;
import org.lectern.ui.LiveUpdates;
import org.lectern.ui.Confirm;
import org.lectern.ui.Dates;
import org.lectern.ui.Notifications;
import org.lectern.ui.Uploads;

import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;

/**
 * Staff's side of an assignment: the autograder, starter files, the reference solution, releases and re-grades,
 * and every student of the course with their submission (or none yet).
 */
class StaffAssignmentPanel extends VerticalLayout {

    private final long courseId;
    private final long assignmentId;
    private final AssignmentService assignments;
    private final SubmissionService submissions;
    private final AutogradeService autograde;
    private final ModelAssignmentService models;
    private final CourseService courses;
    private final GradingBroadcaster grading;
    private final Runnable refresh;

    StaffAssignmentPanel(AssignmentService.Page page, ZoneId zone, AssignmentService assignments, SubmissionService submissions,
                         AutogradeService autograde, ModelAssignmentService models, CourseService courses,
                         GradingBroadcaster grading, PoolJobs pool, Runnable refresh) {
        this.grading = grading;
        this.courseId = page.assignment().courseId();
        this.assignmentId = page.assignment().id();
        this.assignments = assignments;
        this.submissions = submissions;
        this.autograde = autograde;
        this.models = models;
        this.courses = courses;
        this.refresh = refresh;
        VerticalLayout box = this;
        box.setPadding(false);
        box.add(new H3("Staff"));
        Anchor plagiarismLink = new Anchor("courses/" + courseId + "/assignments/" + assignmentId + "/plagiarism", "Plagiarism");
        plagiarismLink.setId("plagiarism-link");
        box.add(plagiarismLink);
        boolean instructor = page.grant().isInstructor();
        if (instructor && page.assignment().kind() == Assignment.Kind.MODEL) {
            box.add(ModelPanels.evaluationData(models, assignmentId), releaseBox(page.assignment()));
        } else if (instructor) {
            box.add(autograderEditor(page), new EnvironmentPicker(assignments, pool, assignmentId), starterBox(), referenceBox(),
                    releaseBox(page.assignment()));
        } else {
            page.autograder().ifPresent(ag -> box.add(new Paragraph("Autograder v" + ag.version() + ": " + ag.tests().size() + " files.")));
        }
        box.add(submissionsBox(zone, instructor));
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
                refresh.run();
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
                refresh.run();
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
                refresh.run();
            }
        }));
        upload.setId("reference-upload");
        body.add(upload);
        return new Details(new Span("Reference solution"), body);
    }

    private Component releaseBox(Assignment a) {
        Runnable toggle = () -> {
            if (Notifications.attempt(() -> assignments.releaseGrades(assignmentId, !a.gradesReleased()))) {
                refresh.run();
            }
        };
        // Releasing cannot be taken back in effect: students are told by e-mail and the LMS gets the scores.
        Button release = new Button(a.gradesReleased() ? "Hide grades again" : "Release grades", e -> {
            if (a.gradesReleased()) {
                toggle.run();
            } else {
                Confirm.ask("Release the grades of " + a.shortName() + "?",
                        "Every student sees their private-test results and total now, is told by e-mail, and the LMS "
                                + "(when linked) receives the scores. Hiding them again later does not unsend any of that.",
                        "Release grades", toggle);
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

    /** One student of the course and their submission, or null when they have not submitted. */
    record StudentLine(String name, String email, AutogradeService.StaffRow row) {
    }

    private Component submissionsBox(ZoneId zone, boolean instructor) {
        // Everyone on the roster, so the students who have not submitted (the ones staff most need to see) are there.
        List<AutogradeService.StaffRow> rows = autograde.overview(assignmentId);
        java.util.Map<String, AutogradeService.StaffRow> byEmail = new java.util.HashMap<>();
        rows.forEach(r -> byEmail.putIfAbsent(r.submission().studentEmail().toLowerCase(java.util.Locale.ROOT), r));
        // a team's version is every member's: each member's line shows it
        java.util.Map<Long, AutogradeService.StaffRow> byMember = new java.util.HashMap<>();
        rows.stream().filter(r -> r.submission().teamId() != null).forEach(r -> submissions.sharingWork(assignmentId,
                r.submission().accountId()).forEach(member -> byMember.putIfAbsent(member, r)));
        List<StudentLine> lines = new ArrayList<>();
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (var m : courses.roster(courseId)) {
            if (m.role() == CourseRole.STUDENT) {
                String key = m.email().toLowerCase(java.util.Locale.ROOT);
                var row = byEmail.get(key);
                lines.add(new StudentLine(m.name(), m.email(), row != null ? row : byMember.get(m.accountId())));
                listed.add(key);
            }
        }
        rows.stream().filter(r -> !listed.contains(r.submission().studentEmail().toLowerCase(java.util.Locale.ROOT)))
                .forEach(r -> lines.add(new StudentLine(r.submission().studentName(), r.submission().studentEmail(), r))); // e.g. dropped since
        lines.sort(java.util.Comparator.comparing((StudentLine l) -> l.row() != null).thenComparing(StudentLine::name, String.CASE_INSENSITIVE_ORDER));

        Grid<StudentLine> grid = new Grid<>();
        grid.setId("staff-submissions");
        grid.addColumn(StudentLine::name).setHeader("Student").setSortable(true).setAutoWidth(true);
        grid.addColumn(StudentLine::email).setHeader("E-mail").setSortable(true).setAutoWidth(true);
        grid.addColumn(l -> l.row() == null ? "" : "v" + l.row().submission().version()).setHeader("Version").setAutoWidth(true);
        grid.addColumn(l -> l.row() == null ? "not submitted" : Dates.dateTime(l.row().submission().submittedAt(), zone)
                + (l.row().submission().onBehalf() ? " (by staff)" : "")).setHeader("Submitted").setAutoWidth(true);
        grid.addColumn(l -> l.row() == null ? "" : l.row().run().status() == null ? "waiting" : l.row().run().status().name().toLowerCase())
                .setHeader("Status").setAutoWidth(true);
        grid.addColumn(l -> l.row() == null ? "" : ResultsPanel.fmt(l.row().run().publicEarned()) + " / "
                + ResultsPanel.fmt(l.row().run().publicPossible())).setHeader("Public");
        grid.addColumn(l -> l.row() == null ? "" : ResultsPanel.fmt(l.row().run().total()) + " / "
                + ResultsPanel.fmt(l.row().run().totalPossible())).setHeader("Total");
        grid.setPartNameGenerator(l -> l.row() == null ? "error-row" : null);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        var data = new com.vaadin.flow.data.provider.ListDataProvider<>(lines);
        grid.setItems(data);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> {
            if (e.getItem().row() != null) {
                getUI().ifPresent(ui -> ui.navigate("courses/" + courseId + "/submissions/" + e.getItem().row().submission().id()));
            }
        });
        long missing = lines.stream().filter(l -> l.row() == null).count();
        Select<String> show = new Select<>();
        show.setId("submissions-filter");
        show.setLabel("Show");
        show.setItems("Everyone", "Submitted", "Not submitted");
        show.setValue("Everyone");
        show.addValueChangeListener(e -> data.setFilter(l -> switch (e.getValue()) {
            case "Submitted" -> l.row() != null;
            case "Not submitted" -> l.row() == null;
            default -> true;
        }));
        Span count = new Span((lines.size() - missing) + " of " + lines.size() + " students submitted · "
                + org.lectern.ui.Plural.of(missing, "student") + " not yet");
        count.setId("submissions-count");
        HorizontalLayout top = new HorizontalLayout(show, count);
        top.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        top.setWrap(true);
        VerticalLayout v = new VerticalLayout(new H3("Submissions"), top, grid);
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
                refresh.run();
            }
        }));
        d.add(new VerticalLayout(student, when, reason, new Paragraph("Then drop the file:"), upload));
        d.getFooter().add(new Button("Close", e -> d.close()));
        d.open();
    }
}
