package org.lectern.ui.quiz;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.lectern.quiz.ExerciseQuestions;
import org.lectern.quiz.Quiz;
import org.lectern.quiz.QuizDraft;
import org.lectern.quiz.QuizAuthoringService;
import org.lectern.ui.Notifications;
import org.lectern.ui.Form;

/**
 * A quiz written in a form: its window and settings, then questions of each kind (choices with the right ones,
 * numbers with a tolerance, short answers, computations with each student's own numbers from an exercise generator) with
 * points, must-pass, review and shuffle settings, each question either asked of everyone or put in a named
 * pool from which every student draws. Fields are checked where they are typed ({@link Binder}); the service checks
 * the whole quiz again. The JSON import stays for scripts.
 */
class QuizForm extends Dialog {

    /** The quiz's own fields, for the binder. */
    static final class Head {
        String shortName = "";
        String title = "";
        LocalDateTime openAt;
        LocalDateTime closeAt;
        Integer timeLimitMinutes;
        String category = "Quizzes";
        Integer maxAttempts = 1;
        Integer draw = 1;
        BigDecimal mustPassPercent;
        boolean allowReview = true;
        boolean shuffle = true;
    }

    /** One question being written. */
    static final class Q {
        String kind = "single_choice";
        String prompt = "";
        BigDecimal points = BigDecimal.ONE;
        String options = "";
        String correct = "1";
        BigDecimal answer;
        BigDecimal tolerance = BigDecimal.ZERO;
        String accepted = "";
        String pool = "";
        String generator;
    }

