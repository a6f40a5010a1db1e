package org.lectern.ui.schedule;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.lectern.announcement.AnnouncementService;
import org.lectern.course.Section;
import org.lectern.exercise.ExerciseService;
import org.lectern.livemodel.LiveModelService;
import org.lectern.poll.PollService;
import org.lectern.schedule.CourseItem;
import org.lectern.schedule.CourseSchedule;
import org.lectern.schedule.ScheduleAssembler;
import org.lectern.schedule.ScheduleService;
import org.lectern.schedule.Week;
import org.lectern.ui.LectureLink;
import org.lectern.ui.Form;
import org.lectern.ui.Notifications;
import org.lectern.ui.announcement.Announcements;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;
import org.lectern.ui.exercise.ExerciseDialog;
import org.lectern.ui.livemodel.LiveModelDialog;
import org.lectern.ui.poll.PollDialog;

/** The course schedule: weeks, lectures and what each lecture links to. Instructors edit it here. */
@Route("courses/:courseId([0-9]+)/schedule")
@RouteAlias("courses/:courseId([0-9]+)")
@PageTitle("Schedule · Lectern")
@PermitAll
public class ScheduleView extends CoursePage {

    private final ScheduleService schedule;
    private final PollService polls;
    private final ExerciseService exercises;
    private final LiveModelService liveModels;
    private final AnnouncementService announcements;

    public ScheduleView(ScheduleService schedule, PollService polls, ExerciseService exercises, LiveModelService liveModels,
                        AnnouncementService announcements) {
        this.liveModels = liveModels;
        this.announcements = announcements;
        this.schedule = schedule;
        this.polls = polls;
        this.exercises = exercises;
    }

    @Override
    protected void render() {
        CourseSchedule s = schedule.schedule(courseId);
        boolean instructor = s.grant().isInstructor();
        ZoneId zone = s.grant().course().timeZone();
        add(new CourseHeader(s.grant(), CourseHeader.Tab.SCHEDULE));
        add(new Announcements(announcements, courseId, s.grant().isStaff(), zone));

        if (instructor) {
            Button addLecture = new Button("Add lecture", e -> new LectureDialog(schedule, courseId, null, suggestion(s), this::refresh).open());
            addLecture.setId("add-lecture");
            addLecture.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button addWeek = new Button("Add or rename week", e -> weekDialog(s));
            addWeek.setId("add-week");
            add(new HorizontalLayout(addLecture, addWeek));
        }
        if (!s.sections().isEmpty()) {
            Div sections = new Div();
            sections.setId("sections");
            for (Section sec : s.sections()) {
                Span chip = new Span(sec.name() + " · " + sec.kind().label().toLowerCase(Locale.ROOT) + (sec.meets().isEmpty() ? "" : " · " + sec.meets())
                        + (sec.location() == null ? "" : " · " + sec.location()));
                chip.addClassName("lectern-chip");
                sections.add(chip);
            }
            add(sections);
        }
        if (s.weeks().isEmpty()) {
            add(new Paragraph(instructor ? "No lectures yet. Add the first with “Add lecture”." : "No lectures have been scheduled yet."));
        }
        for (ScheduleAssembler.WeekBlock w : s.weeks()) {
            String heading = w.number() == 0 ? w.title() : "Week " + w.number() + (w.title().isBlank() ? "" : " · " + w.title());
            H3 h = new H3(heading + (w.startsOn() == null ? "" : "  (" + org.lectern.ui.Dates.date(w.startsOn(), zone) + ")"));
            h.setId("week-" + w.number());
            add(h);
            for (var entry : w.lectures()) {
                add(lectureCard(entry, zone, instructor, s.grant().isStaff()));
            }
        }
        if (!s.unplaced().isEmpty()) {
            add(new H3("Other items"));
            Div d = new Div();
            s.unplaced().forEach(i -> d.add(chip(i, "", zone)));
            add(d);
        }
    }

