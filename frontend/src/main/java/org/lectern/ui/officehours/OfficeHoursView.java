package org.lectern.ui.officehours;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import org.lectern.course.CourseService;
import org.lectern.officehours.OfficeHoursBroadcaster;
import org.lectern.officehours.OfficeHoursFigures;
import org.lectern.officehours.OfficeHoursService;
import org.lectern.officehours.OfficeHoursSession;
import org.lectern.officehours.QueueEntry;
import org.lectern.officehours.QueueView;
import org.lectern.ui.LiveUpdates;
import org.lectern.ui.Form;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;

/**
 * The office-hours queue: staff open a session and take students in order; students join with a topic, see their
 * place and the estimated wait. Each session's card redraws by push when its queue changes. Laid out as cards that
 * fit a phone.
 */
@Route("courses/:courseId([0-9]+)/office-hours")
@PageTitle("Office hours · Lectern")
@PermitAll
public class OfficeHoursView extends CoursePage {

    private final CourseService courses;
    private final OfficeHoursService hours;
    private final OfficeHoursBroadcaster broadcaster;
    private final Clock clock;

    public OfficeHoursView(CourseService courses, OfficeHoursService hours, OfficeHoursBroadcaster broadcaster, Clock clock) {
        this.courses = courses;
        this.hours = hours;
        this.broadcaster = broadcaster;
        this.clock = clock;
        addClassName("oh-page");
    }

    @Override
    protected void render() {
        var grant = courses.open(courseId);
        ZoneId zone = grant.course().timeZone();
        add(new CourseHeader(grant, CourseHeader.Tab.OFFICE_HOURS));
        if (grant.isStaff()) {
            TextField where = new TextField("Room or online link");
            where.setId("oh-location");
            IntegerField minutes = new IntegerField("Minutes");
            minutes.setId("oh-minutes");
            minutes.setValue(120);
            minutes.setMin(10);
            minutes.setMax(720);
            Button open = new Button("Open office hours", e -> {
                int m = minutes.getValue() == null ? 120 : minutes.getValue();
                if (new Form().field(where, "location").field(minutes, "endsAt")
                        .run(() -> hours.open(courseId, where.getValue(), clock.instant().plus(Duration.ofMinutes(m))))) {
                    refresh();
                }
            });
            open.setId("oh-open");
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout form = new HorizontalLayout(where, minutes, open);
            form.setAlignItems(FlexComponent.Alignment.BASELINE);
            form.getStyle().set("flex-wrap", "wrap");
            add(form);
        }
        var sessions = hours.sessions(courseId).stream().filter(s -> s.isOpen(clock.instant())).toList();
        if (sessions.isEmpty()) {
            Paragraph none = new Paragraph("No office hours are open right now.");
            none.setId("oh-none");
            add(none);
        }
        for (OfficeHoursSession s : sessions) {
            SessionCard card = new SessionCard(s.id(), grant.isStaff(), zone);
            add(card);
            card.redraw();
            LiveUpdates.follow(card, r -> broadcaster.subscribe(s.id(), r), card::redraw, "The office-hours queue changed.");
        }
        if (grant.isStaff()) {
            add(figures(hours.figures(courseId)));
        }
    }

    private Div figures(OfficeHoursFigures f) {
        Div d = new Div();
        d.setId("oh-figures");
        d.add(new H3("Figures"));
        d.add(new Paragraph(f.sessions() + " sessions · " + f.helped() + " helped · " + f.absent() + " absent · median wait "
                + minutes(f.medianWaitSeconds()) + " · median time with a student " + minutes(f.medianServiceSeconds())));
        f.perTa().forEach(t -> d.add(new Paragraph(t.ta() + ": " + t.helped() + " helped")));
        if (!f.history().isEmpty()) {
            d.add(new H3("Recent"));
            f.history().stream().limit(30).forEach(e -> {
                Div line = new Div(new Span(e.student() + " · " + e.status().name().toLowerCase(Locale.ROOT)
                        + (e.takenBy() == null ? "" : " · " + e.takenBy()) + " · " + e.topic()));
                line.addClassName("oh-line");
                d.add(line);
            });
        }
        return d;
    }

    static String minutes(Long seconds) {
        return seconds == null ? "–" : Math.round(seconds / 60.0) + " min";
    }

    /** One session: its queue for staff, or the caller's place and the join form for a student. */
    private final class SessionCard extends Div {
        private final long sessionId;
        private final boolean staff;
        private final ZoneId zone;

