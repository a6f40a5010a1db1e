package org.lectern.ui.livemodel;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.lectern.livemodel.LiveModelExercise;
import org.lectern.livemodel.LiveModelExerciseDraft;
import org.lectern.livemodel.LiveModelService;
import org.lectern.ui.Notifications;

/** Staff put a live model exercise (draw a digit, see what the CNN sees) beside a lecture. */
public class LiveModelDialog extends Dialog {

    public LiveModelDialog(LiveModelService live, long courseId, Long lectureId, String lectureTitle) {
        setHeaderTitle("Add live model exercise" + (lectureTitle == null ? "" : " · " + lectureTitle));
        setWidth("min(95vw, 560px)");
        TextField shortName = new TextField("Short name");
        shortName.setId("live-short-name");
        shortName.setPlaceholder("LIVE-1");
        TextField title = new TextField("Title (empty: the model's own)");
        title.setId("live-title-field");
        FormLayout form = new FormLayout(shortName, title);
        add(new Paragraph("Students draw or upload a digit and see the course's digits CNN answer: class probabilities, an occlusion"
                + " map, the first layer's filters and activation maps. Practice: nothing goes to the gradebook."), form);
        Button save = new Button("Add", e -> {
            new org.lectern.ui.Form().field(shortName, "short name").field(title, "title")
                    .submit(() -> live.create(courseId, new LiveModelExerciseDraft(null, shortName.getValue(), title.getValue(), lectureId)))
                    .ifPresent(made -> {
                        close();
                        getUI().ifPresent(ui -> ui.navigate("courses/" + courseId + "/live-models/" + made.id()));
                    });
        });
        save.setId("live-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
