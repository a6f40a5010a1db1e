package org.lectern.ui.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseService;
import org.lectern.dashboard.DashboardBroadcaster;
import org.lectern.dashboard.TaDashboardService;
import org.lectern.officehours.OfficeHoursBroadcaster;
import org.lectern.officehours.OfficeHoursService;
import org.lectern.plagiarism.PlagiarismBroadcaster;
import org.lectern.written.WrittenQuestion;
import org.lectern.written.WrittenService;
import org.lectern.ui.LiveUpdates;
import org.lectern.ui.assignment.AssignmentsView;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;
import org.lectern.ui.extensionrequest.ExtensionRequestsView;
import org.lectern.ui.officehours.OfficeHoursView;
import org.lectern.ui.quiz.QuizGradingView;
import org.lectern.ui.quiz.QuizzesView;
import org.lectern.ui.written.RegradeRequestsView;
import org.lectern.ui.written.WrittenGradingView;

/**
 * The TA's start page: what waits for course staff now, each count with a link to where the work is. The counts come
 * from {@link TaDashboardService} (staff only) and are counted again when the course's waiting work changes
 * ({@link DashboardBroadcaster}; office-hours queues and plagiarism checks push on their own channels, followed too).
 */
@Route("courses/:courseId([0-9]+)/dashboard")
@PageTitle("Dashboard · Lectern")
@PermitAll
public class TaDashboardView extends CoursePage {

    private final CourseService courses;
    private final TaDashboardService dashboard;
    private final AssignmentService assignments;
    private final WrittenService written;
    private final DashboardBroadcaster pushes;
    private final OfficeHoursService officeHours;
    private final OfficeHoursBroadcaster officeHoursPushes;
    private final PlagiarismBroadcaster plagiarismPushes;

    public TaDashboardView(CourseService courses, TaDashboardService dashboard, AssignmentService assignments, WrittenService written,
                           DashboardBroadcaster pushes, OfficeHoursService officeHours, OfficeHoursBroadcaster officeHoursPushes,
                           PlagiarismBroadcaster plagiarismPushes) {
        this.courses = courses;
        this.dashboard = dashboard;
        this.assignments = assignments;
        this.written = written;
        this.pushes = pushes;
        this.officeHours = officeHours;
        this.officeHoursPushes = officeHoursPushes;
        this.plagiarismPushes = plagiarismPushes;
        addClassName("ta-dashboard");
    }

    @Override
    protected void render() {
        var grant = courses.open(courseId);
        add(new CourseHeader(grant, CourseHeader.Tab.DASHBOARD));
        Div counts = new Div();
        counts.setId("waiting");
        counts.setWidthFull();
        drawCounts(counts); // staff only: a student ends on the error view
        add(new H3("Waiting for course staff"), counts);
        List<Assignment> all = assignments.list(courseId);
        long course = courseId;
        LiveUpdates.follow(counts, redraw -> pushes.course(course, redraw), () -> drawCounts(counts), "The dashboard's counts were updated.");
        var now = java.time.Instant.now();
        officeHours.sessions(courseId).stream().filter(s -> s.isOpen(now))
                .forEach(s -> LiveUpdates.follow(counts, redraw -> officeHoursPushes.subscribe(s.id(), redraw), () -> drawCounts(counts),
                        "The dashboard's counts were updated."));
        all.forEach(a -> LiveUpdates.follow(counts, redraw -> plagiarismPushes.assignment(a.id(), redraw), () -> drawCounts(counts),
                "The dashboard's counts were updated."));
        add(writtenQuestions(all));
    }

    private void drawCounts(Div counts) {
        counts.removeAll();
        RouteParameters params = new RouteParameters("courseId", Long.toString(courseId));
        for (TaDashboardService.Waiting w : dashboard.waiting(courseId)) {
            Div card = new Div();
            card.addClassName("lectern-card");
            card.setId("waiting-" + w.key());
            card.setWidthFull();
            Span count = new Span(Integer.toString(w.count()));
            count.setId("count-" + w.key());
            count.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600").set("margin-right", "var(--lumo-space-m)");
            card.add(count, link(w, params));
            counts.add(card);
        }
    }

    private Component link(TaDashboardService.Waiting w, RouteParameters params) {
        RouterLink link = switch (w.key()) {
            case "quiz-short-answers" -> new RouterLink(w.label(), QuizGradingView.class, params);
            case "regrade-requests" -> new RouterLink(w.label(), RegradeRequestsView.class, params);
            case "extension-requests" -> new RouterLink(w.label(), ExtensionRequestsView.class, params);
            case "must-pass" -> new RouterLink(w.label(), QuizzesView.class, params);
            case "office-hours" -> new RouterLink(w.label(), OfficeHoursView.class, params);
            case "written" -> null;
            default -> new RouterLink(w.label(), AssignmentsView.class, params);
        };
        if (link == null) {
            return new Span(w.label() + " (by question below)");
        }
        link.setId("link-" + w.key());
        return link;
    }

    /** Each written question of the course, linking to its grading page. */
    private Div writtenQuestions(List<Assignment> all) {
        Div d = new Div();
        d.setId("written-questions");
        d.setWidthFull();
        d.add(new H3("Written questions"));
        boolean any = false;
        for (Assignment a : all) {
            for (WrittenQuestion q : written.questions(a.id())) {
                any = true;
                RouterLink link = new RouterLink(a.shortName() + " · Q" + q.number() + " " + q.title() + " (" + q.points().toPlainString() + " points)",
                        WrittenGradingView.class, new RouteParameters(Map.of("courseId", Long.toString(courseId),
                                "assignmentId", Long.toString(a.id()), "questionId", Long.toString(q.id()))));
                link.setId("grade-question-" + q.id());
                Div line = new Div(link);
                line.getStyle().set("overflow-wrap", "anywhere");
                d.add(line);
            }
        }
        if (!any) {
            d.add(new Paragraph("No assignment has written questions yet."));
        }
        return d;
    }
}
