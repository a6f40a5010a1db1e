package org.lectern.ui.survey;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import java.time.LocalDateTime;
import java.time.ZoneId;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.lectern.course.CourseService;
import org.lectern.survey.Survey;
import org.lectern.survey.SurveyChart;
import org.lectern.survey.SurveyDraft;
import org.lectern.survey.SurveyQuestion;
import org.lectern.survey.SurveyResults;
import org.lectern.survey.SurveyService;
import org.lectern.survey.SurveyText;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseHeader;
import org.lectern.ui.course.CoursePage;

/**
 * Surveys: students answer the open ones (once); staff see who answered, bar charts (SVG drawn on the server, labels
 * escaped there), the text answers and a CSV. For an anonymous survey nothing on the page ties an answer to a person.
 */
@Route("courses/:courseId([0-9]+)/surveys")
@PageTitle("Surveys · Lectern")
@PermitAll
public class SurveysView extends CoursePage {

    private final CourseService courses;
    private final SurveyService surveys;

    public SurveysView(CourseService courses, SurveyService surveys) {
        this.courses = courses;
        this.surveys = surveys;
        addClassName("survey-page");
    }

    @Override
    protected void render() {
        var grant = courses.open(courseId);
        add(new CourseHeader(grant, CourseHeader.Tab.SURVEYS));
        if (grant.isStaff()) {
            add(createForm(grant.course().timeZone()));
        }
        var list = surveys.surveys(courseId);
        if (list.isEmpty()) {
            add(new Paragraph(grant.isStaff() ? "No surveys yet." : "No surveys are open."));
        }
        for (Survey s : list) {
            Div card = new Div();
            card.addClassName("survey-card");
            card.setId("survey-" + s.id());
            var zone = grant.course().timeZone();
            card.add(new H3(s.title()), new Span((s.anonymous() ? "Anonymous" : "Named") + " · open "
                    + org.lectern.ui.Dates.dateTime(s.opensAt(), zone) + " to " + org.lectern.ui.Dates.dateTime(s.closesAt(), zone)
                    + (s.points() != null && s.points().signum() > 0 ? " · " + s.points().stripTrailingZeros().toPlainString()
                    + " participation points" : "")));
            if (grant.isStaff()) {
                results(card, s);
            } else {
                answerForm(card, s);
            }
            add(card);
        }
    }

    /** Staff write questions one per line ({@link SurveyText}); the service checks everything again. */
    private Details createForm(ZoneId zone) {
        TextField shortName = new TextField("Short name (the gradebook item)");
        shortName.setId("survey-new-short-name");
        TextField title = new TextField("Title");
        title.setId("survey-new-title");
        title.setWidthFull();
        Checkbox anonymous = new Checkbox("Anonymous: staff see who answered, not what");
        anonymous.setValue(true);
        anonymous.setId("survey-new-anonymous");
        var now = LocalDateTime.now(zone).withSecond(0).withNano(0);
        DateTimePicker opens = new DateTimePicker("Opens", now);
        DateTimePicker closes = new DateTimePicker("Closes", now.plusDays(7));
        BigDecimalField points = new BigDecimalField("Participation points (optional)");
        TextField category = new TextField("Gradebook category (optional)");
        TextArea questions = new TextArea("Questions, one per line");
        questions.setId("survey-new-questions");
        questions.setWidthFull();
        questions.setHelperText("single*: Which program? | Undergrad | M.S. | Ph.D.   ·   multiple: … | … | …   ·   scale 5: Comfort | none | expert"
                + "   ·   short: Time zone?   ·   long: Goals?   (* = required)");
        Button create = new Button("Create survey", e -> {
            if (new org.lectern.ui.Form().field(shortName, "short name").field(title, "title").field(questions, "question", "line")
                    .field(opens, "open").field(closes, "close").field(points, "point").field(category, "category")
                    .run(() -> surveys.create(courseId, new org.lectern.survey.SurveyDraft(shortName.getValue(), title.getValue(),
                    anonymous.getValue(), org.lectern.survey.SurveyText.parse(questions.getValue()),
                    opens.getValue() == null ? null : opens.getValue().atZone(zone).toInstant(),
                    closes.getValue() == null ? null : closes.getValue().atZone(zone).toInstant(), points.getValue(),
                    category.getValue().isBlank() ? null : category.getValue().strip())))) {
                Notifications.success("Survey created.");
                refresh();
            }
        });
        create.setId("survey-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var details = new Details("New survey",
                new Div(shortName, title, anonymous, new Div(opens, closes), new Div(points, category), questions, create));
        details.setId("survey-new");
        return details;
    }

