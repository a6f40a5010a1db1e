package org.lectern.ui.errors;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one look of every error page: inside the app's frame, a heading that says what happened, a sentence,
 * and the way back (the course's page when the address was inside a course, and the course list).
 */
final class ErrorPage {
    private static final Pattern COURSE = Pattern.compile("^/?courses/(\\d+)(/.*)?$");

    private ErrorPage() {
    }

    static void fill(VerticalLayout page, String id, String heading, String sentence, String path, boolean courseLink) {
        page.removeAll();
        page.setId(id);
        page.addClassName("lectern-error-page");
        HorizontalLayout links = new HorizontalLayout();
        links.getStyle().set("flex-wrap", "wrap");
        Matcher m = COURSE.matcher(path == null ? "" : path);
        if (courseLink && m.matches() && m.group(2) != null && !m.group(2).isEmpty()) {
            Anchor course = new Anchor("courses/" + m.group(1), "Back to the course page");
            course.setId("error-course-link");
            links.add(course);
        }
        Anchor home = new Anchor("", "Back to my courses");
        home.setId("error-home-link");
        links.add(home);
        page.add(new H2(heading), new Paragraph(sentence), links);
    }
}
