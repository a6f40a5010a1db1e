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
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseService;
import org.lectern.dashboard.TaDashboardService;
import org.lectern.written.WrittenQuestion;
import org.lectern.written.WrittenService;
import org.lectern.ui.assignment.AssignmentsView;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;
import org.lectern.ui.quiz.QuizGradingView;
import org.lectern.ui.written.WrittenGradingView;

/**
 * The TA's start page: what waits for course staff now, each count with a link to where the work is. The counts come
 * from {@link TaDashboardService} (staff only); the page draws them afresh on every navigation to it, so coming back
 * from grading shows the lower count.
 */
@Route("courses/:courseId([0-9]+)/dashboard")
@PageTitle("Dashboard · Lectern")
@PermitAll
public class TaDashboardView extends CoursePage {

    private final CourseService courses;
    private final TaDashboardService dashboard;
    private final AssignmentService assignments;
    private final WrittenService written;

    public TaDashboardView(CourseService courses, TaDashboardService dashboard, AssignmentService assignments, WrittenService written) {
        this.courses = courses;
        this.dashboard = dashboard;
        this.assignments = assignments;
        this.written = written;
        addClassName("ta-dashboard");
    }

    @Override
    protected void render() {
        var grant = courses.open(courseId);
        add(new CourseHeader(grant, CourseHeader.Tab.DASHBOARD));
        var waiting = dashboard.waiting(courseId); // staff only: a student ends on the error view
        add(new H3("Waiting for course staff"));
        RouteParameters params = new RouteParameters("courseId", Long.toString(courseId));
        for (TaDashboardService.Waiting w : waiting) {
            Div card = new Div();
            card.addClassName("lectern-card");
            card.setId("waiting-" + w.key());
            card.setWidthFull();
            Span count = new Span(Integer.toString(w.count()));
            count.setId("count-" + w.key());
            count.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600").set("margin-right", "var(--lumo-space-m)");
            card.add(count, link(w, params));
            add(card);
        }
        add(writtenQuestions(params));
    }

    private Component link(TaDashboardService.Waiting w, RouteParameters params) {
        RouterLink link = switch (w.key()) {
            case "quiz-short-answers" -> new RouterLink(w.label(), QuizGradingView.class, params);
            case "written" -> null;
            default -> new RouterLink(w.label(), AssignmentsView.class, params);
        };
        if (link == null) {
            Span s = new Span(w.label() + " (by question below)");
            return s;
        }
        link.setId("link-" + w.key());
        return link;
    }

    /** Each written question of the course, linking to its grading page. */
    private Div writtenQuestions(RouteParameters params) {
        Div d = new Div();
        d.setId("written-questions");
        d.setWidthFull();
        d.add(new H3("Written questions"));
        boolean any = false;
        for (Assignment a : assignments.list(courseId)) {
            for (WrittenQuestion q : written.questions(a.id())) {
                any = true;
                RouterLink link = new RouterLink(a.shortName() + " · Q" + q.number() + " " + q.title() + " (" + q.points().toPlainString() + " points)",
                        WrittenGradingView.class, new RouteParameters(java.util.Map.of("courseId", Long.toString(courseId),
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
