package org.lectern.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.lectern.course.CourseService;
import org.lectern.identity.CurrentUser;
import org.lectern.ui.course.CoursesView;
import org.lectern.ui.identity.AccountView;
import org.lectern.ui.identity.AdminView;
import org.lectern.ui.poll.PollJoinView;

/** The frame around every signed-in page: the course list in the drawer, the person and sign-out on top. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(CourseService courses, AuthenticationContext auth) {
        H1 title = new H1("Lectern");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

        var who = CurrentUser.find();
        Span person = new Span(who.map(c -> c.displayName() + " · " + c.email()).orElse(""));
        person.setId("signed-in-as");
        person.addClassName("lectern-muted");
        Button signOut = new Button("Sign out", e -> auth.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, person, signOut);
        bar.setWidthFull();
        bar.addClassName("lectern-topbar");
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(person);
        // on a phone the name gives way (ellipsis), never the sign-out button
        person.getStyle().set("text-align", "right").set("min-width", "0").set("overflow", "hidden")
                .set("text-overflow", "ellipsis").set("white-space", "nowrap");
        person.getElement().setAttribute("title", person.getText());
        signOut.getStyle().set("flex-shrink", "0");
        bar.getStyle().set("min-width", "0").set("box-sizing", "border-box");
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("My courses", CoursesView.class, VaadinIcon.ACADEMY_CAP.create()));
        nav.addItem(new SideNavItem("Your account", AccountView.class, VaadinIcon.USER.create()));
        SideNavItem joinPoll = new SideNavItem("Join a poll", PollJoinView.class, VaadinIcon.CHART.create());
        joinPoll.setId("nav-join-poll");
        nav.addItem(joinPoll);
        if (who.map(c -> c.isAdmin()).orElse(false)) {
            nav.addItem(new SideNavItem("Site admin", AdminView.class, VaadinIcon.COG.create()));
        }
        if (who.isPresent()) {
            for (var c : courses.myCourses()) {
                // Highlighted on every page of the course; the full name on hover, as a long one wraps (styles.css).
                SideNavItem item = new SideNavItem("", "courses/" + c.id(), VaadinIcon.BOOK.create());
                Span label = new Span(c.code() + " · " + c.term()); // an element of its own, so it can wrap
                label.addClassName("course-nav-label");
                item.getElement().appendChild(label.getElement());
                item.setMatchNested(true);
                item.getElement().setAttribute("title", c.code() + " · " + c.title() + " · " + c.term());
                item.addClassName("course-nav-item");
                nav.addItem(item);
            }
        }
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }
}