    private static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("single_choice", "One right choice");
        KINDS.put("multiple_choice", "Several right choices");
        KINDS.put("numeric", "A number (with tolerance)");
        KINDS.put("short_text", "A short answer");
        KINDS.put("exercise", "A computation with each student's own numbers");
    }

    /** Generators whose first number or choice a quiz can ask (the others want vectors or matrices). */
    private static final Map<String, String> GENERATORS = ExerciseQuestions.generators();

    private final List<Binder<Q>> questionBinders = new ArrayList<>();
    private final List<Q> questions = new ArrayList<>();
    private final Div questionList = new Div();

    QuizForm(long courseId, ZoneId zone, QuizAuthoringService quizzes, Consumer<Quiz> created) {
        setHeaderTitle("New quiz");
        setWidth("min(60em, 95vw)");
        setId("quiz-form");
        Head head = new Head();
        head.openAt = LocalDateTime.now(zone).withSecond(0).withNano(0).plusDays(1).withHour(9).withMinute(0);
        head.closeAt = head.openAt.plusHours(4);
        Binder<Head> binder = new Binder<>();
        TextField shortName = new TextField("Short name");
        shortName.setId("quiz-short-name");
        binder.forField(shortName).asRequired("A short name, such as Quiz2.").withValidator(v -> v.strip().matches("[A-Za-z0-9][A-Za-z0-9_-]{0,19}"), "1 to 20 letters, digits, - or _, such as Quiz2.")
                .bind(h -> h.shortName, (h, v) -> h.shortName = v.strip());
        TextField title = new TextField("Title");
        title.setId("quiz-title");
        binder.forField(title).asRequired("A title students will see.").bind(h -> h.title, (h, v) -> h.title = v.strip());
        DateTimePicker open = new DateTimePicker("Opens (" + zone.getId() + ")");
        open.setId("quiz-open");
        binder.forField(open).asRequired("When the quiz opens.").bind(h -> h.openAt, (h, v) -> h.openAt = v);
        DateTimePicker close = new DateTimePicker("Closes (" + zone.getId() + ")");
        close.setId("quiz-close");
        binder.forField(close).asRequired("When the quiz closes.")
                .withValidator(v -> open.getValue() == null || v.isAfter(open.getValue()), "Closes after it opens.")
                .bind(h -> h.closeAt, (h, v) -> h.closeAt = v);
        IntegerField limit = new IntegerField("Time limit in minutes (empty: the whole window)");
        limit.setId("quiz-time-limit");
        binder.forField(limit).withValidator(v -> v == null || v >= 1 && v <= 24 * 60, "Between 1 and 1440 minutes, or empty.")
                .bind(h -> h.timeLimitMinutes, (h, v) -> h.timeLimitMinutes = v);
        TextField category = new TextField("Gradebook category (empty: shown on grades, not counted)");
        category.setId("quiz-category");
        binder.forField(category).bind(h -> h.category, (h, v) -> h.category = v.strip());
        IntegerField attempts = new IntegerField("Attempts per student");
        attempts.setId("quiz-attempts");
        binder.forField(attempts).asRequired("How many attempts (the best counts).").withValidator(v -> v >= 1 && v <= 20, "Between 1 and 20.")
                .bind(h -> h.maxAttempts, (h, v) -> h.maxAttempts = v);
        IntegerField draw = new IntegerField("Questions each student draws from each pool");
        draw.setId("quiz-draw");
        binder.forField(draw).withValidator(v -> v == null || v >= 1, "At least 1.").bind(h -> h.draw, (h, v) -> h.draw = v);
        BigDecimalField mustPass = new BigDecimalField("Must pass: percent of the points that passes (empty: not required)");
        mustPass.setId("quiz-must-pass");
        binder.forField(mustPass).withValidator(v -> v == null || v.signum() > 0 && v.compareTo(BigDecimal.valueOf(100)) <= 0,
                "More than 0 and at most 100, or empty.").bind(h -> h.mustPassPercent, (h, v) -> h.mustPassPercent = v);
        Checkbox review = new Checkbox("Students review their answers and the right ones once the quiz closes");
        review.setId("quiz-review");
        binder.forField(review).bind(h -> h.allowReview, (h, v) -> h.allowReview = v);
        Checkbox shuffle = new Checkbox("Each student gets the questions and choices in their own order");
        shuffle.setId("quiz-shuffle");
        binder.forField(shuffle).bind(h -> h.shuffle, (h, v) -> h.shuffle = v);
        binder.readBean(head);
        FormLayout top = new FormLayout(shortName, title, open, close, limit, category, attempts, draw, mustPass, review, shuffle);

        questionList.setId("quiz-questions");
        addQuestion();
        Button more = new Button("Add a question", e -> addQuestion());
        more.setId("quiz-add-question");
        add(top, new H4("Questions"), questionList, more,
                new Paragraph("Questions with the same pool name are interchangeable: each student gets the number above from each pool "
                        + "(all questions of a pool must be worth the same). Questions without a pool are asked of everyone."));

        Button save = new Button("Create quiz", e -> {
            boolean valid = binder.writeBeanIfValid(head);
            for (int i = 0; i < questions.size(); i++) {
                valid &= questionBinders.get(i).writeBeanIfValid(questions.get(i));
            }
            if (!valid) {
                return; // each field in error says why, where it is
            }
            List<QuizDraft.QuestionDraft> everyone = new ArrayList<>();
            Map<String, List<QuizDraft.QuestionDraft>> pools = new LinkedHashMap<>();
            for (Q q : questions) {
                QuizDraft.QuestionDraft d = draft(q);
                if (q.pool.isBlank()) {
                    everyone.add(d);
                } else {
                    pools.computeIfAbsent(q.pool.strip(), k -> new ArrayList<>()).add(d);
                }
            }
            QuizDraft quiz = new QuizDraft(head.shortName, head.title, head.openAt.atZone(zone).toInstant(), head.closeAt.atZone(zone).toInstant(),
                    head.timeLimitMinutes, null, head.category.isBlank() ? null : head.category, head.mustPassPercent, head.allowReview,
                    head.shuffle, head.maxAttempts, null,
                    everyone, pools.values().stream().map(qs -> new QuizDraft.PoolDraft(head.draw == null ? 1 : head.draw, qs)).toList());
            // The service judges the whole quiz again; what it refuses lands on the field it is about.
            new Form().field(shortName, "shortName", "already").field(category, "category").field(mustPass, "mustPassPercent")
                    .field(close, "closeAt").field(open, "openAt").field(limit, "timeLimitMinutes").field(attempts, "maxAttempts")
                    .field(title, "title")
                    .submit(() -> quizzes.create(courseId, quiz)).ifPresent(made -> {
                        close();
                        created.accept(made);
                    });
        });
        save.setId("quiz-form-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void addQuestion() {
        int n = questions.size();
        Q q = new Q();
        Binder<Q> b = new Binder<>();
        Select<String> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setId("question-kind-" + n);
        kind.setItems(KINDS.keySet());
        kind.setItemLabelGenerator(KINDS::get);
        b.forField(kind).asRequired("Choose a kind.").bind(x -> x.kind, (x, v) -> x.kind = v);
        TextArea prompt = new TextArea("Question " + (n + 1) + " (Markdown, $math$; for a computation, an optional lead-in)");
        prompt.setId("question-prompt-" + n);
        prompt.setWidthFull();
        b.forField(prompt).withValidator(v -> "exercise".equals(kind.getValue()) || v != null && !v.isBlank(), "Write the question.")
                .bind(x -> x.prompt, (x, v) -> x.prompt = v);
        Select<String> generator = new Select<>();
        generator.setLabel("Computation");
        generator.setId("question-generator-" + n);
        generator.setItems(GENERATORS.keySet());
        generator.setItemLabelGenerator(GENERATORS::get);
        b.forField(generator).withValidator(v -> !"exercise".equals(kind.getValue()) || v != null, "Choose the computation.")
                .bind(x -> x.generator, (x, v) -> x.generator = v);
        BigDecimalField points = new BigDecimalField("Points");
        points.setId("question-points-" + n);
        b.forField(points).asRequired("Points for a right answer.").withValidator(v -> v.signum() > 0, "More than 0.")
                .bind(x -> x.points, (x, v) -> x.points = v);
        TextArea options = new TextArea("Choices, one per line");
        options.setId("question-options-" + n);
        b.forField(options).withValidator(v -> !choice(kind.getValue()) || lines(v).size() >= 2, "At least two choices, one per line.")
                .bind(x -> x.options, (x, v) -> x.options = v);
        TextField correct = new TextField("Right choice(s), counted from 1 (e.g. 2, or 1, 3)");
        correct.setId("question-correct-" + n);
        b.forField(correct).withValidator(v -> !choice(kind.getValue()) || correctIndices(v, lines(options.getValue()).size(),
                        "single_choice".equals(kind.getValue())) != null, "Numbers of choices above, one for a single right choice.")
                .bind(x -> x.correct, (x, v) -> x.correct = v);
        BigDecimalField answer = new BigDecimalField("Answer");
        answer.setId("question-answer-" + n);
        b.forField(answer).withValidator(v -> !"numeric".equals(kind.getValue()) || v != null, "The right number.")
                .bind(x -> x.answer, (x, v) -> x.answer = v);
        BigDecimalField tolerance = new BigDecimalField("Tolerance (±)");
        tolerance.setId("question-tolerance-" + n);
        b.forField(tolerance).withValidator(v -> v == null || v.signum() >= 0, "0 or more.").bind(x -> x.tolerance, (x, v) -> x.tolerance = v);
        TextArea accepted = new TextArea("Accepted answers, one per line (others go to the TA queue)");
        accepted.setId("question-accepted-" + n);
        b.forField(accepted).bind(x -> x.accepted, (x, v) -> x.accepted = v);
        TextField pool = new TextField("Pool (empty: asked of everyone)");
        pool.setId("question-pool-" + n);
        b.forField(pool).bind(x -> x.pool, (x, v) -> x.pool = v);
        b.readBean(q);
        Runnable show = () -> {
            boolean isChoice = choice(kind.getValue());
            options.setVisible(isChoice);
            correct.setVisible(isChoice);
            answer.setVisible("numeric".equals(kind.getValue()));
            tolerance.setVisible("numeric".equals(kind.getValue()));
            accepted.setVisible("short_text".equals(kind.getValue()));
            generator.setVisible("exercise".equals(kind.getValue()));
        };
        kind.addValueChangeListener(e -> show.run());
        show.run();
        FormLayout form = new FormLayout(kind, points, generator, prompt, options, correct, answer, tolerance, accepted, pool);
        form.setColspan(prompt, 2);
        Div card = new Div(form);
        card.addClassName("lectern-card");
        card.setId("question-" + n);
        questionList.add(card);
        questions.add(q);
        questionBinders.add(b);
    }

    private static boolean choice(String kind) {
        return "single_choice".equals(kind) || "multiple_choice".equals(kind);
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** "1, 3" → [0, 2] when every number names a choice (and just one for a single choice); else null. */
    static List<Integer> correctIndices(String text, int choices, boolean single) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!part.matches("\\d{1,3}")) {
                return null;
            }
            int i = Integer.parseInt(part);
            if (i < 1 || i > choices || out.contains(i - 1)) {
                return null;
            }
            out.add(i - 1);
        }
        return out.isEmpty() || single && out.size() != 1 ? null : out;
    }

    private static QuizDraft.QuestionDraft draft(Q q) {
        return switch (q.kind) {
            case "numeric" -> QuizDraft.QuestionDraft.numeric(q.prompt, q.points, q.answer, q.tolerance == null ? BigDecimal.ZERO : q.tolerance);
            case "short_text" -> QuizDraft.QuestionDraft.text(q.prompt, q.points, lines(q.accepted));
            case "exercise" -> new QuizDraft.QuestionDraft("exercise", q.prompt == null || q.prompt.isBlank() ? null : q.prompt, q.points,
                    null, null, null, null, null, null, q.generator);
            default -> {
                List<String> options = lines(q.options);
                List<Integer> correct = correctIndices(q.correct, options.size(), "single_choice".equals(q.kind));
                yield new QuizDraft.QuestionDraft(q.kind, q.prompt, q.points, options, correct, null, null, null, null);
            }
        };
    }

}
