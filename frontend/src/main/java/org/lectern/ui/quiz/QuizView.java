package org.lectern.ui.quiz;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.lectern.quiz.Answer;
import org.lectern.quiz.Attempt;
import org.lectern.quiz.AttemptView;
import org.lectern.quiz.MustPassRow;
import org.lectern.quiz.Question;
import org.lectern.quiz.QuestionKind;
import org.lectern.quiz.Quiz;
import org.lectern.quiz.QuizClock;
import org.lectern.quiz.QuizGrading;
import org.lectern.quiz.QuizPool;
import org.lectern.quiz.MustPassService;
import org.lectern.quiz.QuizAttemptService;
import org.lectern.quiz.SavedAnswer;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CourseItemPage;
import org.lectern.ui.MathMarkdown;

/**
 * One quiz. A student starts it (or resumes: the server keeps the attempt and its deadline), answers
 * question by question, each answer saved at once, with a countdown to the server's deadline; then
 * sees the score, and the review once the window closes if the instructor allows it. Staff see the
 * questions with their keys and, for a must-pass quiz, who has not passed.
 */
@Route("courses/:courseId([0-9]+)/quizzes/:quizId([0-9]+)")
@PageTitle("Quiz · Lectern")
@PermitAll
public class QuizView extends CourseItemPage {

    /** Questions of the attempt on the page with a saved answer, for the question before submitting. */
    private final java.util.Set<Integer> answered = new java.util.HashSet<>();

    /** Counts down to the deadline in the browser from the time left the server gave; asks the server to re-check at zero. */
    private static final String COUNTDOWN = """
            const el = this, view = $1, end = Date.now() + $0;
            if (el.__quizTimer) { clearInterval(el.__quizTimer); }
            const tick = () => {
              if (!el.isConnected) { clearInterval(el.__quizTimer); return; }
              const left = Math.max(0, end - Date.now());
              const s = Math.ceil(left / 1000);
              el.textContent = left > 0 ? Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0') + ' left' : 'Time is up';
              if (left <= 0) { clearInterval(el.__quizTimer); setTimeout(() => view.$server.timeUp(), 1000); }
            };
            tick();
            el.__quizTimer = setInterval(tick, 500);""";

    private final QuizAttemptService attempts;
    private final MustPassService mustPass;
    private ZoneId zone;

    public QuizView(QuizAttemptService attempts, MustPassService mustPass) {
        super("quizId", "quiz");
        this.attempts = attempts;
        this.mustPass = mustPass;
    }

    @Override
    protected void render() {
        var page = attempts.page(itemId);
        Quiz q = page.quiz();
        requireInCourse(q.courseId());
        zone = page.grant().course().timeZone();
        add(new CourseHeader(page.grant(), CourseHeader.Tab.QUIZZES));
        H2 title = new H2(q.shortName() + " · " + q.title());
        title.setId("quiz-title");
        add(title, new Span("Open " + org.lectern.ui.Dates.dateTime(q.openAt(), zone) + " to " + org.lectern.ui.Dates.dateTime(q.closeAt(), zone) + " ("
                + zone.getId() + ") · " + (q.timeLimitMinutes() == null ? "no time limit within the window" : q.timeLimitMinutes() + " minutes")
                + " · " + q.questionCount() + " questions · " + fmt(q.points()) + " points"
                + (q.maxAttempts() > 1 ? " · " + q.maxAttempts() + " attempts, the best counts" : "")
                + (q.mustPass() ? " · you must reach " + fmt(q.mustPassPercent()) + "% to pass" : "")));
        if (page.reminder()) {
            Paragraph reminder = new Paragraph("Reminder: every student must complete and pass this quiz.");
            reminder.setId("quiz-reminder");
            reminder.addClassName("lectern-card");
            add(reminder);
        }
        if (page.grant().isStaff()) {
            add(staffSection(q, page.pools()));
        } else {
            add(studentSection(q, page));
        }
    }

    /** Called by the countdown when it reaches zero: the server finishes the attempt and the page shows the result. */
    @ClientCallable
    void timeUp() {
        refresh();
    }

    // ---------------------------------------------------------------- students