    private Component lectureCard(ScheduleAssembler.LectureEntry e, ZoneId zone, boolean instructor, boolean staff) {
        var l = e.lecture();
        Div card = new Div();
        card.addClassName("lectern-card");
        card.setId("lecture-" + l.number());
        Span anchor = new Span(); // the target of "Back to the lecture" links from its exercises
        anchor.setId(LectureLink.anchorOf(l.id()));
        card.add(anchor);
        Span when = new Span("Lecture " + l.number() + " · " + org.lectern.ui.Dates.dateTime(e.start().atZone(zone)) + "–" + e.end()
                + (l.location() == null ? "" : " · " + l.location()));
        when.addClassName("lectern-muted");
        Div title = new Div(new Span(l.title()));
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        title.addClassName("lecture-title");
        card.add(when, title);
        if (!l.topics().isBlank()) {
            Div topics = new Div(new Span(l.topics()));
            topics.addClassName("lectern-muted");
            card.add(topics);
        }
        Div links = new Div();
        if (l.slidesUrl() != null) {
            Anchor slides = new Anchor(l.slidesUrl(), "Slides");
            slides.setTarget(AnchorTarget.BLANK);
            slides.getElement().setAttribute("rel", "noopener noreferrer");
            links.add(slides);
        }
        e.linked().forEach(i -> links.add(chip(i, "", zone)));
        e.out().forEach(i -> links.add(chip(i, "out", zone)));
        e.due().forEach(i -> links.add(chip(i, "due", zone)));
        card.add(links);
        HorizontalLayout actions = new HorizontalLayout();
        if (staff) {
            Button poll = new Button("New poll", ev -> new PollDialog(polls, courseId, l.id(), "Lecture " + l.number()).open());
            poll.setId("new-poll-" + l.number());
            poll.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            Button exercise = new Button("Add exercise", ev -> new ExerciseDialog(exercises, courseId, l.id(), "Lecture " + l.number()).open());
            exercise.setId("new-exercise-" + l.number());
            exercise.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            Button liveModel = new Button("Live model", ev -> new LiveModelDialog(liveModels, courseId, l.id(), "Lecture " + l.number()).open());
            liveModel.setId("new-live-model-" + l.number());
            liveModel.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            actions.add(poll, exercise, liveModel);
        }
        if (instructor) {
            Button edit = new Button("Edit", ev -> new LectureDialog(schedule, courseId, l, null, this::refresh).open());
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            Button delete = new Button("Delete", ev -> confirmDelete(l.id(), l.number(), l.title()));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            actions.add(edit, delete);
        }
        if (actions.getComponentCount() > 0) {
            card.add(actions);
        }
        return card;
    }

    private static Component chip(CourseItem i, String relation, ZoneId zone) {
        String label = (i.shortName() == null ? "" : i.shortName() + " ") + i.title();
        String text = switch (relation) {
            case "out" -> "Out: " + label;
            case "due" -> "Due " + org.lectern.ui.Dates.dateTime(i.dueAt(), zone) + ": " + label;
            default -> i.kind().label() + ": " + label;
        };
        // Every chip is a link: to the item's page, or (an item with no page yet, such as an announced assignment) to
        // its entry on the Assignments tab.
        Component chip = new Anchor(i.route() != null ? i.route()
                : "courses/" + i.courseId() + "/assignments#" + org.lectern.ui.assignment.AssignmentsView.anchorOf(i), text);
        ((com.vaadin.flow.component.HasStyle) chip).addClassName("lectern-chip");
        if (!relation.isEmpty()) { // an item linked to the lecture itself has no relation class
            ((HasStyle) chip).addClassName(relation);
        }
        return chip;
    }

    /** Defaults for a new lecture: the next number, the next of the course's lecture weekdays, the last lecture's times. */
    private static LectureDialog.Suggestion suggestion(CourseSchedule s) {
        var all = s.weeks().stream().flatMap(w -> w.lectures().stream()).toList();
        if (all.isEmpty()) {
            return new LectureDialog.Suggestion(1, LocalDate.now(s.grant().course().timeZone()), LocalTime.of(10, 0),
                    LocalTime.of(11, 20), null);
        }
        var last = all.getLast();
        int max = all.stream().mapToInt(e -> e.lecture().number()).max().orElse(0);
        LocalDate next = org.lectern.schedule.NextLectureDay.after(all.stream().map(e -> e.start().toLocalDate()).toList(),
                LocalDate.now(s.grant().course().timeZone()));
        return new LectureDialog.Suggestion(max + 1, next, last.start().toLocalTime(), last.end(), last.lecture().location());
    }

    private void confirmDelete(long lectureId, int number, String title) {
        org.lectern.ui.Confirm.ask("Delete lecture " + number + "?",
                "“" + title + "” leaves the schedule. Items linked to it stay in the course, unlinked.", "Delete", () -> {
                    if (Notifications.attempt(() -> schedule.deleteLecture(courseId, lectureId))) {
                        refresh();
                    }
                });
    }

    private void weekDialog(CourseSchedule s) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Add or rename a week");
        List<Week> weeks = schedule.weeks(courseId);
        IntegerField number = new IntegerField("Week number");
        number.setValue(weeks.isEmpty() ? 1 : weeks.getLast().number() + 1);
        number.setMin(1);
        TextField title = new TextField("Title");
        DatePicker startsOn = new DatePicker("Starts on");
        startsOn.setValue(weeks.isEmpty() ? LocalDate.now(s.grant().course().timeZone()) : weeks.getLast().startsOn().plusWeeks(1));
        d.add(new FormLayout(number, title, startsOn));
        Button save = new Button("Save week", e -> {
            if (new Form().field(number, "number", "numbered").field(startsOn, "startsOn", "start").field(title, "title")
                    .run(() -> schedule.saveWeek(courseId, number.getValue() == null ? 0 : number.getValue(), title.getValue(),
                            startsOn.getValue()))) {
                d.close();
                refresh();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }
}
