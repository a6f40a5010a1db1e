package org.lectern.ui.course;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseService;
import org.lectern.gradebook.GradingPolicyService;
import org.lectern.course.Section;
import org.lectern.platform.ForbiddenException;
import org.lectern.ui.Notifications;

/** Instructors: the course's details and its sections. */
@Route("courses/:courseId([0-9]+)/settings")
@PageTitle("Course settings · Lectern")
@PermitAll
public class CourseSettingsView extends CoursePage {

    private final CourseService courses;
    private final GradingPolicyService policies;
    private final org.lectern.schedule.ScheduleService schedule;

    public CourseSettingsView(CourseService courses, GradingPolicyService policies, org.lectern.schedule.ScheduleService schedule) {
        this.courses = courses;
        this.policies = policies;
        this.schedule = schedule;
    }

    @Override
    protected void render() {
        var grant = courses.open(courseId);
        if (!grant.isInstructor()) {
            throw new ForbiddenException("Only the course's instructors can change its settings.");
        }
        var course = grant.course();
        add(new CourseHeader(grant, CourseHeader.Tab.SETTINGS));

        TextField code = new TextField("Code", course.code(), "");
        TextField title = new TextField("Title", course.title(), "");
        TextField term = new TextField("Term", course.term(), "");
        ComboBox<String> zone = new ComboBox<>("Time zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setValue(course.timeZone().getId());
        zone.setHelperText("Changing it keeps lectures at the same instants; their wall-clock times shift.");
        Button save = new Button("Save details", e -> {
            if (new org.lectern.ui.Form().required(code, "A course needs a code.", "code")
                    .required(title, "A course needs a title.", "title").required(term, "A course needs a term.", "term")
                    .field(zone, "zone").run(() -> courses.update(courseId,
                    new CourseDraft(code.getValue(), title.getValue(), term.getValue(), zone.getValue())))) {
                Notifications.success("Saved.");
                refresh();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3("Details"), new FormLayout(code, title, term, zone), save);

        add(new H3("Sections"));
        Grid<Section> sections = new Grid<>();
        sections.addColumn(Section::name).setHeader("Name").setAutoWidth(true);
        sections.addColumn(s -> s.kind().label()).setHeader("Kind");
        sections.addColumn(Section::meets).setHeader("Meets");
        sections.addColumn(s -> s.location() == null ? "" : s.location()).setHeader("Location");
        sections.addComponentColumn(s -> {
            Button remove = new Button("Remove", e -> org.lectern.ui.Confirm.ask("Remove section " + s.name() + "?", "Students lose this section from their schedule.", "Remove", () -> {
                if (Notifications.attempt(() -> courses.removeSection(courseId, s.id()))) {
                    refresh();
                }
            }));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setFlexGrow(0).setAutoWidth(true);
        sections.setItems(courses.sections(courseId));
        sections.setAllRowsVisible(true);
        add(sections);

        TextField name = new TextField("Name");
        name.setWidth("6em");
        Select<Section.Kind> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setId("section-kind");
        kind.setItems(Section.Kind.values());
        kind.setItemLabelGenerator(Section.Kind::label);
        kind.setValue(Section.Kind.RECITATION);
        Select<DayOfWeek> day = new Select<>();
        day.setLabel("Day");
        day.setItems(DayOfWeek.values());
        day.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        TimePicker start = new TimePicker("Starts");
        TimePicker end = new TimePicker("Ends");
        TextField location = new TextField("Location");
        Button add = new Button("Add section", e -> {
            if (new org.lectern.ui.Form().required(name, "A section needs a name.", "name").field(end, "end").field(start, "start")
                    .field(location, "location").run(() -> courses.addSection(courseId, name.getValue(), kind.getValue(), day.getValue(),
                    start.getValue(), end.getValue(), location.getValue()))) {
                refresh();
            }
        });
        HorizontalLayout form = new HorizontalLayout(name, kind, day, start, end, location, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        add(form);
        add(new GradingPolicyForm(courseId, policies, schedule.items(courseId), this::refresh));
    }
}
