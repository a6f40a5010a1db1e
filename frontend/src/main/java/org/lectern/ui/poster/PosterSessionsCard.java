package org.lectern.ui.poster;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.ZoneId;
import java.util.List;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentService;
import org.lectern.course.CourseAccess;
import org.lectern.poster.PosterDraft;
import org.lectern.poster.PosterService;
import org.lectern.poster.PosterSession;
import org.lectern.ui.Dates;
import org.lectern.ui.Notifications;

/** The course's poster sessions as links, and for instructors a form for a new one (on the Teams tab). */
public class PosterSessionsCard extends Div {

    public PosterSessionsCard(CourseAccess.Grant grant, PosterService posters, AssignmentService assignments, Runnable changed) {
        long courseId = grant.course().id();
        ZoneId zone = grant.course().timeZone();
        addClassName("lectern-card");
        setId("poster-sessions");
        setWidthFull();
        add(new H3("Poster sessions"));
        List<PosterSession> sessions = posters.sessions(courseId);
        if (sessions.isEmpty()) {
            add(new Paragraph("No poster session yet."));
        }
        for (PosterSession s : sessions) {
            Anchor link = new Anchor("poster-sessions/" + s.id(), s.title() + " · " + Dates.dateTime(s.startsAt(), zone) + " · "
                    + s.slots().size() + (s.slots().size() == 1 ? " poster" : " posters"));
            link.setId("poster-session-link-" + s.id());
            add(new Div(link));
        }
        if (grant.isInstructor()) {
            add(createForm(courseId, zone, posters, assignments, changed));
        }
    }

    private static Div createForm(long courseId, ZoneId zone, PosterService posters, AssignmentService assignments, Runnable changed) {
        ComboBox<Assignment> item = new ComboBox<>("Poster item (its written questions are the rubric)");
        item.setItems(assignments.list(courseId));
        item.setItemLabelGenerator(a -> a.shortName() + " · " + a.title());
        item.setId("poster-new-item");
        TextField title = new TextField("Title");
        title.setId("poster-new-title");
        DatePicker day = new DatePicker("Day");
        TimePicker time = new TimePicker("Start (" + zone.getId() + ")");
        IntegerField minutes = new IntegerField("Slot minutes");
        minutes.setValue(15);
        minutes.setWidth("8rem");
        Checkbox peers = new Checkbox("Peers score too");
        IntegerField weight = new IntegerField("Peer weight %");
        weight.setValue(20);
        weight.setWidth("8rem");
        Button create = new Button("Create session", e -> {
            if (item.getValue() == null || day.getValue() == null || time.getValue() == null) {
                Notifications.error("Choose the poster item, the day and the start.");
                return;
            }
            Notifications.call(() -> posters.create(courseId, new PosterDraft(item.getValue().id(), title.getValue(), null,
                    day.getValue().atTime(time.getValue()).atZone(zone).toInstant(), minutes.getValue(), peers.getValue(),
                    peers.getValue() ? weight.getValue() : 0))).ifPresent(s -> changed.run());
        });
        create.setId("poster-new-create");
        FlexLayout row = new FlexLayout(item, title, day, time, minutes, peers, weight, create);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexLayout.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        return new Div(row);
    }
}