    private void answerForm(Div card, Survey s) {
        var mine = surveys.survey(s.id());
        if (mine.answered()) {
            Paragraph thanks = new Paragraph("You have answered this survey. Thank you!");
            thanks.setId("survey-answered-" + s.id());
            card.add(thanks);
            return;
        }
        if (!mine.open()) {
            card.add(new Paragraph("This survey is closed."));
            return;
        }
        if (s.anonymous()) {
            card.add(new Paragraph("Your answers are stored without your name; staff see only that you answered."));
        }
        List<Supplier<String>> answers = new ArrayList<>();
        for (int i = 0; i < s.questions().size(); i++) {
            SurveyQuestion q = s.questions().get(i);
            String label = (i + 1) + ". " + q.prompt() + (q.required() ? " *" : "");
            String id = "survey-" + s.id() + "-q" + i;
            List<Integer> idx = IntStream.range(0, q.options().size()).boxed().toList();
            switch (q.kind()) {
                case SINGLE -> {
                    RadioButtonGroup<Integer> g = new RadioButtonGroup<>(label, idx);
                    g.addThemeVariants(com.vaadin.flow.component.radiobutton.RadioGroupVariant.LUMO_VERTICAL); // long options fit a phone
                    g.setItemLabelGenerator(x -> q.options().get(x));
                    g.setId(id);
                    card.add(g);
                    answers.add(() -> g.getValue() == null ? null : g.getValue().toString());
                }
                case MULTIPLE -> {
                    CheckboxGroup<Integer> g = new CheckboxGroup<>(label, idx);
                    g.addThemeVariants(com.vaadin.flow.component.checkbox.CheckboxGroupVariant.LUMO_VERTICAL);
                    g.setItemLabelGenerator(x -> q.options().get(x));
                    g.setId(id);
                    card.add(g);
                    answers.add(() -> g.getValue().stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
                }
                case SCALE -> {
                    List<Integer> points = IntStream.rangeClosed(1, q.scaleMax()).boxed().toList();
                    RadioButtonGroup<Integer> g = new RadioButtonGroup<>(label + (q.options().size() == 2
                            ? " (1 = " + q.options().get(0) + ", " + q.scaleMax() + " = " + q.options().get(1) + ")" : ""), points);
                    g.setId(id);
                    card.add(g);
                    answers.add(() -> g.getValue() == null ? null : g.getValue().toString());
                }
                case SHORT_TEXT -> {
                    TextField f = new TextField(label);
                    f.setId(id);
                    f.setWidthFull();
                    f.setMaxLength(200);
                    card.add(f);
                    answers.add(f::getValue);
                }
                case LONG_TEXT -> {
                    TextArea f = new TextArea(label);
                    f.setId(id);
                    f.setWidthFull();
                    f.setMaxLength(5000);
                    card.add(f);
                    answers.add(f::getValue);
                }
            }
        }
        Button submit = new Button("Submit answers", e -> {
            if (Notifications.attempt(() -> surveys.answer(s.id(), answers.stream().map(Supplier::get).toList()))) {
                Notifications.success("Thank you: your answers are in.");
                refresh();
            }
        });
        submit.setId("survey-submit-" + s.id());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(submit);
    }

    private void results(Div card, Survey s) {
        SurveyResults r = surveys.results(s.id());
        Paragraph count = new Paragraph(r.respondents() + (r.respondents() == 1 ? " response" : " responses"));
        count.setId("survey-responses-" + s.id());
        card.add(count);
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                new ByteArrayInputStream(surveys.csv(s.id()).getBytes(StandardCharsets.UTF_8)), "survey-" + s.shortName() + ".csv", "text/csv", -1)),
                "Download CSV");
        csv.getElement().setAttribute("download", true);
        csv.setId("survey-csv-" + s.id());
        card.add(csv);
        for (int i = 0; i < r.questions().size(); i++) {
            var q = r.questions().get(i);
            card.add(new H4((i + 1) + ". " + q.question().prompt()));
            if (q.question().isText()) {
                UnorderedList texts = new UnorderedList();
                texts.setId("survey-" + s.id() + "-texts-" + i);
                q.texts().forEach(t -> texts.add(new ListItem(t)));
                card.add(q.texts().isEmpty() ? new Paragraph("No answers yet.") : texts);
            } else {
                Component chart = new Html("<div class=\"survey-plot\" id=\"survey-" + s.id() + "-plot-" + i + "\">" + SurveyChart.svg(q.bars()) + "</div>");
                card.add(chart);
            }
        }
        Paragraph who = new Paragraph("Answered: " + String.join(", ", surveys.respondents(s.id())));
        who.addClassName("qa-meta");
        card.add(who);
    }
}
