package org.lectern.ui.paper;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import org.lectern.paper.Paper;
import org.lectern.paper.PaperBroadcaster;
import org.lectern.paper.PaperRole;
import org.lectern.paper.PaperService;
import org.lectern.platform.NotFoundException;
import org.lectern.ui.LiveUpdates;
import org.lectern.ui.Notifications;

/**
 * The projector's page for a paper presentation: the roles with their holders and times, the current role's countdown
 * (run by the browser from the server's time left, so the projector makes no request per tick), and for the presenting
 * group and staff the buttons that start, pause, resume and advance it. Every change is pushed to every open copy.
 */
@Route("papers/:paperId([0-9]+)/present")
@PageTitle("Presentation · Lectern")
@PermitAll
public class PresenterView extends VerticalLayout implements BeforeEnterObserver {

    private final PaperService papers;
    private final PaperBroadcaster broadcaster;
    private long paperId;
    private boolean following;

    public PresenterView(PaperService papers, PaperBroadcaster broadcaster) {
        this.papers = papers;
        this.broadcaster = broadcaster;
        addClassName("presenter-page");
        setAlignItems(Alignment.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        paperId = event.getRouteParameters().getLong("paperId").orElseThrow(() -> new NotFoundException("No such paper."));
        draw();
        if (!following) {
            following = true;
            long id = paperId;
            LiveUpdates.follow(this, redraw -> broadcaster.subscribe(id, redraw), this::draw);
        }
    }

    private void draw() {
        removeAll();
        Paper p = papers.paper(paperId);
        Optional<PaperService.Timer> timer = papers.timer(paperId);
        H2 title = new H2(p.title());
        title.setId("presenter-title");
        Span group = new Span((p.teamName() == null ? "No group yet" : "Presented by " + p.teamName()) + (p.authors().isBlank() ? "" : " · " + p.authors()));
        group.addClassName("lectern-muted");
        add(title, group);

        Span role = new Span(timer.map(PaperService.Timer::role).orElse("Not started"));
        role.setId("presenter-role");
        role.getStyle().set("font-size", "2rem").set("font-weight", "600");
        Span clock = new Span(timer.map(t -> clock(t.leftMillis())).orElse("--:--"));
        clock.setId("presenter-clock");
        clock.getStyle().set("font-size", "min(22vw, 12rem)").set("font-variant-numeric", "tabular-nums").set("line-height", "1");
        timer.filter(PaperService.Timer::running).ifPresent(t -> clock.getElement().executeJs("""
                const el = this, end = Date.now() + $0;
                clearInterval(el._tick);
                el._tick = setInterval(() => {
                  const ms = end - Date.now(), s = Math.ceil(Math.abs(ms) / 1000);
                  el.textContent = (ms < 0 ? '+' : '') + Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
                  el.style.color = ms < 0 ? 'var(--lumo-error-color)' : '';
                }, 250);""", t.leftMillis()));
        if (timer.map(t -> t.leftMillis() < 0).orElse(false)) {
            clock.getStyle().set("color", "var(--lumo-error-color)");
        }
        Span state = new Span(timer.map(t -> t.running() ? "running" : "paused").orElse(""));
        state.setId("presenter-state");
        add(role, clock, state);

        OrderedList list = new OrderedList();
        list.setId("presenter-roles");
        for (PaperRole r : papers.roles(p.courseId())) {
            String holder = p.holders().stream().filter(h -> h.position() == r.position()).map(Paper.Holder::name).findFirst().orElse("—");
            ListItem li = new ListItem(r.name() + " · " + r.minutes() + " min · " + holder);
            if (timer.map(t -> t.position() == r.position()).orElse(false)) {
                li.getStyle().set("font-weight", "700");
            }
            list.add(li);
        }
        add(list);

        if (papers.presents(paperId)) {
            Button start = button(timer.isEmpty() ? "Start" : "Restart role", "presenter-start", () -> papers.startRole(paperId,
                    timer.map(PaperService.Timer::position).orElse(null)));
            Button pause = timer.map(PaperService.Timer::running).orElse(false)
                    ? button("Pause", "presenter-pause", () -> papers.pause(paperId))
                    : button("Resume", "presenter-resume", () -> papers.resume(paperId));
            pause.setEnabled(timer.isPresent());
            Button next = button("Next role", "presenter-next", () -> papers.next(paperId));
            next.setEnabled(timer.isPresent());
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout buttons = new HorizontalLayout(start, pause, next);
            buttons.setWrap(true);
            add(buttons);
        }
    }

    private Button button(String text, String id, Runnable action) {
        Button b = new Button(text, e -> {
            if (Notifications.attempt(action)) {
                draw();
            }
        });
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_LARGE);
        return b;
    }

    static String clock(long millis) {
        long s = (Math.abs(millis) + 999) / 1000;
        return (millis < 0 ? "+" : "") + s / 60 + ":" + String.format("%02d", s % 60);
    }

}
