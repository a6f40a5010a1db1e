package org.lectern.ui.poll;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.List;
import org.lectern.exercise.ExerciseCatalog;
import org.lectern.exercise.ExerciseGenerator;
import org.lectern.poll.Poll;
import org.lectern.poll.PollDraft;
import org.lectern.poll.PollKind;
import org.lectern.poll.PollService;
import org.lectern.ui.Notifications;

/** Staff open a poll for a lecture, then land on its projector page. */
public class PollDialog extends Dialog {

    public PollDialog(PollService polls, long courseId, Long lectureId, String lectureTitle) {
        setHeaderTitle("New poll" + (lectureTitle == null ? "" : " · " + lectureTitle));
        setWidth("min(95vw, 640px)");
        TextArea question = new TextArea("Question");
        question.setId("poll-new-question");
        Select<PollKind> kind = new Select<>();
        kind.setLabel("Answer");
        kind.setItems(PollKind.CHOICE, PollKind.NUMBER, PollKind.EXERCISE);
        kind.setItemLabelGenerator(k -> switch (k) {
            case CHOICE -> "Multiple choice";
            case NUMBER -> "A number";
            case EXERCISE -> "An exercise, one instance for the room";
        });
        kind.setValue(PollKind.CHOICE);
        kind.setId("poll-new-kind");
        TextArea options = new TextArea("Options, one per line");
        options.setId("poll-new-options");
        TextField correct = new TextField("Correct answer (option number from 1, or the value; empty for an opinion poll)");
        correct.setId("poll-new-correct");
        IntegerField think = new IntegerField("Think (seconds)");
        think.setValue(90);
        think.setId("poll-new-think");
        IntegerField group = new IntegerField("Group (seconds)");
        group.setValue(180);
        group.setId("poll-new-group");
        Select<ExerciseGenerator> generator = new Select<>();
        generator.setLabel("Exercise");
        generator.setItems(ExerciseCatalog.standard().all());
        generator.setItemLabelGenerator(ExerciseGenerator::title);
        generator.setVisible(false);
        kind.addValueChangeListener(e -> {
            options.setVisible(e.getValue() == PollKind.CHOICE);
            correct.setVisible(e.getValue() != PollKind.EXERCISE);
            generator.setVisible(e.getValue() == PollKind.EXERCISE);
        });
        FormLayout form = new FormLayout(question, kind, generator, options, correct, think, group);
        form.setColspan(generator, 2);
        form.setColspan(question, 2);
        form.setColspan(options, 2);
        form.setColspan(correct, 2);
        add(form);
        Button open = new Button("Create poll", e -> {
            List<String> lines = Arrays.stream(options.getValue().split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
            String right = correct.getValue().strip();
            if (kind.getValue() == PollKind.CHOICE && right.matches("\\d+")) {
                right = Integer.toString(Integer.parseInt(right) - 1); // staff count options from 1
            }
            String answer = right;
            new org.lectern.ui.Form().field(question, "question").field(options, "option").field(correct, "correct")
                    .field(think, "think").field(group, "group")
                    .submit(() -> polls.create(courseId, new PollDraft(lectureId, question.getValue(), kind.getValue(),
                            lines, answer, generator.getValue() == null ? null : generator.getValue().key(), think.getValue(), group.getValue())))
                    .ifPresent(made -> {
                        close();
                        getUI().ifPresent(ui -> ui.navigate("courses/" + courseId + "/polls/" + made.id()));
                    });
        });
        open.setId("poll-create");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), open);
    }
}
