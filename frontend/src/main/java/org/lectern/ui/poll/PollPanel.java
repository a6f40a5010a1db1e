package org.lectern.ui.poll;

import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.lectern.poll.PollKind;
import org.lectern.poll.PollPhase;
import org.lectern.poll.PollService;
import org.lectern.poll.PollSnapshot;
import org.lectern.poll.PollTally;
import org.lectern.ui.Notifications;
import org.lectern.ui.MathMarkdown;

/** Draws one poll snapshot: the question, the phase and its timer, the vote buttons, the bars. */
class PollPanel extends VerticalLayout {

    private final PollService polls;

    PollPanel(PollService polls) {
        this.polls = polls;
        setPadding(false);
    }

    /** Redraws with the snapshot a vote returned (the voter sees "your vote is in" at once, before any push). */
    void refreshAfterVote(PollSnapshot s) {
        show(s, this::refreshAfterVote);
    }

    void show(PollSnapshot s, Consumer<PollSnapshot> afterVote) {
        removeAll();
        // Questions may carry math (exercise polls always do): typeset like exercises.
        var question = MathMarkdown.of(s.question());
        question.setId("poll-question");
        ((HasStyle) question).addClassName("poll-question");
        Span phase = new Span(s.phase().label());
        phase.setId("poll-phase");
        phase.addClassName("lectern-chip");
        add(question, new HorizontalLayout(phase, timer(s)));

        int round = s.phase().round();
        if (!s.staff() && round > 0) {
            String mine = s.myVotes().get(round - 1);
            if (mine != null) {
                Paragraph done = new Paragraph("Your vote is in: " + answerText(s, mine) + ". Wait for the next phase.");
                done.setId("my-vote");
                add(done);
            } else {
                add(voting(s, afterVote));
            }
        } else if (!s.staff() && s.phase() == PollPhase.DRAFT) {
            add(new Paragraph("The poll has not started yet; this page updates when it does."));
        }
        if (s.staff() || s.phase().ordinal() >= PollPhase.REVEAL.ordinal()) {
            Div charts = new Div(new PollChart("round1-chart", "Think", s.round1(), s.votes1()),
                    new PollChart("round2-chart", "Group", s.round2(), s.votes2()));
            charts.addClassName("poll-charts");
            add(charts);
        }
        if (s.correct() != null) {
            Paragraph answer = new Paragraph("Answer: " + answerText(s, s.correct()));
            answer.setId("poll-answer");
            add(answer);
            if (!s.staff()) {
                add(verdict(s));
            }
        }
    }

    /** After the reveal, a student is told whether their last vote (Group if they voted then, else Think) was right. */
    private static Paragraph verdict(PollSnapshot s) {
        String last = null;
        for (String v : s.myVotes()) {
            if (v != null) {
                last = v;
            }
        }
        Paragraph p = new Paragraph();
        p.setId("poll-verdict");
        if (last == null) {
            p.setText("You did not vote in this poll.");
            p.getElement().setAttribute("data-verdict", "none");
        } else if (PollTally.isCorrect(s.kind(), last, s.correct())) {
            p.setText("✓ Your answer, " + answerText(s, last) + ", was right.");
            p.getElement().setAttribute("data-verdict", "right");
            p.getStyle().set("color", "var(--lumo-success-text-color)").set("font-weight", "600");
        } else {
            p.setText("✗ Your answer, " + answerText(s, last) + ", was not right; the answer is " + answerText(s, s.correct()) + ".");
            p.getElement().setAttribute("data-verdict", "wrong");
            p.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        }
        return p;
    }

    private Div voting(PollSnapshot s, Consumer<PollSnapshot> afterVote) {
        Div box = new Div();
        box.setId("poll-vote");
        box.addClassName("poll-vote");
        if (s.kind() == PollKind.CHOICE) {
            for (int i = 0; i < s.options().size(); i++) {
                String index = Integer.toString(i);
                Button b = new Button(s.options().get(i), e -> cast(s, index, afterVote));
                b.setId("option-" + i);
                b.addThemeVariants(ButtonVariant.LUMO_LARGE);
                b.addClassName("poll-option");
                box.add(b);
            }
        } else {
            TextField value = new TextField("Your answer");
            value.setId("poll-number");
            value.setAllowedCharPattern("[-0-9.,eE]");
            Button send = new Button("Vote", e -> cast(s, value.getValue(), afterVote));
            send.setId("poll-send");
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
            box.add(value, send);
        }
        return box;
    }

    private void cast(PollSnapshot s, String answer, Consumer<PollSnapshot> afterVote) {
        Notifications.call(() -> polls.vote(s.pollId(), answer)).ifPresent(afterVote);
    }

    /** A countdown run by the browser from the server's seconds left, so phones make no requests per tick. */
    private static Span timer(PollSnapshot s) {
        Span t = new Span(s.secondsLeft() > 0 ? clock(s.secondsLeft()) : "");
        t.setId("poll-timer");
        t.addClassName("poll-timer");
        if (s.secondsLeft() > 0) {
            t.getElement().executeJs("""
                    const el = this, end = Date.now() + $0 * 1000;
                    clearInterval(el._tick);
                    el._tick = setInterval(() => {
                      const left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
                      el.textContent = left > 0 ? Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0') : 'time is up';
                      if (left === 0) clearInterval(el._tick);
                    }, 250);""", s.secondsLeft());
        }
        return t;
    }

    static String clock(long seconds) {
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }

    private static String answerText(PollSnapshot s, String answer) {
        if (s.kind() == PollKind.CHOICE) {
            int i = Integer.parseInt(answer);
            return i >= 0 && i < s.options().size() ? s.options().get(i) : answer;
        }
        return answer;
    }
}
