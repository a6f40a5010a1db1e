package org.lectern.ui.poll;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.lectern.platform.NotFoundException;
import org.lectern.poll.PollBroadcaster;
import org.lectern.ui.LiveUpdates;
import org.lectern.poll.PollService;
import org.lectern.poll.PollSnapshot;

/** A student's phone in a poll: vote, wait, see the reveal; phases arrive by push. */
@Route("poll/:code([A-Za-z0-9]{1,12})")
@PageTitle("Poll · Lectern")
@PermitAll
public class PollVoteView extends VerticalLayout implements BeforeEnterObserver {

    private final PollService polls;
    private final PollBroadcaster broadcaster;

    public PollVoteView(PollService polls, PollBroadcaster broadcaster) {
        this.polls = polls;
        this.broadcaster = broadcaster;
        addClassName("poll-phone");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String code = event.getRouteParameters().get("code").orElse("");
        PollSnapshot s;
        try {
            s = polls.join(code);
        } catch (NotFoundException e) {
            Paragraph p = new Paragraph(e.getMessage() + " Check the code on the screen.");
            p.setId("poll-missing");
            add(p);
            return;
        }
        long pollId = s.pollId();
        PollPanel panel = new PollPanel(polls);
        add(panel);
        panel.show(s, panel::refreshAfterVote);
        LiveUpdates.follow(panel, redraw -> broadcaster.subscribe(pollId, s.staff(), redraw), () -> panel.show(polls.snapshot(pollId), panel::refreshAfterVote));
    }
}
