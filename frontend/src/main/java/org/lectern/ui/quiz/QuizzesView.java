package org.lectern.ui.quiz;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.lectern.course.CourseService;
import org.lectern.quiz.Quiz;
import org.lectern.quiz.QuizDraft;
import org.lectern.quiz.QuizAttemptService;
import org.lectern.quiz.QuizAuthoringService;
import org.lectern.ui.Form;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A course's quizzes; students see their status and must-pass reminders, instructors create quizzes from JSON. */
@Route("courses/:courseId([0-9]+)/quizzes")
@PageTitle("Quizzes · Lectern")
@PermitAll
public class QuizzesView extends CoursePage {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String TEMPLATE = """
            {
              "shortName": "Quiz2",
              "title": "Quiz 2: losses and optimization",
              "openAt": "2024-01-26T09:30:00-08:00",
              "closeAt": "2024-01-26T13:30:00-08:00",
              "timeLimitMinutes": 20,
              "category": "Quizzes",
              "allowReview": true,
              "mustPassPercent": null,
              "questions": [
                {"kind": "single_choice", "prompt": "The softmax loss of a correct, confident prediction is close to…",
                 "points": 2, "options": ["0", "1", "log(C)"], "correct": [0]},
                {"kind": "multiple_choice", "prompt": "Which optimizers use momentum?", "points": 2,
                 "options": ["SGD+Momentum", "Nesterov", "Adam", "plain SGD"], "correct": [0, 1, 2]},
                {"kind": "numeric", "prompt": "Multiclass SVM loss with margin 1: scores (3, 5, 2), correct class 0?",
                 "points": 3, "answer": 3, "tolerance": 0},
                {"kind": "short_text", "prompt": "Name a regularizer.", "points": 3, "accepted": ["L2", "L1", "dropout"]}
              ],
              "pools": []
            }""";

    private final QuizAttemptService attempts;
    private final QuizAuthoringService authoring;
    private final CourseService courses;

    public QuizzesView(QuizAttemptService attempts, QuizAuthoringService authoring, CourseService courses) {
        this.attempts = attempts;
        this.authoring = authoring;
        this.courses = courses;
    }

    @Override
    protected void render() {
        var grant = courses.open(courseId);
        ZoneId zone = grant.course().timeZone();
        add(new CourseHeader(grant, CourseHeader.Tab.QUIZZES));
        var rows = attempts.list(courseId);
        if (grant.isStaff()) {
            HorizontalLayout actions = new HorizontalLayout();
            if (grant.isInstructor()) {
                Button form = new Button("New quiz", e -> new QuizForm(courseId, zone, authoring,
                        q -> getUI().ifPresent(ui -> ui.navigate("courses/" + courseId + "/quizzes/" + q.id()))).open());
                form.setId("new-quiz-form");
                form.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                Button create = new Button("Import quiz JSON", e -> createDialog()); // kept for scripts and copies
                create.setId("new-quiz");
                actions.add(form, create);
            }
            RouterLink grading = new RouterLink("Grading queue (short answers)", QuizGradingView.class,
                    new RouteParameters("courseId", Long.toString(courseId)));
            grading.setId("quiz-grading-link");
            actions.add(grading);
            actions.setAlignItems(Alignment.CENTER);
            add(actions);
        } else {
            var reminders = rows.stream().filter(QuizAttemptService.Row::reminder).map(r -> r.quiz().title()).toList();
            if (!reminders.isEmpty()) {
                Paragraph reminder = new Paragraph("You must pass: " + String.join(", ", reminders) + ".");
                reminder.setId("quiz-reminder");
                reminder.addClassName("lectern-card");
                add(reminder);
            }
        }
        if (rows.isEmpty()) {
            add(new Paragraph("No quizzes yet."));
            return;
        }
        Grid<QuizAttemptService.Row> grid = new Grid<>();
        grid.setId("quizzes");
        grid.addColumn(r -> r.quiz().shortName()).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.quiz().title() + (r.quiz().mustPass() ? " (must pass)" : "")).setHeader("Title").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(r -> org.lectern.ui.Dates.dateTime(r.quiz().openAt(), zone)).setHeader("Opens").setAutoWidth(true);
        grid.addColumn(r -> org.lectern.ui.Dates.dateTime(r.quiz().closeAt(), zone)).setHeader("Closes").setAutoWidth(true);
        grid.addColumn(r -> r.quiz().timeLimitMinutes() == null ? "window" : r.quiz().timeLimitMinutes() + " min").setHeader("Time")
                .setAutoWidth(true);
        grid.addColumn(r -> QuizView.fmt(r.quiz().points())).setHeader("Points").setAutoWidth(true);
        if (!grant.isStaff()) {
            grid.addColumn(QuizzesView::status).setHeader("You").setAutoWidth(true);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(rows);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("courses/" + courseId + "/quizzes/" + e.getItem().quiz().id())));
        add(grid);
        add(new Span("Times are in " + zone.getId() + "."));
    }

    static String status(QuizAttemptService.Row r) {
        return r.latest().map(a -> switch (a.state()) {
            case OPEN -> "in progress";
            case SUBMITTED, EXPIRED -> QuizView.fmt(a.score()) + " / " + QuizView.fmt(a.possible()) + (a.pending() > 0 ? " (grading)" : "")
                    + (r.quiz().mustPass() ? (r.passed() ? " · passed" : " · not passed") : "");
        }).orElse("not started");
    }

    private void createDialog() {
        Dialog d = new Dialog();
        d.setHeaderTitle("Import a quiz (JSON)");
        d.setWidth("min(60em, 95vw)");
        TextArea json = new TextArea("Quiz");
        json.setId("quiz-json");
        json.setWidthFull();
        json.setMinHeight("28em");
        json.setValue(TEMPLATE);
        json.getStyle().set("font-family", "monospace");
        d.add(new Paragraph("kind: single_choice, multiple_choice, numeric or short_text; correct counts options from 0. "
                + "pools: [{\"draw\": 2, \"questions\": [...]}] gives each student 2 of the pool's questions. "
                + "Times are ISO-8601 with an offset; the same JSON works with POST /api/v1/courses/" + courseId + "/quizzes."), json);
        AtomicReference<Quiz> created = new AtomicReference<>();
        Button save = new Button("Create", e -> {
            QuizDraft draft;
            try {
                draft = JSON.readValue(json.getValue(), QuizDraft.class);
            } catch (JacksonException ex) {
                Notifications.error("That is not valid quiz JSON: " + ex.getOriginalMessage());
                return;
            }
            // A refusal of the JSON is about the text in the box: said under it.
            if (new Form().field(json, "").run(() -> created.set(authoring.create(courseId, draft)))) {
                d.close();
                getUI().ifPresent(ui -> ui.navigate("courses/" + courseId + "/quizzes/" + created.get().id()));
            }
        });
        save.setId("create-quiz");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }
}
