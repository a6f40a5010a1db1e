package org.lectern.ui.poster;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.lectern.course.CourseService;
import org.lectern.platform.NotFoundException;
import org.lectern.poster.PosterService;
import org.lectern.poster.PosterSession;
import org.lectern.project.Team;
import org.lectern.project.TeamService;
import org.lectern.ui.Dates;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseHeader;

/**
 * A poster session: its slots in order (time, team, board). Staff see each poster's score and how many have scored it,
 * place teams in the next slot, and open a poster's scoring sheet; students see the schedule, and where the session lets
 * peers score, a sheet for every poster but their own team's.
 */
@Route("poster-sessions/:sessionId([0-9]+)")
@PageTitle("Poster session · Lectern")
@PermitAll
public class PosterSessionView extends VerticalLayout implements BeforeEnterObserver {

    private final PosterService posters;
    private final CourseService courses;
    private final TeamService teams;
    private long sessionId;

    public PosterSessionView(PosterService posters, CourseService courses, TeamService teams) {
        this.posters = posters;
        this.courses = courses;
        this.teams = teams;
        addClassName("poster-session-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        sessionId = event.getRouteParameters().getLong("sessionId").orElseThrow(() -> new NotFoundException("No such poster session."));
        draw();
    }

    private void draw() {
        removeAll();
        PosterSession s = posters.session(sessionId);
        var grant = courses.open(s.courseId());
        ZoneId zone = grant.course().timeZone();
        add(new CourseHeader(grant, CourseHeader.Tab.TEAMS));
        H3 title = new H3(s.title());
        title.setId("poster-session-title");
        add(title, new Paragraph(Dates.dateTime(s.startsAt(), zone) + " · " + s.slotMinutes() + "-minute slots · "
                + (s.peersScore() ? "staff and peers score (peers " + s.peerWeight() + " %)" : "staff score")
                + " · gradebook item " + s.itemKey()));
        if (s.slots().isEmpty()) {
            add(new Paragraph("No posters placed yet."));
        }
        FlexLayout list = new FlexLayout();
        list.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        list.getStyle().set("gap", "var(--lumo-space-m)");
        list.setWidthFull();
        list.setId("poster-slots");
        for (var slot : s.slots()) {
            list.add(card(s, slot, zone, grant.isStaff()));
        }
        add(list);
        if (grant.isStaff()) {
            add(placeForm(s));
        }
    }

    private Div card(PosterSession s, PosterSession.Slot slot, ZoneId zone, boolean staff) {
        Div card = new Div();
        card.addClassName("lectern-card");
        card.addClassName("poster-slot");
        card.setId("poster-slot-" + slot.teamId());
        card.getStyle().set("min-width", "16rem").set("flex", "1 1 16rem");
        Span when = new Span(Dates.time(slot.startsAt(), zone) + "–" + Dates.time(slot.endsAt(), zone)
                + (slot.board().isBlank() ? "" : " · board " + slot.board()));
        when.addClassName("lectern-muted");
        Span team = new Span(slot.teamName() + (slot.mine() ? " (your team)" : ""));
        team.getStyle().set("font-weight", "600").set("display", "block");
        card.add(team, when);
        if (staff) {
            Span score = new Span(slot.score() == null ? "Not scored yet" : "Score " + slot.score().stripTrailingZeros().toPlainString()
                    + " · " + slot.scorers() + (slot.scorers() == 1 ? " scorer" : " scorers"));
            score.addClassName("poster-score");
            score.getStyle().set("display", "block");
            card.add(score);
        }
        if (staff || (s.peersScore() && !slot.mine())) {
            Anchor sheet = new Anchor("poster-sessions/" + s.id() + "/teams/" + slot.teamId(), slot.scoredByMe() ? "Change my score" : "Score this poster");
            sheet.setId("poster-score-link-" + slot.teamId());
            sheet.getStyle().set("display", "block").set("padding", "var(--lumo-space-s) 0");
            card.add(sheet);
        }
        return card;
    }

    private Div placeForm(PosterSession s) {
        Div card = new Div();
        card.addClassName("lectern-card");
        card.setId("poster-place");
        Set<Long> placed = s.slots().stream().map(PosterSession.Slot::teamId).collect(Collectors.toSet());
        List<Team> free = teams.teams(s.courseId()).stream().filter(t -> !placed.contains(t.id())).toList();
        ComboBox<Team> team = new ComboBox<>("Team for the next slot");
        team.setId("poster-place-team");
        team.setItems(free);
        team.setItemLabelGenerator(Team::name);
        TextField board = new TextField("Board");
        board.setMaxLength(40);
        board.setWidth("8rem");
        Button place = new Button("Place", e -> {
            if (team.getValue() == null) {
                Notifications.error("Choose a team.");
                return;
            }
            Notifications.call(() -> posters.addSlot(s.id(), team.getValue().id(), board.getValue())).ifPresent(x -> draw());
        });
        place.setId("poster-place-button");
        FlexLayout row = new FlexLayout(team, board, place);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexLayout.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        card.add(new H3("Place a poster"), row);
        return card;
    }
}
