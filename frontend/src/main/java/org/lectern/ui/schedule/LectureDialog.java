package org.lectern.ui.schedule;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.lectern.schedule.Lecture;
import org.lectern.schedule.LectureDraft;
import org.lectern.schedule.ScheduleService;
import org.lectern.ui.Form;
import org.lectern.ui.Notifications;

/** Adds or edits one lecture; date and times are the course's wall-clock times. */
class LectureDialog extends Dialog {

    record Suggestion(int number, LocalDate date, LocalTime start, LocalTime end, String location) {
    }

    LectureDialog(ScheduleService schedule, long courseId, Lecture existing, Suggestion suggestion, Runnable onSaved) {
        setHeaderTitle(existing == null ? "Add lecture" : "Edit lecture " + existing.number());
        setWidth("min(95vw, 640px)");
        IntegerField number = new IntegerField("Number");
        number.setId("lecture-number");
        number.setMin(1);
        DatePicker date = new DatePicker("Date");
        date.setId("lecture-date");
        TimePicker start = new TimePicker("Starts");
        start.setId("lecture-start");
        TimePicker end = new TimePicker("Ends");
        end.setId("lecture-end");
        TextField title = new TextField("Title");
        title.setId("lecture-title");
        TextArea topics = new TextArea("Topics");
        topics.setId("lecture-topics");
        TextField slides = new TextField("Slides link");
        slides.setId("lecture-slides");
        slides.setPlaceholder("https://…");
        TextField location = new TextField("Location");
        location.setId("lecture-location");
        if (existing != null) {
            var zone = schedule.schedule(courseId).grant().course().timeZone();
            ZonedDateTime s = existing.startsAt().atZone(zone);
            number.setValue(existing.number());
            date.setValue(s.toLocalDate());
            start.setValue(s.toLocalTime());
            end.setValue(existing.endsAt().atZone(zone).toLocalTime());
            title.setValue(existing.title());
            topics.setValue(existing.topics());
            slides.setValue(existing.slidesUrl() == null ? "" : existing.slidesUrl());
            location.setValue(existing.location() == null ? "" : existing.location());
        } else if (suggestion != null) {
            number.setValue(suggestion.number());
            date.setValue(suggestion.date());
            start.setValue(suggestion.start());
            end.setValue(suggestion.end());
            location.setValue(suggestion.location() == null ? "" : suggestion.location());
        }
        FormLayout form = new FormLayout(number, date, start, end, title, location, topics, slides);
        form.setColspan(title, 2);
        form.setColspan(topics, 2);
        form.setColspan(slides, 2);
        add(form);
        // problems show on the field they are about; the dialog stays open with what was typed
        Form checks = new Form()
                .field(number, "number", "numbered")
                .required(title, "A lecture needs a title.", "title")
                .required(date, "A lecture needs a date.", "date")
                .required(start, "A lecture needs a start time.", "start")
                .field(end, "end", "end time")
                .field(slides, "slidesUrl", "slides");
        Button save = new Button("Save lecture", e -> {
            LectureDraft draft = new LectureDraft(number.getValue(), date.getValue(), start.getValue(), end.getValue(),
                    title.getValue(), topics.getValue(), slides.getValue(), location.getValue());
            boolean ok = checks.run(() -> {
                if (existing == null) {
                    schedule.addLecture(courseId, draft);
                } else {
                    schedule.updateLecture(courseId, existing.id(), draft);
                }
            });
            if (ok) {
                close();
                Notifications.success("Lecture saved.");
                onSaved.run();
            }
        });
        save.setId("save-lecture");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