        SessionCard(long sessionId, boolean staff, ZoneId zone) {
            this.sessionId = sessionId;
            this.staff = staff;
            this.zone = zone;
            addClassName("oh-session");
            setId("oh-session-" + sessionId);
        }

        void redraw() {
            removeAll();
            QueueView q = hours.queue(sessionId);
            var s = q.session();
            H3 title = new H3(s.openedBy() + " · until " + org.lectern.ui.Dates.time(s.endsAt(), zone));
            add(title);
            add(s.location().startsWith("https://") || s.location().startsWith("http://")
                    ? new Anchor(s.location(), s.location(), AnchorTarget.BLANK) : new Span(s.location()));
            Span count = new Span(q.waiting().size() + " waiting");
            count.setId("oh-waiting-count");
            count.addClassName("lectern-muted");
            add(new Div(count));
            if (!q.open()) {
                add(new Paragraph("These office hours have ended."));
                return;
            }
            if (staff) {
                staffQueue(q);
            } else {
                studentPlace(q);
            }
        }

        private void staffQueue(QueueView q) {
            for (QueueEntry e : q.serving()) {
                Div line = line(e, "With " + e.takenBy());
                Button helped = new Button("Helped", x -> act(() -> hours.finish(e.id(), true)));
                helped.setId("oh-helped-" + e.id());
                helped.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
                Button absent = new Button("Absent", x -> act(() -> hours.finish(e.id(), false)));
                absent.setId("oh-absent-" + e.id());
                line.add(new HorizontalLayout(helped, absent));
                add(line);
            }
            Button next = new Button("Take next", x -> act(() -> hours.takeNext(sessionId)));
            next.setId("oh-take-next");
            next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            next.setEnabled(!q.waiting().isEmpty());
            Button close = new Button("Close the queue", x -> org.lectern.ui.Confirm.ask("Close the queue?",
                    "Everyone still waiting is taken off the queue, and nobody can join this session again.", "Close the queue",
                    () -> act(() -> hours.close(sessionId))));
            close.setId("oh-close");
            close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(new HorizontalLayout(next, close));
            for (QueueEntry e : q.waiting()) {
                add(line(e, "#" + e.position() + " · waiting " + minutesSince(e)));
            }
        }

        private void studentPlace(QueueView q) {
            QueueEntry mine = q.mine();
            if (mine != null && mine.status() == QueueEntry.Status.WAITING) {
                Paragraph place = new Paragraph("You are #" + mine.position() + " in line · about " + minutes(mine.waitSeconds()));
                place.setId("oh-position");
                place.addClassName("oh-position");
                Button leave = new Button("Leave the queue", x -> act(() -> hours.leave(sessionId)));
                leave.setId("oh-leave");
                add(place, new Paragraph("Your question: " + mine.topic()), leave);
            } else if (mine != null && mine.status() == QueueEntry.Status.SERVING) {
                Paragraph turn = new Paragraph("It's your turn: " + mine.takenBy() + " is on the way.");
                turn.setId("oh-your-turn");
                turn.addClassName("oh-position");
                add(turn);
            } else if (mine != null) {
                Paragraph done = new Paragraph(mine.status() == QueueEntry.Status.HELPED ? "You were helped in this session."
                        : "Your place in this session has ended.");
                done.setId("oh-done");
                add(done);
            } else {
                TextField topic = new TextField("What do you need help with?");
                topic.setId("oh-topic");
                topic.setWidthFull();
                topic.setMaxLength(500);
                Checkbox privateTopic = new Checkbox("Only staff see my question");
                privateTopic.setId("oh-private");
                Button join = new Button("Join the queue", x -> act(() -> hours.join(sessionId, topic.getValue(), privateTopic.getValue())));
                join.setId("oh-join");
                join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                join.setWidthFull();
                add(topic, privateTopic, join);
            }
            for (QueueEntry e : q.waiting()) {
                if (!e.mine()) {
                    add(line(e, "#" + e.position()));
                }
            }
        }

        private Div line(QueueEntry e, String state) {
            Div line = new Div();
            line.addClassName("oh-line");
            line.setId("oh-entry-" + e.id());
            String who = e.student() == null ? "A classmate" : e.student();
            String topic = e.topic() == null ? "(private question)" : e.topic();
            line.add(new Div(new Span(who + " · " + state)), new Div(new Span(topic)));
            return line;
        }

        private String minutesSince(QueueEntry e) {
            return minutes(Duration.between(e.joinedAt(), clock.instant()).toSeconds());
        }

        private void act(Runnable action) {
            if (Notifications.attempt(action)) {
                redraw();
            }
        }
    }
}
