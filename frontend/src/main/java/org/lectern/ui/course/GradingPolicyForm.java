package org.lectern.ui.course;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lectern.gradebook.GradingPolicyService;
import org.lectern.gradebook.PolicyDocument;
import org.lectern.latepolicy.Allocation;
import org.lectern.latepolicy.TeamLateRule;
import org.lectern.ui.Form;
import org.lectern.ui.Notifications;

/**
 * The grading policy as a form: categories (weight, lowest dropped, extra credit) and the late-day rules (budget,
 * per-item cap, penalty, weekend rule, grace, order) and the letter cut-offs. Each field is checked where it is typed (a {@link Binder}); the
 * service checks the whole policy again when it is saved. Items stay as they are: features place them.
 */
public class GradingPolicyForm extends VerticalLayout {

    /** Late-day rules being edited: a mutable bean for the binder. */
    public static final class LateRules {
        Integer freeDays;
        Integer maxPerItem;
        BigDecimal penaltyPercentPerDay;
        boolean weekendCountsAsOneDay;
        Integer graceMinutes;
        Integer maxDaysLate;
        Allocation allocation;
        TeamLateRule teamLateDays;
    }

    /** The letter cut-offs being edited. */
    static final class Letters {
        List<PolicyDocument.LetterJson> cutoffs;
    }

    /** One category being edited. */
    public static final class CategoryRow {
        String name;
        BigDecimal weight;
        Integer dropLowest;
        boolean extraCredit;
        BigDecimal cap;
        List<PolicyDocument.ItemJson> items;
    }

