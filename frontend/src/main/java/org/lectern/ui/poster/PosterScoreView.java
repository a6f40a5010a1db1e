package org.lectern.ui.poster;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.platform.NotFoundException;
import org.lectern.poster.PosterRules;
import org.lectern.poster.PosterService;
import org.lectern.poster.PosterSheet;
import org.lectern.written.RubricItem;
import org.lectern.written.RubricScore;
import org.lectern.written.WrittenQuestion;
import org.lectern.ui.Notifications;

/**
 * Scoring one poster on a phone, standing in front of it: each rubric question with its items as large checkboxes, the
 * total as it stands, a comment, one Save. The items and their points are the poster item's written rubric; the score
 * the gradebook gets is computed by the server ({@link PosterService#score}).
 */
@Route("poster-sessions/:sessionId([0-9]+)/teams/:teamId([0-9]+)")
@PageTitle("Score a poster · Lectern")
@PermitAll
public class PosterScoreView extends VerticalLayout implements BeforeEnterObserver {

    private final PosterService posters;
    private final Map<Long, CheckboxGroup<RubricItem>> groups = new LinkedHashMap<>();
    private long sessionId;
    private long teamId;

    public PosterScoreView(PosterService posters) {
        this.posters = posters;
        addClassName("poster-score-page");
        setPadding(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        sessionId = event.getRouteParameters().getLong("sessionId").orElseThrow(() -> new NotFoundException("No such poster session."));
        teamId = event.getRouteParameters().getLong("teamId").orElseThrow(() -> new NotFoundException("No such team."));
        draw(posters.sheet(sessionId, teamId));
    }

    private void draw(PosterSheet sheet) {
        removeAll();
        groups.clear();
        add(new Anchor("poster-sessions/" + sessionId, "← All posters"));
        H2 title = new H2("Score · " + sheet.teamName());
        title.setId("poster-sheet-title");
        add(title);
        Span total = new Span();
        total.setId("poster-total");
        total.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        BigDecimal possible = sheet.questions().stream().map(WrittenQuestion::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        Runnable recount = () -> total.setText("Total " + plain(PosterRules.scorerTotal(sheet.questions(), applied())) + " of " + plain(possible)
                + (sheet.saved() ? "" : " (not saved yet)"));
        for (WrittenQuestion q : sheet.questions()) {
            Div card = new Div();
            card.addClassName("lectern-card");
            card.setWidthFull();
            CheckboxGroup<RubricItem> items = new CheckboxGroup<>(q.number() + ". " + q.title() + " · " + plain(q.points()) + " points"
                    + (q.grading() == RubricScore.Grading.NEGATIVE ? ", items take away" : ""));
            items.setId("poster-question-" + q.number());
            items.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
            items.setItems(q.rubric());
            items.setItemLabelGenerator(i -> (i.points().signum() > 0 ? "+" : "") + plain(i.points()) + "  " + i.text());
            List<Long> had = sheet.applied().getOrDefault(q.id(), List.of());
            items.setValue(new HashSet<>(q.rubric().stream().filter(i -> had.contains(i.id())).toList()));
            items.addValueChangeListener(e -> recount.run());
            items.setWidthFull();
            groups.put(q.id(), items);
            card.add(items);
            add(card);
        }
        TextArea comment = new TextArea("Comment for the team (optional)");
        comment.setId("poster-comment");
        comment.setMaxLength(4000);
        comment.setValue(sheet.comment());
        comment.setWidthFull();
        Button save = new Button("Save score", e -> Notifications.call(() -> posters.score(sessionId, teamId, applied(), comment.getValue()))
                .ifPresent(saved -> {
                    Notifications.success("Saved: " + plain(saved.total()) + " of " + plain(possible) + " for " + saved.teamName() + ".");
                    draw(saved);
                }));
        save.setId("poster-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        save.setWidthFull();
        recount.run();
        add(total, comment, save);
    }

    private Map<Long, List<Long>> applied() {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        groups.forEach((q, g) -> out.put(q, g.getValue().stream().map(RubricItem::id).sorted().toList()));
        return out;
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }
}
