package org.lectern.ui.assignment;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import org.lectern.project.TeamFormationService;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentService;
import org.lectern.autograde.AutogradeService;
import org.lectern.pool.PoolJobs;
import org.lectern.autograde.GradingBroadcaster;
import org.lectern.gradebook.GradebookService;
import org.lectern.autograde.ModelAssignmentService;
import org.lectern.course.CourseService;
import org.lectern.submission.SubmissionService;
import org.lectern.ui.Dates;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CourseItemPage;
import org.lectern.ui.extensionrequest.ExtensionRequestsView;
import org.lectern.ui.written.WrittenStudentPanel;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import org.lectern.written.RegradeService;
import org.lectern.written.WrittenPages;
import org.lectern.written.WrittenService;

/**
 * One assignment: what it is and its starter files, then the student's page ({@link StudentAssignmentPanel}: upload,
 * receipt, results) or the staff's ({@link StaffAssignmentPanel}: autograder, releases, every student's submission).
 */
@Route("courses/:courseId([0-9]+)/assignments/:assignmentId([0-9]+)")
@PageTitle("Assignment · Lectern")
@PermitAll
public class AssignmentView extends CourseItemPage {

    private final AssignmentService assignments;
    private final SubmissionService submissions;
    private final AutogradeService autograde;
    private final GradebookService gradebook;
    private final GradingBroadcaster grading;
    private final ModelAssignmentService models;
    private final CourseService courses;
    private final PoolJobs pool;
    private final WrittenService written;
    private final WrittenPages writtenPages;
    private final RegradeService regrades;
    private final Div board = new Div();

    private final TeamFormationService teams;

    public AssignmentView(AssignmentService assignments, SubmissionService submissions, AutogradeService autograde,
                          GradebookService gradebook, ModelAssignmentService models, CourseService courses,
                          GradingBroadcaster grading, PoolJobs pool, WrittenService written, WrittenPages writtenPages,
                          RegradeService regrades, TeamFormationService teams) {
        super("assignmentId", "assignment");
        this.teams = teams;
        this.written = written;
        this.writtenPages = writtenPages;
        this.regrades = regrades;
        this.grading = grading;
        this.pool = pool;
        this.courses = courses;
        this.gradebook = gradebook;
        this.models = models;
        this.assignments = assignments;
        this.submissions = submissions;
        this.autograde = autograde;
    }

    @Override
    protected void render() {
        var page = assignments.page(itemId);
        Assignment a = page.assignment();
        requireInCourse(a.courseId());
        ZoneId zone = page.grant().course().timeZone();
        add(new CourseHeader(page.grant(), CourseHeader.Tab.ASSIGNMENTS));
        H2 title = new H2(a.shortName() + " · " + a.title());
        title.setId("assignment-title-heading");
        add(title, new Span("Due " + Dates.dateTime(a.dueAt(), zone) + " (" + zone.getId() + ") · "
                + ResultsPanel.fmt(a.points()) + " points · upload " + String.join(", ", a.allowedExtensions())
                + " up to " + a.maxUploadBytes() / 1024 + " KB" + (a.gradesReleased() ? " · grades released" : "")));
        if (!page.starterFiles().isEmpty()) {
            Div starters = new Div(new Span("Starter files: "));
            for (String f : page.starterFiles()) {
                Anchor link = new Anchor(DownloadHandler.fromInputStream(ev -> new DownloadResponse(
                        new ByteArrayInputStream(assignments.starterFile(itemId, f)), f, "application/octet-stream", -1)), f);
                link.getElement().setAttribute("download", true);
                starters.add(link, new Span(" "));
            }
            add(starters);
        }
        boolean modelAssignment = a.kind() == Assignment.Kind.MODEL;
        boolean staff = page.grant().isStaff();
        if (!staff) { // staff have their own page below: no "Your submission" for a TA
            var panel = new StudentAssignmentPanel(a, zone, courseId, submissions, autograde, gradebook, models, grading, this::redrawLeaderboard);
            if (a.team()) { // the item's own team sizes, where they differ from the course's
                teams.itemSizeNote(courseId, a.teamMinSize(), a.teamMaxSize()).ifPresent(note -> {
                    Paragraph sizes = new Paragraph(note);
                    sizes.setId("team-item-sizes");
                    add(sizes);
                });
            }
            add(panel);
            RouterLink extension = new RouterLink("Need more time? Ask for an extension", ExtensionRequestsView.class,
                    new RouteParameters("courseId", Long.toString(courseId)));
            extension.setId("ask-extension");
            add(extension);
            if (WrittenStudentPanel.applies(written, itemId)) {
                var writtenPanel = new WrittenStudentPanel(a, zone, written, writtenPages, regrades, submissions);
                panel.onUploaded(writtenPanel::redraw);
                add(writtenPanel);
            }
        }
        if (modelAssignment) {
            models.task(itemId).ifPresent(t -> add(new Paragraph("Your model takes float32 input of shape "
                    + t.spec().inputShapeText() + " (" + t.layout() + "), pixels divided by " + t.divisor() + ", and outputs "
                    + t.classes() + " class scores. Scored by " + t.metric() + ": " + ModelPanels.pct(t.zeroPointsAt()) + " earns 0 points, "
                    + ModelPanels.pct(t.fullPointsAt()) + " or more earns all of them.")));
            redrawLeaderboard();
            add(board);
        }
        if (staff) {
            add(new StaffAssignmentPanel(page, zone, assignments, submissions, autograde, models, courses, grading, pool, this::refresh));
        }
    }

    private void redrawLeaderboard() {
        board.removeAll();
        board.add(ModelPanels.leaderboard(models.leaderboard(itemId)));
    }
}

