package org.lectern.ui.announcement;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.util.Locale;
import org.lectern.announcement.Announcement;
import org.lectern.announcement.AnnouncementService;
import org.lectern.ui.Form;
import org.lectern.ui.Notifications;
import org.lectern.ui.MathMarkdown;

/**
 * The announcements on the course page: each stays until the reader dismisses it. Staff also get a form to post one,
 * now or at a set time. Bodies are Markdown through the app's one Markdown path.
 */
public class Announcements extends Div {

    private final AnnouncementService service;
    private final long courseId;
    private final boolean staff;
    private final ZoneId zone;

    public Announcements(AnnouncementService service, long courseId, boolean staff, ZoneId zone) {
        this.service = service;
        this.courseId = courseId;
        this.staff = staff;
        this.zone = zone;
        setId("announcements");
        setWidthFull();
        draw();
    }

    private void draw() {
        removeAll();
        for (Announcement a : service.current(courseId)) {
            Div card = new Div();
            card.addClassName("announcement");
            card.setId("announcement-" + a.id());
            Span meta = new Span(a.author() + " · " + org.lectern.ui.Dates.dateTime(a.publishAt(), zone));
            meta.addClassName("qa-meta");
            Button dismiss = new Button("Dismiss", e -> {
                if (Notifications.attempt(() -> service.dismiss(a.id()))) {
                    draw();
                }
            });
            dismiss.setId("announcement-dismiss-" + a.id());
            dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            card.add(new H3(a.title()), meta, MathMarkdown.of(a.body()), dismiss);
            add(card);
        }
        if (staff) {
            TextField title = new TextField("Title");
            title.setId("announcement-title");
            title.setWidthFull();
            title.setMaxLength(200);
            TextArea body = new TextArea("Message (Markdown)");
            body.setId("announcement-body");
            body.setWidthFull();
            DateTimePicker at = new DateTimePicker("Publish at (empty: now), " + zone.getId());
            at.setId("announcement-at");
            Button post = new Button("Post announcement", e -> {
                var when = at.getValue() == null ? null : at.getValue().atZone(zone).toInstant();
                if (new Form().field(title, "title").field(body, "body").field(at, "publishAt")
                        .run(() -> service.post(courseId, title.getValue(), body.getValue(), when))) {
                    Notifications.success(when == null ? "Announced." : "Scheduled for " + org.lectern.ui.Dates.dateTime(at.getValue().atZone(zone)) + ".");
                    draw();
                }
            });
            post.setId("announcement-post");
            post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Details form = new Details("Post an announcement", new Div(title, body, at, post));
            form.setId("announcement-form");
            add(form);
        }
    }
}
