package org.lectern.ui.course;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.VaadinService;
import org.lectern.course.CourseAccess;
import org.lectern.qa.QaService;

/** The course's title and the tabs the caller's role allows. */
public class CourseHeader extends Composite<VerticalLayout> {

    public enum Tab { SCHEDULE, ASSIGNMENTS, QUIZZES, GRADES, PLAYGROUND, QA, OFFICE_HOURS, SURVEYS, TEAMS, PAPERS, ROSTER, SETTINGS, DASHBOARD }

    public CourseHeader(CourseAccess.Grant grant, Tab current) {
        var course = grant.course();
        H2 title = new H2(course.code() + " · " + course.title());
        title.setId("course-title");
        title.getStyle().set("margin", "0");
        Span meta = new Span(course.term() + " · times in " + course.timeZone().getId() + " · you are " + grant.role().label());
        meta.addClassName("lectern-muted");

        // Tabs link by route, not by view class: every course view shows this header, so naming their classes here
        // would tie the views into one cycle.
        String base = "courses/" + course.id() + "/";
        HorizontalLayout tabs = new HorizontalLayout();
        tabs.getStyle().set("flex-wrap", "wrap"); // many tabs: they wrap on a desktop; on a phone they scroll (styles.css)
        tabs.addClassName("lectern-course-tabs");
        tabs.setWidthFull();
        tabs.add(link("Schedule", base + "schedule", "tab-schedule", current == Tab.SCHEDULE));
        tabs.add(link("Assignments", base + "assignments", "tab-assignments", current == Tab.ASSIGNMENTS));
        tabs.add(link("Quizzes", base + "quizzes", "tab-quizzes", current == Tab.QUIZZES));
        tabs.add(link("Grades", base + "grades", "tab-grades", current == Tab.GRADES));
        tabs.add(link("Playground", base + "training", "tab-playground", current == Tab.PLAYGROUND));
        tabs.add(link("Q&A" + unreadBadge(course.id()), base + "qa", "tab-qa", current == Tab.QA));
        tabs.add(link("Office hours", base + "office-hours", "tab-office-hours", current == Tab.OFFICE_HOURS));
        tabs.add(link("Surveys", base + "surveys", "tab-surveys", current == Tab.SURVEYS));
        tabs.add(link("Teams", base + "teams", "tab-teams", current == Tab.TEAMS));
        tabs.add(link("Papers", base + "papers", "tab-papers", current == Tab.PAPERS));
        if (grant.isStaff()) {
            tabs.add(link("Dashboard", base + "dashboard", "tab-dashboard", current == Tab.DASHBOARD));
            tabs.add(link("Roster", base + "roster", "tab-roster", current == Tab.ROSTER));
        }
        if (grant.isInstructor()) {
            tabs.add(link("Settings", base + "settings", "tab-settings", current == Tab.SETTINGS));
        }
        VerticalLayout root = getContent();
        root.setPadding(false);
        root.setSpacing(false);
        root.add(title, meta, tabs);
    }

    /** A tab: an in-app link (the router navigates without a page load, as a RouterLink does). */
    private static Anchor link(String text, String route, String id, boolean active) {
        Anchor link = new Anchor(route, text);
        link.getElement().setAttribute("router-link", true);
        link.setId(id);
        link.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-bottom", active ? "2px solid var(--lumo-primary-color)" : "2px solid transparent")
                .set("font-weight", active ? "600" : "400");
        return link;
    }

    /**
     * " (3)" when followed posts have news since the caller last opened them, for the Q&A tab on every course page;
     * empty otherwise, or when it cannot be told (the tab must never break a page).
     */
    private static String unreadBadge(long courseId) {
        try {
            VaadinService service = VaadinService.getCurrent();
            if (service == null) {
                return "";
            }
            int n = service.getInstantiator().getOrCreate(QaService.class).unread(courseId);
            return n == 0 ? "" : " (" + n + ")";
        } catch (RuntimeException e) {
            return "";
        }
    }
}
