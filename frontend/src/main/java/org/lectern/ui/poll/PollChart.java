package org.lectern.ui.poll;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.lectern.poll.PollTally;

/** One round's bars, drawn with plain elements so they redraw cheaply on every pushed vote. */
class PollChart extends Div {

    PollChart(String id, String title, List<PollTally.Bar> bars, int votes) {
        setId(id);
        addClassName("poll-chart");
        add(new H4(title + " · " + votes + (votes == 1 ? " vote" : " votes")));
        int max = bars.stream().mapToInt(PollTally.Bar::votes).max().orElse(0);
        for (int i = 0; i < bars.size(); i++) {
            PollTally.Bar b = bars.get(i);
            Div row = new Div();
            row.addClassName("poll-bar-row");
            if (b.correct()) {
                row.addClassName("correct");
            }
            Span label = new Span(b.label() + (b.correct() ? " ✓" : ""));
            label.addClassName("poll-bar-label");
            Div bar = new Div();
            bar.addClassName("poll-bar");
            bar.setWidth(max == 0 ? "0" : (b.votes() * 100.0 / max) + "%");
            Span count = new Span(Integer.toString(b.votes()));
            count.addClassName("poll-bar-count");
            count.setId(id + "-count-" + i);
            Div track = new Div(bar);
            track.addClassName("poll-bar-track");
            row.add(label, track, count);
            add(row);
        }
    }
}