    /** @param scheduled the course's schedule items, which name the policy's items as students know them */
    public GradingPolicyForm(long courseId, GradingPolicyService policies, List<org.lectern.schedule.CourseItem> scheduled, Runnable saved) {
        setPadding(false);
        setId("grading-policy-form");
        PolicyDocument doc = policies.policy(courseId);
        var names = org.lectern.ui.ItemNames.of(doc.categories().stream().flatMap(c -> c.items().stream())
                .map(PolicyDocument.ItemJson::shortName).toList(), scheduled);

        LateRules late = new LateRules();
        var l = doc.lateDays();
        late.freeDays = l.freeDays();
        late.maxPerItem = l.maxPerItem();
        late.penaltyPercentPerDay = l.penaltyPercentPerDay() == null ? BigDecimal.ZERO : l.penaltyPercentPerDay();
        late.weekendCountsAsOneDay = l.weekendCountsAsOneDay();
        late.graceMinutes = l.graceMinutes() == null ? 0 : l.graceMinutes();
        late.maxDaysLate = l.maxDaysLate();
        late.allocation = doc.latePolicy().allocation();
        late.teamLateDays = doc.teamLateRule();

        Binder<LateRules> lateBinder = new Binder<>();
        IntegerField freeDays = new IntegerField("Free late days per student");
        freeDays.setId("policy-free-days");
        lateBinder.forField(freeDays).asRequired("How many free late days each student has (0 for none).")
                .withValidator(v -> v >= 0 && v <= 365, "Between 0 and 365 days.").bind(r -> r.freeDays, (r, v) -> r.freeDays = v);
        IntegerField maxPerItem = new IntegerField("Most free days on one item (empty: no cap)");
        maxPerItem.setId("policy-max-per-item");
        lateBinder.forField(maxPerItem).withValidator(v -> v == null || v >= 0 && v <= 365, "Between 0 and 365 days, or empty.")
                .bind(r -> r.maxPerItem, (r, v) -> r.maxPerItem = v);
        BigDecimalField penalty = new BigDecimalField("Penalty per day past the free days (%)");
        penalty.setId("policy-penalty");
        lateBinder.forField(penalty).asRequired("A percentage; 0 for none.")
                .withValidator(v -> v.signum() >= 0 && v.compareTo(BigDecimal.valueOf(100)) <= 0, "Between 0 and 100 %.")
                .bind(r -> r.penaltyPercentPerDay, (r, v) -> r.penaltyPercentPerDay = v);
        Checkbox weekend = new Checkbox("A weekend counts as one day");
        weekend.setId("policy-weekend");
        lateBinder.forField(weekend).bind(r -> r.weekendCountsAsOneDay, (r, v) -> r.weekendCountsAsOneDay = v);
        IntegerField grace = new IntegerField("Grace period (minutes)");
        grace.setId("policy-grace");
        lateBinder.forField(grace).withValidator(v -> v == null || v >= 0 && v <= 24 * 60, "Between 0 and 1440 minutes.")
                .bind(r -> r.graceMinutes, (r, v) -> r.graceMinutes = v);
        IntegerField maxDaysLate = new IntegerField("Not accepted after this many days late (empty: always accepted)");
        maxDaysLate.setId("policy-max-days-late");
        lateBinder.forField(maxDaysLate).withValidator(v -> v == null || v >= 0 && v <= 365, "Between 0 and 365 days, or empty.")
                .bind(r -> r.maxDaysLate, (r, v) -> r.maxDaysLate = v);
        Select<Allocation> order = new Select<>();
        order.setId("policy-allocation");
        order.setLabel("Which items free days go to");
        order.setItems(Allocation.values());
        order.setItemLabelGenerator(a -> switch (a) {
            case DEADLINE_ORDER -> "In deadline order";
            case MAXIMISE_GRADE -> "Where they raise the student's grade most";
        });
        lateBinder.forField(order).asRequired("Choose how free days are spent.").bind(r -> r.allocation, (r, v) -> r.allocation = v);
        Select<TeamLateRule> teamRule = new Select<>();
        teamRule.setId("policy-team-late-days");
        teamRule.setLabel("Team items");
        teamRule.setItems(TeamLateRule.values());
        teamRule.setItemLabelGenerator(r -> switch (r) {
            case EACH_MEMBER -> "Each member spends their own days";
            case SHARED_PENALTY -> "The team shares the penalty";
        });
        teamRule.setHelperText("How a late team submission charges its members.");
        lateBinder.forField(teamRule).asRequired("Choose how team items charge late days.")
                .bind(r -> r.teamLateDays, (r, v) -> r.teamLateDays = v);
        lateBinder.readBean(late);
        FormLayout lateForm = new FormLayout(freeDays, maxPerItem, penalty, grace, maxDaysLate, order, teamRule, weekend);

        List<Binder<CategoryRow>> categoryBinders = new ArrayList<>();
        List<CategoryRow> categoryRows = new ArrayList<>();
        Div categories = new Div();
        categories.setId("policy-categories");
        int index = 0;
        for (var c : doc.categories()) {
            CategoryRow row = new CategoryRow();
            row.name = c.name();
            row.weight = c.weight();
            row.dropLowest = c.dropLowest() == null ? 0 : c.dropLowest();
            row.extraCredit = Boolean.TRUE.equals(c.extraCredit());
            row.cap = c.cap();
            row.items = c.items();
            Binder<CategoryRow> b = new Binder<>();
            TextField name = new TextField("Category");
            name.setId("category-name-" + index);
            b.forField(name).asRequired("A category needs a name.").withValidator(v -> v.strip().length() <= 100, "At most 100 characters.")
                    .bind(r -> r.name, (r, v) -> r.name = v.strip());
            BigDecimalField weight = new BigDecimalField("Weight (%)");
            weight.setId("category-weight-" + index);
            b.forField(weight).asRequired("A weight in percent.")
                    .withValidator(v -> v.signum() >= 0 && v.compareTo(BigDecimal.valueOf(100)) <= 0, "Between 0 and 100 %.")
                    .bind(r -> r.weight, (r, v) -> r.weight = v);
            IntegerField drop = new IntegerField("Lowest dropped");
            drop.setId("category-drop-" + index);
            int items = c.items().size();
            b.forField(drop).withValidator(v -> v == null || v >= 0 && v < Math.max(1, items),
                    "Fewer than the category's " + items + " items.").bind(r -> r.dropLowest, (r, v) -> r.dropLowest = v == null ? 0 : v);
            Checkbox extra = new Checkbox("Extra credit");
            extra.setId("category-extra-" + index);
            b.forField(extra).bind(r -> r.extraCredit, (r, v) -> r.extraCredit = v);
            b.readBean(row);
            HorizontalLayout line = new HorizontalLayout(name, weight, drop, extra,
                    new Paragraph(org.lectern.ui.Plural.of(items, "item") + (items == 0 ? "" : ": " + String.join(", ",
                            c.items().stream().map(i -> names.get(i.shortName()).label()).toList()))));
            line.setAlignItems(FlexComponent.Alignment.BASELINE);
            line.setWrap(true);
            categories.add(line);
            categoryBinders.add(b);
            categoryRows.add(row);
            index++;
        }

        TextArea letters = new TextArea("Letter cut-offs");
        letters.setHelperText("One per line: the letter and the lowest percent (A 93), highest first, ending at 0.");
        letters.setId("policy-letters");
        letters.setWidthFull();
        Letters letterValue = new Letters();
        letterValue.cutoffs = doc.letters() == null ? List.of() : doc.letters();
        Binder<Letters> letterBinder = new Binder<>();
        letterBinder.forField(letters).withValidator(v -> LetterLines.parse(v) != null,
                        "Each line a letter and a percent from 0 to 100, like A- 90.")
                .bind(x -> LetterLines.format(x.cutoffs), (x, v) -> x.cutoffs = LetterLines.parse(v));
        letterBinder.readBean(letterValue);
        // A whole-policy refusal that is about the letters (order, the lowest not 0) lands on the letters.
        Form form = new Form().field(letters, "letter");

        Button save = new Button("Save grading policy", e -> {
            boolean valid = lateBinder.writeBeanIfValid(late);
            valid &= letterBinder.writeBeanIfValid(letterValue);
            for (int i = 0; i < categoryBinders.size(); i++) {
                valid &= categoryBinders.get(i).writeBeanIfValid(categoryRows.get(i));
            }
            if (!valid) {
                return; // each field in error says why, where it is
            }
            PolicyDocument updated = new PolicyDocument(new PolicyDocument.LateDaysJson(late.freeDays, late.maxPerItem,
                    late.penaltyPercentPerDay, late.weekendCountsAsOneDay, late.graceMinutes, late.maxDaysLate,
                    late.allocation.name().toLowerCase(Locale.ROOT), late.teamLateDays.name().toLowerCase(Locale.ROOT)),
                    categoryRows.stream().map(r -> new PolicyDocument.CategoryJson(r.name, r.weight, r.dropLowest, r.extraCredit, r.cap,
                            r.items)).toList(), letterValue.cutoffs);
            if (form.run(() -> policies.setPolicy(courseId, updated))) {
                Notifications.success("Grading policy saved.");
                saved.run();
            }
        });
        save.setId("save-grading-policy");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3("Grading policy"), new Paragraph("Weights of the categories that are not extra credit add up to 100. Items join their "
                + "category when they are created; the REST API (PUT /api/v1/courses/{id}/grading-policy) takes the same policy as JSON."),
                categories, new H3("Late days"), lateForm, new H3("Letters"), letters, save);
    }
}
