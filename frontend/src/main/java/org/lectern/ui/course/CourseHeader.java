package org.lectern.ui.course;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import org.lectern.course.CourseAccess;
import org.lectern.ui.schedule.ScheduleView;

/** The course's title and the tabs the caller's role allows. */
public class CourseHeader extends Composite<VerticalLayout> {

    public enum Tab { SCHEDULE, ASSIGNMENTS, QUIZZES, GRADES, PLAYGROUND, QA, OFFICE_HOURS, SURVEYS, ROSTER, SETTINGS, DASHBOARD }

    public CourseHeader(CourseAccess.Grant grant, Tab current) {
        var course = grant.course();
        H2 title = new H2(course.code() + " · " + course.title());
        title.setId("course-title");
        title.getStyle().set("margin", "0");
        Span meta = new Span(course.term() + " · times in " + course.timeZone().getId() + " · you are " + grant.role().label());
        meta.addClassName("lectern-muted");

        RouteParameters params = new RouteParameters("courseId", Long.toString(course.id()));
        HorizontalLayout tabs = new HorizontalLayout();
        tabs.getStyle().set("flex-wrap", "wrap"); // many tabs: they wrap on a phone instead of overflowing
        tabs.add(link("Schedule", ScheduleView.class, params, "tab-schedule", current == Tab.SCHEDULE));
        tabs.add(link("Assignments", org.lectern.ui.assignment.AssignmentsView.class, params, "tab-assignments", current == Tab.ASSIGNMENTS));
        tabs.add(link("Quizzes", org.lectern.ui.quiz.QuizzesView.class, params, "tab-quizzes", current == Tab.QUIZZES));
        tabs.add(link("Grades", org.lectern.ui.gradebook.GradebookView.class, params, "tab-grades", current == Tab.GRADES));
        tabs.add(link("Playground", org.lectern.ui.training.TrainingView.class, params, "tab-playground", current == Tab.PLAYGROUND));
        tabs.add(link("Q&A" + org.lectern.ui.qa.QaView.unreadBadge(course.id()), org.lectern.ui.qa.QaView.class, params, "tab-qa",
                current == Tab.QA));
        tabs.add(link("Office hours", org.lectern.ui.officehours.OfficeHoursView.class, params, "tab-office-hours", current == Tab.OFFICE_HOURS));
        tabs.add(link("Surveys", org.lectern.ui.survey.SurveysView.class, params, "tab-surveys", current == Tab.SURVEYS));
        if (grant.isStaff()) {
            tabs.add(link("Dashboard", org.lectern.ui.dashboard.TaDashboardView.class, params, "tab-dashboard", current == Tab.DASHBOARD));
            tabs.add(link("Roster", RosterView.class, params, "tab-roster", current == Tab.ROSTER));
        }
        if (grant.isInstructor()) {
            tabs.add(link("Settings", CourseSettingsView.class, params, "tab-settings", current == Tab.SETTINGS));
        }
        VerticalLayout root = getContent();
        root.setPadding(false);
        root.setSpacing(false);
        root.add(title, meta, tabs);
    }

    private static RouterLink link(String text, Class<? extends com.vaadin.flow.component.Component> view,
                                   RouteParameters params, String id, boolean active) {
        RouterLink link = new RouterLink(text, view, params);
        link.setId(id);
        link.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-bottom", active ? "2px solid var(--lumo-primary-color)" : "2px solid transparent")
                .set("font-weight", active ? "600" : "400");
        return link;
    }
}
