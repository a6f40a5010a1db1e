package org.lectern.ui.exercise;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import org.lectern.exercise.Exercise;
import org.lectern.exercise.ExerciseDraft;
import org.lectern.exercise.ExerciseGenerator;
import org.lectern.exercise.ExerciseService;
import org.lectern.ui.Notifications;

/** Staff attach an exercise generator to a lecture, optionally graded in a gradebook category. */
public class ExerciseDialog extends Dialog {

    public ExerciseDialog(ExerciseService exercises, long courseId, Long lectureId, String lectureTitle) {
        setHeaderTitle("Add exercise" + (lectureTitle == null ? "" : " · " + lectureTitle));
        setWidth("min(95vw, 640px)");
        Select<ExerciseGenerator> generator = new Select<>();
        generator.setLabel("Exercise");
        generator.setItems(exercises.catalog());
        generator.setItemLabelGenerator(g -> g.title() + " (" + g.topic() + ")");
        generator.setId("exercise-generator");
        TextField shortName = new TextField("Short name (the gradebook column)");
        shortName.setId("exercise-short-name");
        TextField title = new TextField("Title (empty: the exercise's own)");
        IntegerField attempts = new IntegerField("Attempts");
        attempts.setValue(3);
        attempts.setMin(1);
        BigDecimalField points = new BigDecimalField("Points");
        points.setValue(BigDecimal.ONE);
        TextField category = new TextField("Gradebook category (empty: practice, not graded)");
        FormLayout form = new FormLayout(generator, shortName, title, attempts, points, category);
        form.setColspan(generator, 2);
        form.setColspan(category, 2);
        add(form);
        Button save = new Button("Add exercise", e -> {
            new org.lectern.ui.Form().field(shortName, "short name").field(title, "title").field(attempts, "attempt")
                    .field(points, "point").field(category, "category")
                    .submit(() -> exercises.create(courseId, new ExerciseDraft(
                            generator.getValue() == null ? null : generator.getValue().key(), shortName.getValue(), title.getValue(), lectureId,
                            attempts.getValue(), points.getValue(), category.getValue())))
                    .ifPresent(made -> {
                        close();
                        getUI().ifPresent(ui -> ui.navigate("courses/" + courseId + "/exercises/" + made.id()));
                    });
        });
        save.setId("exercise-create");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
