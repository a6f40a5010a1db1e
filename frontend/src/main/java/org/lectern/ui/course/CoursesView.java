package org.lectern.ui.course;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.lectern.course.Course;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseService;
import org.lectern.course.CourseSummary;
import org.lectern.identity.CurrentUser;
import org.lectern.ui.Notifications;

/** The start page: the caller's courses, and for instructors and admins a way to create one. */
@Route("")
@PageTitle("My courses · Lectern")
@PermitAll
public class CoursesView extends VerticalLayout {

    private final CourseService courses;
    private final Grid<CourseSummary> grid = new Grid<>();

    public CoursesView(CourseService courses) {
        this.courses = courses;
        H2 title = new H2("My courses");
        add(title);
        boolean mayCreate = CurrentUser.find().map(c -> c.siteRole().mayCreateCourses()).orElse(false);
        if (mayCreate) {
            Button create = new Button("New course", e -> openCreateDialog());
            create.setId("new-course");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        grid.setId("my-courses");
        grid.addColumn(CourseSummary::code).setHeader("Code").setAutoWidth(true).setSortable(true);
        grid.addColumn(CourseSummary::title).setHeader("Title").setAutoWidth(true).setFlexGrow(1).setSortable(true);
        grid.addColumn(CourseSummary::term).setHeader("Term").setAutoWidth(true).setSortable(true);
        grid.addColumn(c -> c.role().label()).setHeader("Your role").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("courses/" + e.getItem().id())));
        var mine = courses.myCourses();
        grid.setItems(mine);
        if (mine.isEmpty()) {
            add(new Paragraph(mayCreate ? "You have no courses yet. Create one with “New course”."
                    : "You are not in any course yet. Your instructor adds you to theirs."));
        }
        add(grid);
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New course");
        TextField code = new TextField("Code");
        code.setId("course-code");
        code.setPlaceholder("CSE 493G1");
        TextField title = new TextField("Title");
        title.setId("course-name");
        title.setPlaceholder("Deep Learning");
        TextField term = new TextField("Term");
        term.setId("course-term");
        term.setPlaceholder("Winter 2025");
        ComboBox<String> zone = new ComboBox<>("Time zone");
        zone.setId("course-zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setValue("America/Los_Angeles");
        zone.setHelperText("Deadlines and lectures are kept in this zone.");
        FormLayout form = new FormLayout(code, title, term, zone);
        dialog.add(form);
        org.lectern.ui.Form checks = new org.lectern.ui.Form().required(code, "A course needs a code.", "code")
                .required(title, "A course needs a title.", "title").required(term, "A course needs a term.", "term")
                .field(zone, "zone");
        Button save = new Button("Create", e -> checks.submit(() -> courses.create(
                new CourseDraft(code.getValue(), title.getValue(), term.getValue(), zone.getValue()))).ifPresent(created -> {
                    dialog.close();
                    Notifications.success("Created " + created.code() + ".");
                    // A full reload so the drawer lists the new course too.
                    getUI().ifPresent(ui -> ui.getPage().setLocation("courses/" + created.id()));
                }));
        save.setId("create-course");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}
