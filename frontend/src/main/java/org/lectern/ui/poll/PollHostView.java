package org.lectern.ui.poll;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.lectern.poll.PollBroadcaster;
import org.lectern.poll.PollPhase;
import org.lectern.poll.PollService;
import org.lectern.poll.PollSnapshot;
import org.lectern.ui.LiveUpdates;
import org.lectern.ui.Notifications;
import org.lectern.ui.course.CourseItemPage;

/**
 * The projector: the join code, the phase controls and both rounds' bars side by side, redrawn as
 * votes arrive. Students who open it get the phone view of the same poll.
 */
@Route("courses/:courseId([0-9]+)/polls/:pollId([0-9]+)")
@PageTitle("Poll · Lectern")
@PermitAll
public class PollHostView extends CourseItemPage {

    private final PollService polls;
    private final PollBroadcaster broadcaster;
    private PollPanel panel;
    private Div controls;
    private final String publicUrl;

    public PollHostView(PollService polls, PollBroadcaster broadcaster,
                        @org.springframework.beans.factory.annotation.Value("${lectern.public-url:${LECTERN_PUBLIC_URL:}}") String publicUrl) {
        super("pollId", "poll");
        this.publicUrl = publicUrl;
        this.polls = polls;
        this.broadcaster = broadcaster;
    }

    @Override
    protected void render() {
        PollSnapshot s = polls.snapshot(itemId);
        requireInCourse(s.courseId());
        addClassName("poll-projector");
        if (s.staff()) {
            Span code = new Span(s.code());
            code.setId("join-code");
            code.addClassName("poll-code");
            String base = JoinAddress.base(publicUrl);
            Span how = new Span("Join at " + base + "/poll with the code");
            how.setId("join-address");
            how.addClassName("lectern-muted");
            // the QR code opens the poll itself: no typing on a phone
            Div qr = new Div();
            qr.setId("join-qr");
            qr.getElement().setProperty("innerHTML", QrCode.svg(base + "/poll/" + s.code()));
            qr.getElement().setAttribute("role", "img");
            qr.getElement().setAttribute("aria-label", "QR code for " + base + "/poll/" + s.code());
            qr.setWidth("min(40vw, 220px)");
            VerticalLayout join = new VerticalLayout(how, code);
            join.setPadding(false);
            join.setWidth("auto");
            HorizontalLayout header = new HorizontalLayout(join, qr);
            header.getStyle().set("flex-wrap", "wrap");
            controls = new Div();
            controls.setId("poll-controls");
            add(header, controls);
        }
        panel = new PollPanel(polls);
        add(panel);
        draw(s);
        LiveUpdates.follow(panel, redraw -> broadcaster.subscribe(itemId, s.staff(), redraw), () -> draw(polls.snapshot(itemId)));
    }

    private void draw(PollSnapshot s) {
        panel.show(s, panel::refreshAfterVote);
        if (controls != null) {
            controls.removeAll();
            controls.add(step("start-think", "Start Think", s, PollPhase.THINK), step("start-group", "Start Group", s, PollPhase.GROUP),
                    step("reveal", "Reveal", s, PollPhase.REVEAL), step("close-poll", "Close", s, PollPhase.CLOSED));
        }
    }

    private Button step(String id, String text, PollSnapshot s, PollPhase next) {
        Button b = new Button(text, e -> {
            if (Notifications.attempt(() -> polls.advance(itemId, next))) {
                draw(polls.snapshot(itemId));
            }
        });
        b.setId(id);
        b.setEnabled(s.phase().canMoveTo(next));
        if (s.phase().canMoveTo(next) && next.ordinal() == s.phase().ordinal() + 1) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return b;
    }
}
