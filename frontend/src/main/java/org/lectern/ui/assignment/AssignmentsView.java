package org.lectern.ui.assignment;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseService;
import org.lectern.ui.Dates;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;

/** A course's assignments; instructors create them here. */
@Route("courses/:courseId([0-9]+)/assignments")
@PageTitle("Assignments · Lectern")
@PermitAll
public class AssignmentsView extends CoursePage {

    private final AssignmentService assignments;
    private final CourseService courses;
    private final org.lectern.schedule.ScheduleService schedule;

    public AssignmentsView(AssignmentService assignments, CourseService courses, org.lectern.schedule.ScheduleService schedule) {
        this.assignments = assignments;
        this.courses = courses;
        this.schedule = schedule;
    }

    /** The element id a schedule chip links to for an item with no page of its own. */
    public static String anchorOf(org.lectern.schedule.CourseItem i) {
        return "item-" + i.id();
    }

    @Override
    protected void render() {
        var grant = courses.open(courseId);
        ZoneId zone = grant.course().timeZone();
        add(new CourseHeader(grant, CourseHeader.Tab.ASSIGNMENTS));
        if (grant.isInstructor()) {
            Button create = new Button("New assignment", e -> createDialog(zone));
            create.setId("new-assignment");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        var list = assignments.list(courseId);
        // What the schedule announces as an assignment or project but has no assignment page yet still belongs here.
        java.util.Set<String> open = new java.util.HashSet<>();
        list.forEach(a -> open.add(a.shortName().toLowerCase(Locale.ROOT)));
        var announced = schedule.items(courseId).stream()
                .filter(i -> i.kind() == org.lectern.schedule.CourseItem.Kind.ASSIGNMENT || i.kind() == org.lectern.schedule.CourseItem.Kind.PROJECT)
                .filter(i -> i.route() == null && (i.shortName() == null || !open.contains(i.shortName().toLowerCase(Locale.ROOT))))
                .toList();
        if (list.isEmpty() && announced.isEmpty()) {
            add(new Paragraph("No assignments yet."));
            return;
        }
        if (!announced.isEmpty()) {
            com.vaadin.flow.component.html.Div box = new com.vaadin.flow.component.html.Div(
                    new com.vaadin.flow.component.html.H3("Announced on the schedule"));
            box.setId("announced-items");
            box.addClassName("lectern-card");
            for (var i : announced) {
                Paragraph p = new Paragraph(i.kind().label() + ": " + (i.shortName() == null ? "" : i.shortName() + " ") + i.title()
                        + (i.releaseAt() == null ? "" : " · out " + Dates.dateTime(i.releaseAt(), zone))
                        + (i.dueAt() == null ? "" : " · due " + Dates.dateTime(i.dueAt(), zone))
                        + " · not open for submissions here yet");
                p.setId(anchorOf(i));
                box.add(p);
            }
            add(box);
        }
        if (list.isEmpty()) {
            return;
        }
        Grid<Assignment> grid = new Grid<>();
        grid.setId("assignments");
        grid.addColumn(Assignment::shortName).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Assignment::title).setHeader("Title").setAutoWidth(true).setFlexGrow(1); // the whole title; the grid scrolls on a phone
        grid.addColumn(a -> org.lectern.ui.Dates.dateTime(a.releaseAt(), zone)).setHeader("Released").setAutoWidth(true);
        grid.addColumn(a -> org.lectern.ui.Dates.dateTime(a.dueAt(), zone)).setHeader("Due").setAutoWidth(true);
        grid.addColumn(a -> ResultsPanel.fmt(a.points())).setHeader("Points").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(list);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("courses/" + courseId + "/assignments/" + e.getItem().id())));
        add(grid);
    }

    private void createDialog(ZoneId zone) {
        Dialog d = new Dialog();
        d.setHeaderTitle("New assignment");
        TextField shortName = new TextField("Short name");
        shortName.setId("assignment-short-name");
        shortName.setPlaceholder("A1");
        TextField title = new TextField("Title");
        title.setId("assignment-title");
        DateTimePicker release = new DateTimePicker("Released");
        release.setId("assignment-release");
        release.setValue(LocalDate.now(zone).atTime(LocalTime.of(9, 0)));
        DateTimePicker due = new DateTimePicker("Due");
        due.setId("assignment-due");
        due.setValue(LocalDate.now(zone).plusWeeks(1).atTime(LocalTime.of(23, 59)));
        BigDecimalField points = new BigDecimalField("Points");
        points.setId("assignment-points");
        points.setValue(BigDecimal.valueOf(100));
        Checkbox team = new Checkbox("Team assignment");
        TextField types = new TextField("File types students may upload", ".py, .ipynb, .zip", "");
        IntegerField maxMb = new IntegerField("Upload limit (MB)");
        maxMb.setValue(5);
        IntegerField cpu = new IntegerField("CPU seconds per run");
        cpu.setValue(60);
        IntegerField wall = new IntegerField("Wall seconds per run");
        wall.setValue(120);
        IntegerField memory = new IntegerField("Memory (MB)");
        memory.setValue(1024);
        TextField packages = new TextField("Python packages the tests need", "numpy", "");
        // a team item may take other team sizes than the course's; empty keeps the course's
        IntegerField teamMin = new IntegerField("Smallest team (empty: the course's)");
        teamMin.setId("assignment-team-min");
        IntegerField teamMax = new IntegerField("Largest team (empty: the course's)");
        teamMax.setId("assignment-team-max");
        teamMin.setVisible(false);
        teamMax.setVisible(false);
        team.addValueChangeListener(e -> {
            teamMin.setVisible(e.getValue());
            teamMax.setVisible(e.getValue());
        });
        FormLayout form = new FormLayout(shortName, title, release, due, points, team, teamMin, teamMax, types, maxMb, cpu, wall, memory,
                packages);
        form.setColspan(title, 2);
        d.add(form, new Paragraph("Times are in " + zone.getId() + ". Upload the autograder and starter files on the assignment's page."));
        org.lectern.ui.Form checks = new org.lectern.ui.Form()
                .required(shortName, "An assignment needs a short name.", "short name").required(title, "An assignment needs a title.", "title")
                .required(release, "Set the release time.", "release").required(due, "Set the due time.", "due", "deadline")
                .field(points, "point").field(types, "file type", "types").field(maxMb, "upload", "limit").field(cpu, "cpu")
                .field(wall, "wall").field(memory, "memory").field(packages, "package").field(teamMin, "teamMinSize")
                .field(teamMax, "teamMaxSize");
        Button save = new Button("Create", e -> checks.submit(() -> assignments.create(courseId, new AssignmentDraft(shortName.getValue(),
                title.getValue(), null, ZonedDateTime.of(release.getValue(), zone).toInstant(),
                ZonedDateTime.of(due.getValue(), zone).toInstant(), points.getValue(), team.getValue(), types.getValue(),
                maxMb.getValue() == null ? null : maxMb.getValue() * 1024L * 1024L, cpu.getValue(), wall.getValue(),
                memory.getValue(), null, packages.getValue(), null, null, team.getValue() ? teamMin.getValue() : null,
                team.getValue() ? teamMax.getValue() : null))).ifPresent(created -> {
                    d.close();
                    getUI().ifPresent(ui -> ui.navigate("courses/" + courseId + "/assignments/" + created.id()));
                }));
        save.setId("create-assignment");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }
}