    private Component studentSection(Quiz q, QuizAttemptService.Page page) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        Attempt latest = page.myAttempts().isEmpty() ? null : page.myAttempts().getLast();
        AttemptView current = latest == null ? null : attempts.attempt(latest.id());
        if (current != null && current.open()) {
            box.add(taking(current));
            return box;
        }
        if (current != null) {
            box.add(result(q, current));
        }
        boolean canStart = current == null ? page.canStart() : page.canStart() && page.myAttempts().size() < q.maxAttempts();
        if (canStart) {
            Button start = new Button(current == null ? "Start quiz" : "Start attempt " + (current.number() + 1), e -> {
                if (Notifications.attempt(() -> attempts.start(itemId))) {
                    refresh();
                }
            });
            start.setId("quiz-start");
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            box.add(new Paragraph(q.timeLimitMinutes() == null ? "Once started, you have until the window closes."
                    : "Once started, the " + q.timeLimitMinutes() + " minutes run on the server: reloading or closing the page does not stop them."),
                    start);
        } else if (current == null) {
            box.add(new Paragraph(q.window(Instant.now()) == QuizClock.Window.NOT_YET_OPEN
                    ? "This quiz is not open yet." : "This quiz is closed."));
        }
        return box;
    }

    private Component taking(AttemptView v) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        Span deadline = new Span("Deadline: " + org.lectern.ui.Dates.dateTime(v.deadline(), zone) + " (" + org.lectern.ui.Dates.timeWithSeconds(v.deadline(), zone) + ")");
        deadline.setId("quiz-deadline");
        deadline.getElement().setAttribute("data-deadline", v.deadline().toString());
        Span countdown = new Span(formatLeft(v.remainingSeconds()));
        countdown.setId("quiz-countdown");
        countdown.getStyle().set("font-weight", "600");
        HorizontalLayout timer = new HorizontalLayout(deadline, countdown);
        timer.addClassName("lectern-card");
        box.add(timer, new Paragraph("Each answer is saved as you give it; a dropped connection loses nothing."));
        long millisLeft = Math.max(0, Duration.between(v.serverNow(), v.deadline()).toMillis());
        countdown.getElement().executeJs(COUNTDOWN, millisLeft, getElement());

        answered.clear();
        for (AttemptView.AttemptQuestion question : v.questions()) {
            if (question.savedAt() != null) {
                answered.add(question.number());
            }
            box.add(questionBox(v, question));
        }
        Button submit = new Button("Submit", e -> {
            int total = v.questions().size();
            int open = total - answered.size();
            org.lectern.ui.Confirm.ask("Submit attempt " + v.number() + "?",
                    (open == 0 ? "All " + total + " questions are answered."
                            : open + " of " + total + (open == 1 ? " questions is" : " questions are") + " unanswered and will score 0.")
                            + " A submitted attempt is final: its answers can no longer be changed.",
                    "Submit now", () -> {
                        if (Notifications.attempt(() -> attempts.submit(v.id()))) {
                            refresh();
                        }
                    });
        });
        submit.setId("quiz-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        box.add(submit);
        return box;
    }

    private Component questionBox(AttemptView v, AttemptView.AttemptQuestion question) {
        int n = question.number();
        Div box = new Div();
        box.setId("question-" + n);
        box.addClassName("lectern-card");
        H4 heading = new H4("Question " + n + " · " + fmt(question.points()) + (question.points().compareTo(BigDecimal.ONE) == 0 ? " point" : " points"));
        heading.getStyle().set("margin", "0");
        // Markdown with math, as exercise prompts are (an instructor's plain text reads the same).
        var prompt = org.lectern.ui.MathMarkdown.of(question.prompt());
        Span saved = new Span(question.savedAt() == null ? "" : "Saved " + org.lectern.ui.Dates.timeWithSeconds(question.savedAt(), zone));
        saved.setId("saved-" + n);
        saved.addClassName("lectern-muted");
        box.add(heading, prompt, answerField(v, question, saved), saved);
        return box;
    }

    private Component answerField(AttemptView v, AttemptView.AttemptQuestion question, Span saved) {
        String id = "answer-" + question.number();
        Answer response = question.response();
        return switch (question.kind()) {
            case SINGLE_CHOICE -> {
                RadioButtonGroup<AttemptView.Option> field = new RadioButtonGroup<>();
                field.setItems(question.options());
                field.setItemLabelGenerator(AttemptView.Option::text);
                question.options().stream().filter(o -> response.choices().contains(o.index())).findFirst().ifPresent(field::setValue);
                field.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        save(v, question, e.getValue() == null ? new Answer(null, null, null) : Answer.choices(e.getValue().index()), saved);
                    }
                });
                field.setId(id);
                yield field;
            }
            case MULTIPLE_CHOICE -> {
                CheckboxGroup<AttemptView.Option> field = new CheckboxGroup<>();
                field.setItems(question.options());
                field.setItemLabelGenerator(AttemptView.Option::text);
                field.setHelperText("Choose every right option; a wrong one cancels a right one.");
                field.setValue(question.options().stream().filter(o -> response.choices().contains(o.index())).collect(Collectors.toSet()));
                field.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        save(v, question, new Answer(e.getValue().stream().map(AttemptView.Option::index).toList(), null, null), saved);
                    }
                });
                field.setId(id);
                yield field;
            }
            case NUMERIC -> {
                BigDecimalField field = new BigDecimalField();
                field.setValue(response.number());
                field.setPlaceholder("A number");
                field.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        save(v, question, Answer.number(e.getValue()), saved);
                    }
                });
                field.setId(id);
                yield field;
            }
            case SHORT_TEXT -> {
                TextArea field = new TextArea();
                field.setWidthFull();
                field.setValue(response.text() == null ? "" : response.text());
                field.setValueChangeMode(ValueChangeMode.LAZY);
                field.setValueChangeTimeout(800);
                field.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        save(v, question, Answer.text(e.getValue()), saved);
                    }
                });
                field.setId(id);
                yield field;
            }
            case EXERCISE -> throw new IllegalStateException("exercise questions reach the page as numbers or choices");
        };
    }

    private void save(AttemptView v, AttemptView.AttemptQuestion question, Answer answer, Span saved) {
        AtomicReference<SavedAnswer> result = new AtomicReference<>();
        saved.setText("Saving…");
        if (Notifications.attempt(() -> result.set(attempts.saveAnswer(v.id(), question.questionId(), answer)))) {
            saved.setText("Saved " + org.lectern.ui.Dates.timeWithSeconds(result.get().savedAt(), zone));
            answered.add(question.number());
            saved.getElement().setAttribute("data-saved", "true");
        } else {
            saved.setText("Not saved");
            saved.getElement().setAttribute("data-saved", "false");
        }
    }

    private Component result(Quiz q, AttemptView v) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3("Attempt " + v.number() + (v.state() == Attempt.State.EXPIRED ? " (finished at its deadline)" : " (submitted)")));
        Paragraph score = new Paragraph("Score: " + fmt(v.score()) + " / " + fmt(v.possible())
                + (v.pending() > 0 ? " · " + v.pending() + (v.pending() == 1 ? " short answer awaits" : " short answers await")
                + " a TA (counted as 0 until graded)" : "")
                + (v.passed() == null ? "" : v.passed() ? " · passed" : " · not passed (" + fmt(q.mustPassPercent()) + "% needed)"));
        score.setId("quiz-score");
        score.addClassName("lectern-card");
        box.add(score);
        if (v.review()) {
            box.add(review(v));
        } else if (q.allowReview()) {
            box.add(new Paragraph("You can review your answers with the correct ones after the quiz closes, "
                    + org.lectern.ui.Dates.dateTime(q.closeAt(), zone) + "."));
        } else {
            box.add(new Paragraph("Answers are not shown for this quiz."));
        }
        return box;
    }

    private Component review(AttemptView v) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("quiz-review");
        for (AttemptView.AttemptQuestion question : v.questions()) {
            Div d = new Div();
            d.setId("review-" + question.number());
            d.addClassName("lectern-card");
            d.add(new H4("Question " + question.number() + " · " + fmt(question.earned()) + " / " + fmt(question.points())
                    + (question.status() == QuizGrading.Status.PENDING ? " (awaiting a TA)" : "")));
            d.add(MathMarkdown.of(question.prompt()));
            d.add(new Paragraph("Your answer: " + describe(question.kind(), question.options(), question.response())));
            AttemptView.Key key = question.key();
            d.add(new Paragraph("Correct: " + switch (question.kind()) {
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> question.options().stream().filter(o -> key.correct().contains(o.index()))
                        .map(AttemptView.Option::text).collect(Collectors.joining("; "));
                case NUMERIC -> fmt(key.answer()) + (key.tolerance().signum() > 0 ? " ± " + fmt(key.tolerance()) : "");
                case SHORT_TEXT -> key.accepted().isEmpty() ? "graded by a TA" : String.join(" / ", key.accepted());
                case EXERCISE -> "";
            }));
            if (key.explanation() != null) {
                d.add(new Paragraph(key.explanation()));
            }
            if (question.feedback() != null) {
                Paragraph fb = new Paragraph("Feedback: " + question.feedback());
                fb.setId("feedback-" + question.number());
                d.add(fb);
            }
            box.add(d);
        }
        return box;
    }

    static String describe(QuestionKind kind, List<AttemptView.Option> options, Answer a) {
        if (a == null || a.isEmpty()) {
            return "(none)";
        }
        return switch (kind) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> options.stream().filter(o -> a.choices().contains(o.index()))
                    .map(AttemptView.Option::text).collect(Collectors.joining("; "));
            case NUMERIC -> fmt(a.number());
            case SHORT_TEXT -> a.text();
            case EXERCISE -> "";
        };
    }

    // ---------------------------------------------------------------- staff

    private Component staffSection(Quiz q, List<QuizPool> pools) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        RouterLink grading = new RouterLink("Grading queue (short answers)", QuizGradingView.class,
                new RouteParameters("courseId", Long.toString(courseId)));
        grading.setId("quiz-grading-link");
        box.add(grading);
        if (q.mustPass()) {
            List<MustPassRow> rows = mustPass.mustPass(itemId);
            box.add(new H3("Not passed yet (" + rows.size() + ")"));
            Grid<MustPassRow> grid = new Grid<>();
            grid.setId("must-pass");
            grid.addColumn(MustPassRow::name).setHeader("Student").setSortable(true);
            grid.addColumn(MustPassRow::email).setHeader("E-mail").setSortable(true);
            grid.addColumn(r -> r.status().replace('_', ' ')).setHeader("Status").setSortable(true);
            grid.addColumn(r -> r.bestScore() == null ? "" : fmt(r.bestScore())).setHeader("Best").setAutoWidth(true);
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            grid.setAllRowsVisible(true);
            grid.setItems(rows);
            box.add(grid);
        }
        box.add(new H3("Questions"));
        int p = 1;
        for (QuizPool pool : pools) {
            Div d = new Div();
            d.addClassName("lectern-card");
            if (pool.questions().size() > 1) {
                d.add(new H4("Pool " + p + ": each student gets " + pool.draw() + " of these " + pool.questions().size()));
            }
            for (Question question : pool.questions()) {
                d.add(new Paragraph((question.prompt() == null ? "" : question.prompt()) + " (" + fmt(question.points()) + " · " + question.kind().name().toLowerCase(Locale.ROOT) + ")"));
                d.add(new Span("Key: " + key(question)));
            }
            box.add(d);
            p++;
        }
        return box;
    }

    private static String key(Question q) {
        return switch (q.kind()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                Set<Integer> right = new HashSet<>(q.correct());
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < q.options().size(); i++) {
                    sb.append(i > 0 ? "; " : "").append(right.contains(i) ? "✔ " : "✘ ").append(q.options().get(i));
                }
                yield sb.toString();
            }
            case NUMERIC -> fmt(q.answer()) + (q.tolerance().signum() > 0 ? " ± " + fmt(q.tolerance()) : "");
            case SHORT_TEXT -> q.accepted().isEmpty() ? "(a TA grades every answer)" : String.join(" / ", q.accepted()) + " (else a TA grades it)";
            case EXERCISE -> "each student's own instance of the " + q.generator() + " exercise";
        };
    }

    static String formatLeft(long seconds) {
        return seconds <= 0 ? "Time is up" : seconds / 60 + ":" + String.format(Locale.ROOT, "%02d", seconds % 60) + " left";
    }

    static String fmt(BigDecimal v) {
        return v == null ? "–" : v.stripTrailingZeros().toPlainString();
    }
}
